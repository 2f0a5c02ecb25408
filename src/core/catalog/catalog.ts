// The in-memory catalog the bot serves from: one training run's tracks as typed arrays plus indexes.
import type { StringList } from '../titles/index.ts';
import type { AudioFeature, Track } from '../../data/track.ts';
import { isAudioFeature } from '../../data/track.ts';
import type { CatalogColumns } from './catalogColumns.ts';
import { columnsFromTracks, trackFromColumns } from './catalogColumns.ts';
import type { CatalogIndexes } from './catalogIndexes.ts';
import { buildCatalogIndexes, findIdIndex } from './catalogIndexes.ts';
import type { CatalogParts, CatalogSource } from './catalogSource.ts';
import { CatalogSourceError } from '../errors.ts';
import type { DenseLayerWeights } from '../latent/index.ts';
import type { FeatureTable } from './featureTable.ts';
import { scaleFeatureTable } from './featureTable.ts';
import type { GenreCount, GenreTable } from './genreTable.ts';
import type { KdTree } from '../neighbours/index.ts';
import type { TitleIndex } from '../titles/index.ts';

/** Tracks, latent vectors and indexes of one run, built once and then only read. */
export class TrackCatalog {
  readonly runId: string;
  readonly size: number;
  readonly latentDim: number;
  /** size x latentDim, shared with the source (not copied). */
  readonly vectors: Float32Array;
  /** Training features, in encoder order. */
  readonly features: readonly AudioFeature[];
  readonly scaler: CatalogSource['scaler'];
  readonly encoder: readonly DenseLayerWeights[];
  /** Per-track data as columns; `track(i)` turns a row back into a Track. */
  readonly columns: CatalogColumns;
  /** Derived indexes, kept whole so a snapshot can store them. */
  readonly indexes: CatalogIndexes;
  readonly featureTable: FeatureTable;
  /** 0-100, -1 when unknown. */
  readonly popularity: Int16Array;
  /** 0 clean, 1 explicit, 2 unknown. */
  readonly explicit: Uint8Array;
  readonly genreTable: GenreTable;
  /** Genres sorted by name, with track counts. */
  readonly genres: readonly GenreCount[];
  /** Primary artist id per track; ids index `artistKeys` (normalised names). */
  readonly artistIds: Int32Array;
  readonly artistKeys: StringList;
  /** Song id per track: releases of the same song (see songKey.ts) share one id. */
  readonly songIds: Int32Array;
  readonly songCount: number;
  readonly tree: KdTree;
  /** Distance scale D of the similarity formula (see similarity.ts). */
  readonly distanceScale: number;
  readonly titleIndex: TitleIndex;
  private trackObjects: Track[] | undefined;
  private readonly genreIdByName: Map<string, number>;

  /**
   * Builds a catalog from a run's tracks (computing every index), or assembles one from stored
   * parts (computing nothing heavy); throws CatalogSourceError if the data does not fit.
   */
  constructor(source: CatalogSource | CatalogParts) {
    const fromTracks = 'tracks' in source;
    const columns = fromTracks ? columnsFromTracks(source.tracks) : source.columns;
    checkSource(source, columns.ids.length);
    const indexes = fromTracks
      ? buildCatalogIndexes(columns, source.vectors, source.latentDim)
      : source.indexes;
    this.trackObjects = fromTracks ? source.tracks : undefined;
    this.runId = source.runId;
    this.size = columns.ids.length;
    this.latentDim = source.latentDim;
    this.vectors = source.vectors;
    this.features = source.features as AudioFeature[];
    this.scaler = source.scaler;
    this.encoder = source.encoder;
    this.columns = columns;
    this.indexes = indexes;
    this.featureTable = scaleFeatureTable(columns.raw, source.scaler);
    this.popularity = columns.popularity;
    this.explicit = columns.explicit;
    this.genreTable = columns.genres;
    this.genres = this.genreTable.names.map((name, id) => ({
      name,
      count: this.genreTable.counts[id] as number,
    }));
    this.genreIdByName = new Map(this.genreTable.names.map((name, id) => [name, id]));
    this.artistIds = indexes.artistIds;
    this.artistKeys = indexes.artistKeys;
    this.songIds = indexes.songIds;
    this.songCount = indexes.songCount;
    this.tree = { ...indexes.tree, points: this.vectors };
    this.distanceScale = indexes.distanceScale;
    this.titleIndex = indexes.titleIndex;
  }

  /** Every track as a Track object; built on first use when the catalog came from stored parts. */
  get tracks(): readonly Track[] {
    this.trackObjects ??= Array.from({ length: this.size }, (_, i) =>
      trackFromColumns(this.columns, i),
    );
    return this.trackObjects;
  }

  /** Track `index` as a Track object (prefer this to `tracks[index]`: it builds only that one). */
  track(index: number): Track {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) {
      throw new RangeError(`Track index ${index} is outside the catalog (0..${this.size - 1})`);
    }
    return this.trackObjects?.[index] ?? trackFromColumns(this.columns, index);
  }

  /** Index of the track with this Spotify id, or -1. */
  indexOfId(id: string): number {
    return findIdIndex(this.columns.ids, this.indexes.idOrder, id);
  }

  /** Id of a genre given by its exact name, or -1. */
  genreIdOf(name: string): number {
    return this.genreIdByName.get(name) ?? -1;
  }

  /** The latent vector of track `index` (a view, not a copy). */
  vectorOf(index: number): Float32Array {
    return this.vectors.subarray(index * this.latentDim, (index + 1) * this.latentDim);
  }
}

function checkSource(source: CatalogSource | CatalogParts, size: number): void {
  const { vectors, latentDim, features, scaler } = source;
  if (!Number.isInteger(latentDim) || latentDim < 1) {
    throw new CatalogSourceError(`latentDim must be a positive integer, got ${latentDim}`);
  }
  if (vectors.length !== size * latentDim) {
    throw new CatalogSourceError(
      `${size} tracks x ${latentDim} dims need ${size * latentDim} vector values, got ${vectors.length}`,
    );
  }
  for (let i = 0; i < vectors.length; i++) {
    if (!Number.isFinite(vectors[i])) {
      throw new CatalogSourceError(`Vector of track ${Math.floor(i / latentDim)} is not finite`);
    }
  }
  const unknown = features.filter((name) => !isAudioFeature(name));
  if (unknown.length > 0) throw new CatalogSourceError(`Unknown features: ${unknown.join(', ')}`);
  const unscaled = features.filter((name) => !scaler.features.includes(name));
  if (unscaled.length > 0) {
    throw new CatalogSourceError(`The scaler lacks features: ${unscaled.join(', ')}`);
  }
  if (
    scaler.min.length !== scaler.features.length ||
    scaler.max.length !== scaler.features.length
  ) {
    throw new CatalogSourceError('Scaler min/max do not match its feature list');
  }
}
