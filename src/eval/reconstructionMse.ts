// Reconstruction error: the mean squared difference between rows and their reconstructions.

/** MSE averaged over every value of two equally shaped row-major matrices. */
export function reconstructionMse(x: Float32Array, y: Float32Array): number {
  if (x.length !== y.length) throw new RangeError(`${x.length} values vs ${y.length}`);
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const d = (x[i] as number) - (y[i] as number);
    sum += d * d;
  }
  return sum / x.length;
}
