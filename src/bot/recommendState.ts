// What a /recommend reply's buttons need to recompute it: the song, the page and the filters.
import type { PopularityMode } from '../core/queries/index.ts';
import { POPULARITY_MODES } from '../core/queries/index.ts';
import { decodeCustomId, encodeCustomId, ExpiredComponentError, intField } from './customIds.ts';
import type { RecommendFilters } from './lists/listState.ts';

/** One song's list page, as a 100-character custom id holds it. */
export interface RecommendState extends RecommendFilters {
  trackId: string;
  offset: number;
}

const MORE = 'more';
const PICK = 'pick';
export const RECOMMEND_PREFIXES = { more: MORE, pick: PICK } as const;

/** The custom id of "More like this" for this state. */
export function encodeRecommendState(state: RecommendState): string {
  // Bits 0-1: the two filters; bits 2-3: the popularity mode (0, balanced, in ids made before it).
  const mode = POPULARITY_MODES.indexOf(state.popularity);
  const flags = (state.sameGenre ? 1 : 0) | (state.noExplicit ? 2 : 0) | (mode << 2);
  return encodeCustomId(MORE, [
    state.trackId,
    state.offset,
    state.count,
    flags,
    clean(state.genre),
    clean(state.excludeArtist),
  ]);
}

/** Reads a "More like this" custom id back; throws ExpiredComponentError on anything else. */
export function decodeRecommendState(id: string): RecommendState {
  const [trackId = '', offset, count, flags, genre = '', excludeArtist = ''] = decodeCustomId(
    MORE,
    id,
    6,
  );
  const bits = intField(flags, 0, 4 * POPULARITY_MODES.length - 1);
  return {
    trackId,
    offset: intField(offset, 0, 1000),
    count: intField(count, 1, 10),
    sameGenre: (bits & 1) !== 0,
    noExplicit: (bits & 2) !== 0,
    genre,
    excludeArtist,
    popularity: POPULARITY_MODES[bits >> 2] as PopularityMode,
  };
}

/** What the "Recommend from one of these" menu carries over to the picked song's list. */
export interface PickState {
  count: number;
  popularity: PopularityMode;
}

/** The custom id of the menu: one field, mode * 16 + count, so ids made before modes still read. */
export function encodePickState({ count, popularity }: PickState): string {
  return encodeCustomId(PICK, [POPULARITY_MODES.indexOf(popularity) * 16 + count]);
}

/** The page size and popularity mode stored in a menu's custom id. */
export function decodePickState(id: string): PickState {
  const packed = intField(decodeCustomId(PICK, id, 1)[0], 1, 16 * POPULARITY_MODES.length - 1);
  const count = packed % 16;
  if (count < 1 || count > 10) throw new ExpiredComponentError();
  return { count, popularity: POPULARITY_MODES[packed >> 4] as PopularityMode };
}

// ':' separates fields, so it cannot appear inside one.
function clean(text: string): string {
  return text.replaceAll(':', ' ');
}
