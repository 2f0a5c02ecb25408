// Principal component analysis in plain TypeScript: covariance, Jacobi eigen-decomposition, projection.

/** A fitted PCA: the data mean and the top components (rows of `components`, unit length). */
export interface PcaModel {
  dim: number;
  mean: Float64Array;
  /** components x dim, row-major, by decreasing variance. */
  components: Float64Array;
  /** Variance along each kept component. */
  variances: Float64Array;
}

/** Fits PCA with `count` components on row-major rows (rows x dim). */
export function fitPca(x: Float32Array, dim: number, count: number): PcaModel {
  const rows = x.length / dim;
  const mean = new Float64Array(dim);
  for (let i = 0; i < x.length; i++) (mean[i % dim] as number) += x[i] as number;
  for (let d = 0; d < dim; d++) (mean[d] as number) /= rows;
  const cov = new Float64Array(dim * dim);
  const centred = new Float64Array(dim);
  for (let r = 0; r < rows; r++) {
    for (let d = 0; d < dim; d++) centred[d] = (x[r * dim + d] as number) - (mean[d] as number);
    for (let a = 0; a < dim; a++) {
      const ca = centred[a] as number;
      for (let b = a; b < dim; b++) (cov[a * dim + b] as number) += ca * (centred[b] as number);
    }
  }
  for (let a = 0; a < dim; a++) {
    for (let b = a; b < dim; b++) {
      const v = (cov[a * dim + b] as number) / Math.max(1, rows - 1);
      cov[a * dim + b] = v;
      cov[b * dim + a] = v;
    }
  }
  const { values, vectors } = jacobiEigen(cov, dim);
  const order = Array.from({ length: dim }, (_, i) => i).sort(
    (a, b) => (values[b] as number) - (values[a] as number),
  );
  const components = new Float64Array(count * dim);
  const variances = new Float64Array(count);
  order.slice(0, count).forEach((col, k) => {
    variances[k] = values[col] as number;
    for (let d = 0; d < dim; d++) components[k * dim + d] = vectors[d * dim + col] as number;
  });
  return { dim, mean, components, variances };
}

/** Projects rows onto the components: rows x count codes. */
export function pcaProject(model: PcaModel, x: Float32Array): Float32Array {
  const { dim, mean, components } = model;
  const count = components.length / dim;
  const rows = x.length / dim;
  const out = new Float32Array(rows * count);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < count; k++) {
      let sum = 0;
      for (let d = 0; d < dim; d++) {
        sum +=
          ((x[r * dim + d] as number) - (mean[d] as number)) * (components[k * dim + d] as number);
      }
      out[r * count + k] = sum;
    }
  }
  return out;
}

/** Maps codes back to the input space: mean + codes · components. */
export function pcaReconstruct(model: PcaModel, codes: Float32Array): Float32Array {
  const { dim, mean, components } = model;
  const count = components.length / dim;
  const rows = codes.length / count;
  const out = new Float32Array(rows * dim);
  for (let r = 0; r < rows; r++) {
    for (let d = 0; d < dim; d++) {
      let sum = mean[d] as number;
      for (let k = 0; k < count; k++) {
        sum += (codes[r * count + k] as number) * (components[k * dim + d] as number);
      }
      out[r * dim + d] = sum;
    }
  }
  return out;
}

/**
 * Eigenvalues and eigenvectors (columns of `vectors`, row-major n x n) of a symmetric matrix by
 * cyclic Jacobi rotations: exact to rounding for the 9-13 features we have.
 */
export function jacobiEigen(
  matrix: Float64Array,
  n: number,
): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) off += (a[p * n + q] as number) ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q] as number;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = ((a[q * n + q] as number) - (a[p * n + p] as number)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p] as number;
          const akq = a[k * n + q] as number;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k] as number;
          const aqk = a[q * n + k] as number;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p] as number;
          const vkq = v[k * n + q] as number;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i] as number;
  return { values, vectors: v };
}
