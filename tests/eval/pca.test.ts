import { describe, expect, it } from 'vitest';
import { fitPca, jacobiEigen, pcaProject, pcaReconstruct } from '../../src/eval/pca.ts';
import { reconstructionMse } from '../../src/eval/reconstructionMse.ts';
import { mulberry32 } from '../../src/ml/seededShuffle.ts';

/** rows x 9 values that are exact linear mixtures of `rank` hidden factors, plus an offset. */
function lowRankRows(rows: number, rank: number, seed = 1): Float32Array {
  const random = mulberry32(seed);
  const mixing = Array.from({ length: rank * 9 }, () => random() - 0.5);
  const x = new Float32Array(rows * 9);
  for (let r = 0; r < rows; r++) {
    const factors = Array.from({ length: rank }, () => random() - 0.5);
    for (let d = 0; d < 9; d++) {
      let v = 0.5;
      for (let k = 0; k < rank; k++) v += (factors[k] as number) * (mixing[k * 9 + d] as number);
      x[r * 9 + d] = v;
    }
  }
  return x;
}

describe('PCA', () => {
  it('reconstructs rank-3 data almost exactly with 3 components, and not with 2', () => {
    // GIVEN 500 rows of 9 features driven by exactly 3 factors
    const x = lowRankRows(500, 3);
    // WHEN PCA keeps 3 (then 2) components
    const three = fitPca(x, 9, 3);
    const two = fitPca(x, 9, 2);
    const mse3 = reconstructionMse(x, pcaReconstruct(three, pcaProject(three, x)));
    const mse2 = reconstructionMse(x, pcaReconstruct(two, pcaProject(two, x)));
    // THEN 3 components lose nothing but rounding, 2 lose real variance
    expect(mse3).toBeLessThan(1e-10);
    expect(mse2).toBeGreaterThan(1e-4);
    // AND the components come by decreasing variance
    expect(three.variances[0]).toBeGreaterThanOrEqual(three.variances[1] as number);
    expect(three.variances[1]).toBeGreaterThanOrEqual(three.variances[2] as number);
  });

  it('finds the eigenpairs of a small symmetric matrix', () => {
    // GIVEN [[2, 1], [1, 2]] with eigenvalues 1 and 3
    const { values, vectors } = jacobiEigen(Float64Array.from([2, 1, 1, 2]), 2);
    // THEN A v = lambda v for each column
    const sorted = Array.from(values).sort();
    expect(sorted[0]).toBeCloseTo(1, 12);
    expect(sorted[1]).toBeCloseTo(3, 12);
    for (let c = 0; c < 2; c++) {
      const v0 = vectors[c] as number;
      const v1 = vectors[2 + c] as number;
      expect(2 * v0 + v1).toBeCloseTo((values[c] as number) * v0, 12);
      expect(v0 + 2 * v1).toBeCloseTo((values[c] as number) * v1, 12);
    }
  });
});
