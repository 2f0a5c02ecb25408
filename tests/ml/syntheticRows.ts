// Small seeded data sets for ml tests: rows in [0, 1] that really are 2-D underneath.
import { mulberry32 } from '../../src/ml/seededShuffle.ts';

/** `rows` x `dim` row-major values driven by two hidden factors, plus a little noise. */
export function syntheticRows(rows: number, dim: number, seed = 1): Float32Array {
  const random = mulberry32(seed);
  const x = new Float32Array(rows * dim);
  for (let r = 0; r < rows; r++) {
    const a = random();
    const b = random();
    for (let f = 0; f < dim; f++) {
      const mix = (f % 3 === 0 ? a : f % 3 === 1 ? b : (a + b) / 2) + 0.05 * (random() - 0.5);
      x[r * dim + f] = Math.min(1, Math.max(0, mix));
    }
  }
  return x;
}
