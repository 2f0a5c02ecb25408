// How much popularity weighs in a ranking, as a listener chooses it: popular, balanced, any, deep cuts.
//
// The weight is subtracted from the feature distance, times popularity / 100. At the default 0.05
// a song 80 points more popular may rank above one 0.04 closer in sound (a typical result lies
// 0.08-0.22 from the query); measured on the 114k data set it keeps genre agreement at 0.96x pure
// sound while popularity-0 results for popular queries fall from 7.6% to 1.5% (README, Evaluation).
import { InvalidQueryError } from '../errors.ts';

export const POPULARITY_MODES = ['balanced', 'popular', 'any', 'deep-cuts'] as const;
export type PopularityMode = (typeof POPULARITY_MODES)[number];

/** What a mode does: a weight for the popularity prior, and bounds when the listener set none. */
export interface PopularityRule {
  weight: number;
  minPopularity?: number;
  maxPopularity?: number;
}

const RULES: Record<PopularityMode, PopularityRule> = {
  balanced: { weight: 0.05 },
  popular: { weight: 0.15, minPopularity: 1 },
  any: { weight: 0 },
  // Lesser-known releases, nearest in sound first; popularity 0 is mostly duplicates and
  // unavailable releases in Spotify exports, so it is left out here too.
  'deep-cuts': { weight: 0, minPopularity: 1, maxPopularity: 35 },
};

/** One line per mode, for help texts and command choices. */
export const POPULARITY_HELP: Record<PopularityMode, string> = {
  balanced: 'closest in sound, nudged toward songs people play (default)',
  popular: 'well-known songs first',
  any: 'closest in sound, popularity ignored',
  'deep-cuts': 'lesser-known songs only (popularity 1-35)',
};

/** The rule of a mode given by name; InvalidQueryError naming the choices for anything else. */
export function popularityRule(mode: string = 'balanced'): PopularityRule {
  if (!(POPULARITY_MODES as readonly string[]).includes(mode)) {
    throw new InvalidQueryError(
      `Popularity "${mode}" is not one of: ${POPULARITY_MODES.join(', ')}.`,
    );
  }
  return RULES[mode as PopularityMode];
}
