// Batched encoding of many rows to latent vectors with a tfjs encoder, for the evaluation's models
// (a training run encodes its catalog in plain TypeScript instead: train/encodeTracks.ts).
import * as tf from '@tensorflow/tfjs';

/** The rows or the encoder do not have the shapes encoding needs. */
export class EncodeError extends Error {
  override name = 'EncodeError';
}

/** Encodes row-major rows (rows x dim) to row-major latent vectors (rows x latent). */
export function encodeRows(
  encoder: tf.LayersModel,
  x: Float32Array,
  rows: number,
  dim: number,
  batchSize = 8192,
): Float32Array {
  if (x.length !== rows * dim) {
    throw new EncodeError(`${x.length} values are not ${rows} rows of ${dim}`);
  }
  const latentDim = encoder.outputs[0]?.shape[1];
  if (typeof latentDim !== 'number') throw new EncodeError('encoder has no 2-D output');
  const out = new Float32Array(rows * latentDim);
  for (let start = 0; start < rows; start += batchSize) {
    const n = Math.min(batchSize, rows - start);
    const batch = x.subarray(start * dim, (start + n) * dim);
    const encoded = tf.tidy(() => encoder.predict(tf.tensor2d(batch, [n, dim])) as tf.Tensor);
    out.set(encoded.dataSync() as Float32Array, start * latentDim);
    encoded.dispose();
  }
  return out;
}
