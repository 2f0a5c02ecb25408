// What a listener can ask of a recommendation besides its seeds.
import type { FeatureLimits } from './featureLimits.ts';
import type { PopularityMode } from './popularityMode.ts';
import type { TrackFilterOptions } from './trackFilter.ts';

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
  /** Only tracks sharing at least one genre with a seed. */
  sameGenre?: boolean;
  /** How much popularity weighs (default balanced, see popularityMode.ts). */
  popularity?: PopularityMode;
  /** Hard limits on audio features in raw units (see featureLimits.ts). */
  limits?: FeatureLimits;
  /** Tracks never to return (a listener's dislikes, what a chain already showed). */
  excludeTracks?: ReadonlySet<number>;
  /** Added to a candidate's score (lower ranks first): a listener's taste, for example. */
  adjustScore?: (index: number) => number;
}
