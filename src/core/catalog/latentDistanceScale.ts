// The catalog's latent distance scale D, used by the similarity formula (queries/similarity.ts).

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
