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

/** A layer's kernel and where its gradients add up. */
export interface LayerGradients {
  kernel: Float64Array;
  kernelGrad: Float64Array;
  biasGrad: Float64Array;
}

/**
 * Adds the batch's kernel (input ⊗ d) and bias (d) gradients, and writes the gradient at the
 * layer's input (kernel · d) into `below` when there is a layer below to pass it to.
 */
export function denseBackward(
  { kernel, kernelGrad, biasGrad }: LayerGradients,
  input: Float64Array,
  d: Float64Array,
  below: Float64Array | undefined,
  shape: BatchShape,
): void {
  const [inputDim, outputDim, rows, stride] = shape;
  for (let j = 0; j < outputDim; j++) {
    let sum = 0;
    for (let b = j * stride; b < j * stride + rows; b++) sum += d[b] as number;
    biasGrad[j] = (biasGrad[j] as number) + sum;
  }
  for (let i = 0; i < inputDim; i++) {
    const from = i * stride;
    for (let j = 0; j < outputDim; j++) {
      const to = j * stride;
      let dot = 0;
      for (let b = 0; b < rows; b++) dot += (input[from + b] as number) * (d[to + b] as number);
      kernelGrad[i * outputDim + j] = (kernelGrad[i * outputDim + j] as number) + dot;
    }
  }
  if (below) passDown(kernel, d, below, shape);
}

// below = kernel · d, four rows at a time (as in denseForward, with the kernel read transposed).
function passDown(
  kernel: Float64Array,
  d: Float64Array,
  below: Float64Array,
  [inputDim, outputDim, rows, stride]: BatchShape,
): void {
  for (let i = 0; i < inputDim; i++) {
    const to = i * stride;
    const row = i * outputDim;
    let b = 0;
    for (; b + 4 <= rows; b += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let j = 0, at = b; j < outputDim; j++, at += stride) {
        const w = kernel[row + j] as number;
        s0 += w * (d[at] as number);
        s1 += w * (d[at + 1] as number);
        s2 += w * (d[at + 2] as number);
        s3 += w * (d[at + 3] as number);
      }
      below[to + b] = s0;
      below[to + b + 1] = s1;
      below[to + b + 2] = s2;
      below[to + b + 3] = s3;
    }
    for (; b < rows; b++) {
      let s = 0;
      for (let j = 0, at = b; j < outputDim; j++, at += stride) {
        s += (kernel[row + j] as number) * (d[at] as number);
      }
      below[to + b] = s;
    }
  }
}
