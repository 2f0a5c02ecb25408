// The loops of DenseNetwork's batch passes. Activations and deltas are unit-major blocks: unit k
// of batch row b sits at k * stride + b, so every innermost loop runs along the batch's rows.
import type { DenseActivation } from '../core/latent/index.ts';

/** Rows a pass holds at once; longer runs of rows are taken a block at a time. */
export const MAX_BATCH_ROWS = 256;

const LINEAR = 0;
const RELU = 1;
const SIGMOID = 2;

/** Activations as small integers, compared in the loops instead of strings. */
export const ACTIVATION_CODES: Record<DenseActivation, number> = {
  linear: LINEAR,
  relu: RELU,
  sigmoid: SIGMOID,
};

/** inputDim, outputDim, rows in the batch, and the block stride (rows the blocks have room for). */
export type BatchShape = readonly [number, number, number, number];

/** out = activation(input · kernel + bias) for each of the batch's rows. */
export function denseForward(
  kernel: Float64Array,
  bias: Float64Array,
  input: Float64Array,
  out: Float64Array,
  [inputDim, outputDim, rows, stride]: BatchShape,
  activation: number,
): void {
  for (let j = 0; j < outputDim; j++) {
    const to = j * stride;
    // Four rows at a time, summed in locals: each kernel value loaded once per four products, and
    // nothing stored until the sum is done (twice as fast as adding into `out` row by row).
    let b = 0;
    for (; b + 4 <= rows; b += 4) {
      let s0 = bias[j] as number;
      let s1 = s0;
      let s2 = s0;
      let s3 = s0;
      for (let i = 0, at = b, k = j; i < inputDim; i++, at += stride, k += outputDim) {
        const w = kernel[k] as number;
        s0 += w * (input[at] as number);
        s1 += w * (input[at + 1] as number);
        s2 += w * (input[at + 2] as number);
        s3 += w * (input[at + 3] as number);
      }
      out[to + b] = activate(activation, s0);
      out[to + b + 1] = activate(activation, s1);
      out[to + b + 2] = activate(activation, s2);
      out[to + b + 3] = activate(activation, s3);
    }
    for (; b < rows; b++) {
      let s = bias[j] as number;
      for (let i = 0, at = b, k = j; i < inputDim; i++, at += stride, k += outputDim) {
        s += (kernel[k] as number) * (input[at] as number);
      }
      out[to + b] = activate(activation, s);
    }
  }
}

function activate(activation: number, v: number): number {
  if (activation === RELU) return v > 0 ? v : 0;
  if (activation === SIGMOID) return 1 / (1 + Math.exp(-v));
  return v;
}

/**
 * The summed squared error of the reconstruction `output` against `input`; when `delta` is
 * given, also the gradient of `scale` x that error with respect to `output`, into `delta`.
 */
export function squaredErrorAndDelta(
  output: Float64Array,
  input: Float64Array,
  delta: Float64Array | undefined,
  scale: number,
  rows: number,
): number {
  const stride = MAX_BATCH_ROWS;
  const units = input.length / stride;
  let squared = 0;
  for (let k = 0; k < units; k++) {
    for (let b = k * stride; b < k * stride + rows; b++) {
      const error = (output[b] as number) - (input[b] as number);
      squared += error * error;
      if (delta) delta[b] = 2 * scale * error;
    }
  }
  return squared;
}

/** Turns `d`, the gradient at a layer's outputs `out`, into the gradient before its activation. */
export function activationGradient(
  activation: number,
  out: Float64Array,
  d: Float64Array,
  [, units, rows, stride]: BatchShape,
): void {
  if (activation === LINEAR) return;
  for (let k = 0; k < units; k++) {
    for (let b = k * stride; b < k * stride + rows; b++) {
      const y = out[b] as number;
      if (activation === RELU) {
        if (y <= 0) d[b] = 0;
      } else d[b] = (d[b] as number) * y * (1 - y);
    }
  }
}
