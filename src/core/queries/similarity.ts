// Turns the ranking's feature distance into a 0-100 similarity a listener can read.
//
// similarity = round(100 * 4^(-d / m)), where d is the distance over the scaled audio features
// (what the ranking orders by) and m the median distance between two random tracks of the
// catalog. So a typical random pair scores 25%, every halving of the distance adds the same
// factor, 100% means the same sound, and a number means the same thing for every query.
// The popularity prior is not part of it: popularity changes the order, not how alike two songs are.

/** Similarity 0-100 of two tracks `distance` apart, given the catalog's median pair distance. */
export function similarityFromDistance(distance: number, typicalDistance: number): number {
  const value = Math.round(100 * Math.pow(4, -distance / typicalDistance));
  return value < 0 ? 0 : value > 100 ? 100 : value;
}
