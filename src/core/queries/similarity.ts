// Turns the ranking's feature distance into a 0-100 similarity a listener can read.
//
// similarity = round(100 * 4^(-d * M / S^2)), where
// - d is the distance over the scaled audio features (what the ranking orders by),
// - S is the seed's spread: the root-mean-square distance from the seed to every track, i.e. how
//   far an ordinary track is from this seed,
// - M is the catalog's root-mean-square distance between two random tracks.
// For a seed with an ordinary sound (S = M) a random track scores about 25% and each halving of
// the distance takes the number the same step closer to 100. For a seed with a rare sound (S > M)
// coming close is rarer, and counts for more: measured over random queries (README, "A similarity
// that means something"), results of such seeds share the seed's genre more often, and with S
// counted twice, results shown higher share a genre more often; with d / M alone they did not.
// The popularity prior is not part of it: popularity changes the order, not how alike two songs are.
import type { FeatureSpace } from './featureSpace.ts';
import { spreadAround } from './featureMoments.ts';

/** Similarity 0-100 of a track `distance` from a seed whose spread is `seedSpread`, in a catalog whose pair spread is `pairSpread`. */
export function similarityFromDistance(
  distance: number,
  seedSpread: number,
  pairSpread: number,
): number {
  const value = Math.round(100 * Math.pow(4, (-distance * pairSpread) / (seedSpread * seedSpread)));
  return value < 0 ? 0 : value > 100 ? 100 : value;
}

/** Similarity 0-100 of a track `distance` from the seed with scaled features `seed`. */
export function similarityToSeed(
  space: FeatureSpace,
  seed: ArrayLike<number>,
  distance: number,
): number {
  const { moments } = space;
  return similarityFromDistance(distance, spreadAround(moments, seed), moments.pairSpread);
}
