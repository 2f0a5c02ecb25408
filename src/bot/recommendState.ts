// What a /recommend reply's buttons need to recompute it: the song, the page and the filters.
import { decodeCustomId, encodeCustomId, intField } from './customIds.ts';

export interface RecommendState {
  trackId: string;
  offset: number;
  count: number;
  sameGenre: boolean;
  noExplicit: boolean;
  genre: string;
  excludeArtist: string;
}

const MORE = 'more';
const PICK = 'pick';
export const RECOMMEND_PREFIXES = { more: MORE, pick: PICK } as const;

/** The custom id of "More like this" for this state. */
export function encodeRecommendState(state: RecommendState): string {
  const flags = (state.sameGenre ? 1 : 0) | (state.noExplicit ? 2 : 0);
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
  const bits = intField(flags, 0, 3);
  return {
    trackId,
    offset: intField(offset, 0, 1000),
    count: intField(count, 1, 10),
    sameGenre: (bits & 1) !== 0,
    noExplicit: (bits & 2) !== 0,
    genre,
    excludeArtist,
  };
}

/** The custom id of the "Recommend from one of these" menu. */
export function encodePickState(count: number): string {
  return encodeCustomId(PICK, [count]);
}

/** The page size stored in a menu's custom id. */
export function decodePickState(id: string): number {
  return intField(decodeCustomId(PICK, id, 1)[0], 1, 10);
}

// ':' separates fields, so it cannot appear inside one.
function clean(text: string): string {
  return text.replaceAll(':', ' ');
}
