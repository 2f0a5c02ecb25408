// Encoding every track with the plain-TypeScript encoder that the bot serves vibe queries with,
// so stored vectors and served encodings agree by construction (and it is faster than tfjs predict).
import { encodeLatent } from '../core/latent/index.ts';
import type { DenseLayerWeights } from '../core/latent/index.ts';

/** Encodes row-major scaled rows (rows x dim) into row-major latent vectors (rows x latent). */
export function encodeTracks(
  layers: DenseLayerWeights[],
  scaled: Float32Array,
  dim: number,
): Float32Array {
  const latentDim = layers.at(-1)?.outputDim ?? 0;
  const rows = scaled.length / dim;
  const out = new Float32Array(rows * latentDim);
  for (let row = 0; row < rows; row++) {
    out.set(encodeLatent(layers, scaled.subarray(row * dim, (row + 1) * dim)), row * latentDim);
  }
  return out;
}
