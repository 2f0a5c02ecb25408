// The backward loops of DenseNetwork's batch passes, over the unit-major blocks of denseBatch.ts.
import type { BatchShape } from './denseBatch.ts';

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
    const row = i * outputDim;
    let j = 0;
    // Four outputs at a time: each input value loaded once per four products.
    for (; j + 4 <= outputDim; j += 4) {
      let dot0 = 0;
      let dot1 = 0;
      let dot2 = 0;
      let dot3 = 0;
      for (let b = 0, at = j * stride; b < rows; b++, at++) {
        const v = input[from + b] as number;
        dot0 += v * (d[at] as number);
        dot1 += v * (d[at + stride] as number);
        dot2 += v * (d[at + 2 * stride] as number);
        dot3 += v * (d[at + 3 * stride] as number);
      }
      kernelGrad[row + j] = (kernelGrad[row + j] as number) + dot0;
      kernelGrad[row + j + 1] = (kernelGrad[row + j + 1] as number) + dot1;
      kernelGrad[row + j + 2] = (kernelGrad[row + j + 2] as number) + dot2;
      kernelGrad[row + j + 3] = (kernelGrad[row + j + 3] as number) + dot3;
    }
    for (; j < outputDim; j++) {
      let dot = 0;
      for (let b = 0, at = j * stride; b < rows; b++, at++) {
        dot += (input[from + b] as number) * (d[at] as number);
      }
      kernelGrad[row + j] = (kernelGrad[row + j] as number) + dot;
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
