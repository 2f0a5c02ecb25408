// "If you like this song, you'll like these": nearest neighbours of a track, filtered and varied.
import type { Track } from '../../data/track.ts';
import type { TrackCatalog } from '../catalog/index.ts';
import { InvalidQueryError } from '../errors.ts';
import { tracksShareGenre } from '../catalog/index.ts';
import { nearestNeighbours } from '../neighbours/index.ts';
import { explainSimilarity } from './reason.ts';
import { createResultSelector } from './resultSelector.ts';
import { similarityFromDistance } from './similarity.ts';
import type { TrackFilterOptions } from './trackFilter.ts';
import { compileTrackFilter } from './trackFilter.ts';

export interface RecommendOptions extends TrackFilterOptions {
  /** Results per page, 1-100 (default 5). */
  count?: number;
  /** Results to skip, for "more like this" paging (default 0). */
  offset?: number;
  /**
   * Songs per primary artist in the whole list (default 1; Infinity for no cap). The query's own
   * artist is treated like any other: with the default, one other song of theirs may appear.
   */
  maxPerArtist?: number;
  /** Only tracks sharing at least one genre with the query track. */
  sameGenre?: boolean;
}

/** One recommended track. */
export interface Recommendation {
  index: number;
  track: Track;
  /** Euclidean distance in latent space. */
  distance: number;
  /** 0-100, see similarity.ts. */
  similarity: number;
  reason: string;
}

/**
 * The tracks closest to track `trackIndex` in latent space, excluding the query's song (all its
 * releases), never two releases of one song, with the per-artist cap and filters applied.
 */
export function recommendFromTrack(
  catalog: TrackCatalog,
  trackIndex: number,
  options: RecommendOptions = {},
): Recommendation[] {
  const count = options.count ?? 5;
  const offset = options.offset ?? 0;
  const maxPerArtist = options.maxPerArtist ?? 1;
  checkOptions(catalog, trackIndex, count, offset, maxPerArtist);
  const filter = compileTrackFilter(catalog, options);
  if (
    options.sameGenre &&
    catalog.genreTable.offsets[trackIndex] === catalog.genreTable.offsets[trackIndex + 1]
  ) {
    throw new InvalidQueryError(
      `"${catalog.columns.titles.at(trackIndex)}" has no genre, so "same genre" cannot apply.`,
    );
  }
  const select = createResultSelector(catalog, maxPerArtist, [
    catalog.songIds[trackIndex] as number,
  ]);
  const accept = (index: number): boolean =>
    filter(index) &&
    (!options.sameGenre || tracksShareGenre(catalog.genreTable, trackIndex, index)) &&
    select(index);
  const neighbours = nearestNeighbours(
    catalog.tree,
    catalog.vectorOf(trackIndex),
    offset + count,
    accept,
  );
  return neighbours.slice(offset).map(({ index, distance }) => ({
    index,
    track: catalog.track(index),
    distance,
    similarity: similarityFromDistance(distance, catalog.distanceScale),
    reason: explainSimilarity(catalog.featureTable, trackIndex, index, catalog.features),
  }));
}

function checkOptions(
  catalog: TrackCatalog,
  trackIndex: number,
  count: number,
  offset: number,
  maxPerArtist: number,
): void {
  if (!Number.isInteger(trackIndex) || trackIndex < 0 || trackIndex >= catalog.size) {
    throw new RangeError(
      `Track index ${trackIndex} is outside the catalog (0..${catalog.size - 1})`,
    );
  }
  if (!Number.isInteger(count) || count < 1 || count > 100) {
    throw new InvalidQueryError(`Count must be a whole number from 1 to 100, got ${count}.`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new InvalidQueryError(`Offset must be a whole number of at least 0, got ${offset}.`);
  }
  if (!(maxPerArtist >= 1)) {
    throw new InvalidQueryError(`At most ${maxPerArtist} songs per artist leaves nothing to show.`);
  }
}
