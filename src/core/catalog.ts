// The in-memory catalog the bot serves from: one training run's tracks as typed arrays plus indexes.
import type { AudioFeature, Track } from '../data/track.ts';
import { isAudioFeature } from '../data/track.ts';
import type { CatalogSource } from './catalogSource.ts';
import { CatalogSourceError } from './errors.ts';
import type { DenseLayerWeights } from './latentEncoder.ts';
import type { FeatureTable } from './featureTable.ts';
import { buildFeatureTable } from './featureTable.ts';
import type { GenreCount, GenreTable } from './genreTable.ts';
import { buildGenreTable } from './genreTable.ts';
import type { KdTree } from './kdTree.ts';
import { buildKdTree } from './kdTree.ts';
import { normalizeText } from './normalizeText.ts';
import { latentDistanceScale } from './similarity.ts';
import { songKeyOf } from './songKey.ts';
import type { TitleIndex } from './titleIndex.ts';
import { buildTitleIndex } from './titleIndex.ts';

/** Tracks, latent vectors and indexes of one run, built once and then only read. */
export class TrackCatalog {
  readonly runId: string;
  readonly size: number;
  readonly tracks: readonly Track[];
  readonly latentDim: number;
  /** size x latentDim, shared with the source (not copied). */
  readonly vectors: Float32Array;
  /** Training features, in encoder order. */
  readonly features: readonly AudioFeature[];
  readonly scaler: CatalogSource['scaler'];
  readonly encoder: readonly DenseLayerWeights[];
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
  readonly artistKeys: readonly string[];
  /** Song id per track: releases of the same song (see songKey.ts) share one id. */
  readonly songIds: Int32Array;
  readonly songCount: number;
  readonly tree: KdTree;
  /** Distance scale D of the similarity formula (see similarity.ts). */
  readonly distanceScale: number;
  readonly titleIndex: TitleIndex;
  private readonly indexById: Map<string, number>;
  private readonly genreIdByName: Map<string, number>;

  /** Builds every array and index from a run's data; throws CatalogSourceError if it does not fit. */
  constructor(source: CatalogSource) {
    checkSource(source);
    const { tracks } = source;
    const n = tracks.length;
    this.runId = source.runId;
    this.size = n;
    this.tracks = tracks;
    this.latentDim = source.latentDim;
    this.vectors = source.vectors;
    this.features = source.features as AudioFeature[];
    this.scaler = source.scaler;
    this.encoder = source.encoder;
    this.featureTable = buildFeatureTable(tracks, source.scaler);
    this.popularity = new Int16Array(n);
    this.explicit = new Uint8Array(n);
    this.indexById = new Map();
    const artists = new Interner();
    const songs = new Interner();
    const titles: string[] = new Array<string>(n);
    this.artistIds = new Int32Array(n);
    this.songIds = new Int32Array(n);
    tracks.forEach((track, i) => {
      this.popularity[i] = track.popularity ?? -1;
      this.explicit[i] = track.explicit === null ? 2 : track.explicit ? 1 : 0;
      if (!this.indexById.has(track.id)) this.indexById.set(track.id, i);
      const artist = track.artists[0] ?? '';
      const artistKey = normalizeText(artist);
      const title = normalizeText(track.title);
      titles[i] = title;
      this.artistIds[i] = artists.idOf(artistKey);
      this.songIds[i] = songs.idOf(songKeyOf(track.title, artist, title, artistKey));
    });
    this.artistKeys = artists.keys;
    this.songCount = songs.keys.length;
    this.genreTable = buildGenreTable(tracks);
    this.genres = this.genreTable.names.map((name, id) => ({
      name,
      count: this.genreTable.counts[id] as number,
    }));
    this.genreIdByName = new Map(this.genreTable.names.map((name, id) => [name, id]));
    this.tree = buildKdTree(this.vectors, this.latentDim);
    this.distanceScale = latentDistanceScale(this.vectors, this.latentDim);
    this.titleIndex = buildTitleIndex({
      titles,
      artistKeys: this.artistKeys,
      artistIds: this.artistIds,
      songIds: this.songIds,
      songCount: this.songCount,
      popularity: this.popularity,
    });
  }

  /** Index of the track with this Spotify id, or -1. */
  indexOfId(id: string): number {
    return this.indexById.get(id) ?? -1;
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

/** Assigns consecutive ids to distinct strings. */
class Interner {
  readonly keys: string[] = [];
  private readonly ids = new Map<string, number>();

  idOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    return id;
  }
}

function checkSource(source: CatalogSource): void {
  const { tracks, vectors, latentDim, features, scaler } = source;
  if (!Number.isInteger(latentDim) || latentDim < 1) {
    throw new CatalogSourceError(`latentDim must be a positive integer, got ${latentDim}`);
  }
  if (vectors.length !== tracks.length * latentDim) {
    throw new CatalogSourceError(
      `${tracks.length} tracks x ${latentDim} dims need ${tracks.length * latentDim} vector values, got ${vectors.length}`,
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
