// Turns a latent distance into a 0-100 similarity a person can read.
//
// similarity = round(100 * (1 - d / D)), clamped to 0..100, where D is the 99th percentile of the
// distance between two random tracks of the catalog (a robust "diameter" of the latent cloud,
// computed once from a fixed sample of pairs). 100 means the same point; 0 means as far apart as
// the most distant 1% of random pairs.

/** Similarity 0-100 of two tracks at latent distance `distance`, given the catalog's scale. */
export function similarityFromDistance(distance: number, scale: number): number {
  const value = Math.round(100 * (1 - distance / scale));
  return value < 0 ? 0 : value > 100 ? 100 : value;
}
