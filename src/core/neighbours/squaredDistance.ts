// The one distance computation shared by the k-d tree and the brute-force reference, so both agree bit for bit.

/** Squared Euclidean distance between point `index` of a flat n x dim array and a query. */
export function squaredDistance(
  points: Float32Array,
  dim: number,
  index: number,
  query: ArrayLike<number>,
): number {
  let sum = 0;
  const base = index * dim;
  for (let d = 0; d < dim; d++) {
    const diff = (points[base + d] as number) - (query[d] as number);
    sum += diff * diff;
  }
  return sum;
}
