// "If you like this song, you'll like these": the served ranking from one track, filtered and varied.
import type { Track } from '../../data/track.ts';
import type { TrackCatalog } from '../catalog/index.ts';
import { tracksShareGenre } from '../catalog/index.ts';
import { InvalidQueryError } from '../errors.ts';
import { featureSpaceOf, scaledFeaturesOf } from './featureSpace.ts';
import type { PopularityMode, PopularityRule } from './popularityMode.ts';
import { popularityRule } from './popularityMode.ts';
import type { RankedTrack } from './ranking.ts';
import { NEIGHBOURHOOD_SIZE, rankNeighbourhood } from './ranking.ts';
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
  /** How much popularity weighs (default balanced, see popularityMode.ts). */
  popularity?: PopularityMode;
}

/** One recommended track. */
export interface Recommendation {
  index: number;
  track: Track;
  /** Distance over the scaled audio features (what the ranking orders by). */
  distance: number;
  /** 0-100, see similarity.ts. */
  similarity: number;
  reason: string;
}

/**
 * The songs that sound most like track `trackIndex` by the served ranking (ranking.ts), excluding
 * the query's song (all its releases), never two releases of one song, with the per-artist cap,
 * filters and popularity mode applied. Each page is shown closest first.
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
  const rule = popularityRule(options.popularity);
  const accept = compileAccept(catalog, trackIndex, options, rule);
  const query = {
    latent: catalog.vectorOf(trackIndex),
    features: scaledFeaturesOf(catalog, trackIndex),
    popularityWeight: rule.weight,
  };
  const songOfQuery = catalog.songIds[trackIndex] as number;
  for (let size = Math.max(NEIGHBOURHOOD_SIZE, 20 * (offset + count)); ; size *= 4) {
    const ranked = rankNeighbourhood(catalog, query, accept, size);
    const select = createResultSelector(catalog, maxPerArtist, [songOfQuery]);
    const chosen: RankedTrack[] = [];
    for (let next = ranked.next(); next && chosen.length < offset + count; next = ranked.next()) {
      if (select(next.index)) chosen.push(next);
    }
    if (chosen.length >= offset + count || ranked.size < size) {
      const space = featureSpaceOf(catalog);
      return chosen
        .slice(offset)
        .sort((a, b) => a.distance - b.distance || a.index - b.index)
        .map(({ index, distance }) => ({
          index,
          track: catalog.track(index),
          distance,
          similarity: similarityFromDistance(distance, space.typicalDistance),
          reason: explainSimilarity(catalog, trackIndex, index),
        }));
    }
  }
}

/** The hard constraints: filters, same genre, and the mode's popularity bounds unless set. */
function compileAccept(
  catalog: TrackCatalog,
  trackIndex: number,
  options: RecommendOptions,
  rule: PopularityRule,
): (index: number) => boolean {
  const bounded = options.minPopularity !== undefined || options.maxPopularity !== undefined;
  const filter = compileTrackFilter(catalog, bounded ? options : { ...options, ...bounds(rule) });
  if (
    options.sameGenre &&
    catalog.genreTable.offsets[trackIndex] === catalog.genreTable.offsets[trackIndex + 1]
  ) {
    throw new InvalidQueryError(
      `"${catalog.columns.titles.at(trackIndex)}" has no genre, so "same genre" cannot apply.`,
    );
  }
  return (index) =>
    filter(index) &&
    (!options.sameGenre || tracksShareGenre(catalog.genreTable, trackIndex, index));
}

function bounds(rule: PopularityRule): Pick<RecommendOptions, 'minPopularity' | 'maxPopularity'> {
  return { minPopularity: rule.minPopularity, maxPopularity: rule.maxPopularity };
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
