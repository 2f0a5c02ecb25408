// Picking rows out of a row-major matrix by index: a training split, or one epoch's shuffled batches.

/** Copies the listed rows of a row-major matrix, in that order, into `out`. */
export function gatherRows(
  x: Float32Array,
  dim: number,
  indices: Uint32Array,
  out = new Float32Array(indices.length * dim),
): Float32Array {
  for (let k = 0; k < indices.length; k++) {
    const src = (indices[k] as number) * dim;
    out.set(x.subarray(src, src + dim), k * dim);
  }
  return out;
}
