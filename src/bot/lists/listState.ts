// What a list reply's buttons need to go on: stored as JSON in its chain (db/listChains.ts), so
// five seeds and a history fit where a 100-character custom id would not.
import type { FeatureLimits, FeatureTargets, PopularityMode } from '../../core/queries/index.ts';
import { POPULARITY_MODES } from '../../core/queries/index.ts';
import { ExpiredComponentError } from '../customIds.ts';

/** The options a recommended list keeps from page to page. */
export interface RecommendFilters {
  /** Songs per page, 1-10. */
  count: number;
  sameGenre: boolean;
  noExplicit: boolean;
  genre: string;
  excludeArtist: string;
  popularity: PopularityMode;
}

/** A list recommended from seed songs (/recommend, /for-you, "Recommend from one of these"). */
export interface RecommendListState extends RecommendFilters {
  kind: 'recommend';
  /** Track ids, 1-5. */
  seeds: string[];
  /** Seeds are the listener's likes: every rated track is left out. */
  forYou: boolean;
  /** Shown only to the listener (ephemeral), as is every list that follows from it. */
  private: boolean;
  /** Hard limits on audio features (the `limits` option), kept by every page and playlist. */
  limits?: FeatureLimits;
}

/** A list matching a vibe (/similar-vibe and its nudges). */
export interface VibeListState {
  kind: 'vibe';
  targets: FeatureTargets;
  count: number;
  genre: string;
  popularity: PopularityMode;
  /** Hard limits on audio features (the `limits` option), kept by nudges and the playlist. */
  limits?: FeatureLimits;
}

/** A journey (/journey): a finished list, whose stops are all shown at once. */
export interface JourneyListState {
  kind: 'journey';
  from: string;
  to: string;
  /** Stops asked for, both ends included. */
  count: number;
  popularity: PopularityMode;
}

export type ListState = RecommendListState | VibeListState | JourneyListState;

/** Reads a stored state back; anything this version does not know reads as an expired button. */
export function parseListState(json: string): ListState {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ExpiredComponentError();
  }
  const state = value as Partial<ListState> | null;
  const count = state?.count;
  const countOk = typeof count === 'number' && Number.isInteger(count) && count >= 1;
  const modeOk = POPULARITY_MODES.includes(state?.popularity as PopularityMode);
  const limits = (state as { limits?: unknown } | null)?.limits;
  const limitsOk =
    limits === undefined ||
    (typeof limits === 'object' && limits !== null && 'min' in limits && 'max' in limits);
  if (!countOk || !modeOk || !limitsOk) throw new ExpiredComponentError();
  if (state?.kind === 'recommend' && Array.isArray(state.seeds) && state.seeds.length > 0) {
    return state as RecommendListState;
  }
  if (state?.kind === 'vibe' && typeof state.targets === 'object' && state.targets !== null) {
    return state as VibeListState;
  }
  if (state?.kind === 'journey' && typeof state.from === 'string' && typeof state.to === 'string') {
    return state as JourneyListState;
  }
  throw new ExpiredComponentError();
}
