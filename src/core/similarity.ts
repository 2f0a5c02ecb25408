// Turns a latent distance into a 0-100 similarity a person can read.
//
// similarity = round(100 * (1 - d / D)), clamped to 0..100, where D is the 99th percentile of the
// distance between two random tracks of the catalog (a robust "diameter" of the latent cloud,
// computed once from a fixed sample of pairs). 100 means the same point; 0 means as far apart as
// the most distant 1% of random pairs.

const SAMPLE_PAIRS = 20_000;
const PERCENTILE = 0.99;

/** The catalog's distance scale D: the 99th percentile of distances between random track pairs. */
export function latentDistanceScale(points: Float32Array, dim: number): number {
  const n = Math.floor(points.length / dim);
  if (n < 2) return 1;
  const pairs = Math.min(SAMPLE_PAIRS, (n * (n - 1)) / 2);
  const distances = new Float64Array(pairs);
  let seed = 0x9e3779b9;
  const random = (): number => {
    // xorshift32: a fixed seed keeps similarities identical between restarts.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  for (let p = 0; p < pairs; p++) {
    const a = Math.floor(random() * n);
    let b = Math.floor(random() * (n - 1));
    if (b >= a) b++;
    let sum = 0;
    for (let d = 0; d < dim; d++) {
      const diff = (points[a * dim + d] as number) - (points[b * dim + d] as number);
      sum += diff * diff;
    }
    distances[p] = Math.sqrt(sum);
  }
  distances.sort();
  const scale = distances[Math.min(pairs - 1, Math.floor(PERCENTILE * pairs))] as number;
  return scale > 0 ? scale : 1;
}

/** Similarity 0-100 of two tracks at latent distance `distance`, given the catalog's scale. */
export function similarityFromDistance(distance: number, scale: number): number {
  const value = Math.round(100 * (1 - distance / scale));
  return value < 0 ? 0 : value > 100 ? 100 : value;
}
