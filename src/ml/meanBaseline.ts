// The trivial reference a reconstruction must beat: predict every feature's training mean.

/** Per-feature mean of row-major rows (rows x dim). */
export function featureMeans(x: Float32Array, dim: number): Float64Array {
  const means = new Float64Array(dim);
  const rows = x.length / dim;
  for (let i = 0; i < x.length; i++) (means[i % dim] as number) += x[i] as number;
  for (let f = 0; f < dim; f++) (means[f] as number) /= rows;
  return means;
}

/** MSE of predicting `means` for every row of `x` (averaged over rows and features). */
export function meanBaselineMse(means: Float64Array, x: Float32Array): number {
  const dim = means.length;
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const d = (x[i] as number) - (means[i % dim] as number);
    sum += d * d;
  }
  return sum / x.length;
}
