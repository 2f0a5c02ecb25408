// Distances between random pairs of tracks, the scale the similarity numbers are read against.

const SAMPLE_PAIRS = 20_000;

/** Sorted distances of up to 20,000 random pairs of distinct tracks; a fixed seed gives the same sample at every start. */
export function randomPairDistances(
  n: number,
  distance: (a: number, b: number) => number,
): Float64Array {
  const pairs = n < 2 ? 0 : Math.min(SAMPLE_PAIRS, (n * (n - 1)) / 2);
  const distances = new Float64Array(pairs);
  let seed = 0x9e3779b9;
  const random = (): number => {
    // xorshift32
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  for (let p = 0; p < pairs; p++) {
    const a = Math.floor(random() * n);
    let b = Math.floor(random() * (n - 1));
    if (b >= a) b++;
    distances[p] = distance(a, b);
  }
  return distances.sort();
}
