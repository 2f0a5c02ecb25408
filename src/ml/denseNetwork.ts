// A stack of dense layers trained in plain TypeScript, one row at a time. The autoencoder is
// 9 -> 32 -> 3 -> 32 -> 9: on the wasm backend tfjs spends ~200 kernel launches of engine overhead
// per batch on a network this small, so a loop over typed arrays trains it several times faster
// (README, "Training benchmark"). The tfjs models stay the ones initialised, saved and served.
import type { DenseActivation } from '../core/latent/index.ts';

/** One dense layer's size and activation: output = activation(input · kernel + bias). */
export interface DenseLayerShape {
  inputDim: number;
  outputDim: number;
  activation: DenseActivation;
}

/** The weights do not fit the layer shapes. */
export class DenseNetworkError extends Error {
  override name = 'DenseNetworkError';
}

/**
 * The layers' weights in tfjs's `getWeights()` order (kernel, bias, kernel, bias, ...; kernels
 * row-major inputDim x outputDim), gradients of the same shapes, and per-row forward and backward
 * passes that reconstruct the input (squared error against the row itself).
 */
export class DenseNetwork {
  readonly params: Float64Array[];
  readonly grads: Float64Array[];
  /** The row being trained on, copied so every layer reads the same kind of array. */
  private readonly input: Float64Array;
  private readonly outputs: Float64Array[];
  private readonly deltas: Float64Array[];

  constructor(
    readonly layers: readonly DenseLayerShape[],
    weights: readonly Float32Array[],
  ) {
    checkWeights(layers, weights);
    this.params = weights.map((w) => Float64Array.from(w));
    this.input = new Float64Array((layers[0] as DenseLayerShape).inputDim);
    this.grads = weights.map((w) => new Float64Array(w.length));
    this.outputs = layers.map((layer) => new Float64Array(layer.outputDim));
    this.deltas = layers.map((layer) => new Float64Array(layer.outputDim));
  }

  /** Runs row `row` of row-major `x` through every layer; returns its summed squared error. */
  forwardRow(x: Float32Array, row: number): number {
    const inputDim = this.input.length;
    const start = row * inputDim;
    for (let i = 0; i < inputDim; i++) this.input[i] = x[start + i] as number;
    let input = this.input;
    for (let l = 0; l < this.layers.length; l++) {
      const out = this.outputs[l] as Float64Array;
      const kernel = this.params[2 * l] as Float64Array;
      const bias = this.params[2 * l + 1] as Float64Array;
      denseForward(this.layers[l] as DenseLayerShape, kernel, bias, input, out);
      input = out;
    }
    let squared = 0;
    for (let i = 0; i < inputDim; i++) {
      const error = (input[i] as number) - (this.input[i] as number);
      squared += error * error;
    }
    return squared;
  }

  /** Adds the gradient of `scale` x the squared error of the row last run forward to `grads`. */
  backwardRow(scale: number): void {
    const last = this.layers.length - 1;
    const output = this.outputs[last] as Float64Array;
    const delta = this.deltas[last] as Float64Array;
    for (let i = 0; i < output.length; i++) {
      delta[i] = 2 * scale * ((output[i] as number) - (this.input[i] as number));
    }
    for (let l = last; l >= 0; l--) {
      const layer = this.layers[l] as DenseLayerShape;
      const out = this.outputs[l] as Float64Array;
      const d = this.deltas[l] as Float64Array;
      activationGradient(layer.activation, out, d);
      const input = l === 0 ? this.input : (this.outputs[l - 1] as Float64Array);
      if (l > 0)
        denseBackward(
          layer,
          this.params[2 * l] as Float64Array,
          d,
          this.deltas[l - 1] as Float64Array,
        );
      accumulate(
        this.grads[2 * l] as Float64Array,
        this.grads[2 * l + 1] as Float64Array,
        layer,
        input,
        d,
      );
    }
  }

  /** Sets every gradient to zero, before a new batch. */
  zeroGrads(): void {
    for (const g of this.grads) g.fill(0);
  }
}

// out = activation(input · kernel + bias), summing in the order the served encoder does.
function denseForward(
  { inputDim, outputDim, activation }: DenseLayerShape,
  kernel: Float64Array,
  bias: Float64Array,
  input: Float64Array,
  out: Float64Array,
): void {
  for (let j = 0; j < outputDim; j++) out[j] = bias[j] as number;
  for (let i = 0; i < inputDim; i++) {
    const v = input[i] as number;
    if (v === 0) continue; // relu outputs are often 0
    const row = i * outputDim;
    for (let j = 0; j < outputDim; j++)
      out[j] = (out[j] as number) + v * (kernel[row + j] as number);
  }
  for (let j = 0; j < outputDim; j++) out[j] = activate(activation, out[j] as number);
}

// d (the gradient at the layer's output) becomes the gradient at its pre-activation.
function activationGradient(activation: DenseActivation, out: Float64Array, d: Float64Array): void {
  if (activation === 'linear') return;
  for (let j = 0; j < out.length; j++) {
    const y = out[j] as number;
    d[j] = (d[j] as number) * (activation === 'relu' ? (y > 0 ? 1 : 0) : y * (1 - y));
  }
}

// The gradient at the layer's input, for the layer below: below = kernel · d.
function denseBackward(
  { inputDim, outputDim }: DenseLayerShape,
  kernel: Float64Array,
  d: Float64Array,
  below: Float64Array,
): void {
  for (let i = 0; i < inputDim; i++) {
    const row = i * outputDim;
    let back = 0;
    for (let j = 0; j < outputDim; j++) back += (kernel[row + j] as number) * (d[j] as number);
    below[i] = back;
  }
}

// Adds this row's kernel gradient (input ⊗ d) and bias gradient (d).
function accumulate(
  kernelGrad: Float64Array,
  biasGrad: Float64Array,
  { inputDim, outputDim }: DenseLayerShape,
  input: Float64Array,
  d: Float64Array,
): void {
  for (let j = 0; j < outputDim; j++) biasGrad[j] = (biasGrad[j] as number) + (d[j] as number);
  for (let i = 0; i < inputDim; i++) {
    const v = input[i] as number;
    if (v === 0) continue;
    const row = i * outputDim;
    for (let j = 0; j < outputDim; j++) {
      kernelGrad[row + j] = (kernelGrad[row + j] as number) + v * (d[j] as number);
    }
  }
}

function activate(activation: DenseActivation, v: number): number {
  if (activation === 'relu') return v > 0 ? v : 0;
  if (activation === 'sigmoid') return 1 / (1 + Math.exp(-v));
  return v;
}

function checkWeights(layers: readonly DenseLayerShape[], weights: readonly Float32Array[]): void {
  if (layers.length === 0 || weights.length !== 2 * layers.length) {
    throw new DenseNetworkError(
      `${layers.length} layers need ${2 * layers.length} weight arrays, got ${weights.length}`,
    );
  }
  layers.forEach(({ inputDim, outputDim }, l) => {
    const kernel = weights[2 * l] as Float32Array;
    const bias = weights[2 * l + 1] as Float32Array;
    const above = layers[l - 1];
    if (kernel.length !== inputDim * outputDim || bias.length !== outputDim) {
      throw new DenseNetworkError(
        `Layer ${l} is ${inputDim} x ${outputDim} but has ${kernel.length} kernel and ${bias.length} bias values`,
      );
    }
    if (above && above.outputDim !== inputDim) {
      throw new DenseNetworkError(
        `Layer ${l} takes ${inputDim} inputs; layer ${l - 1} gives ${above.outputDim}`,
      );
    }
  });
  const first = layers[0] as DenseLayerShape;
  const lastLayer = layers.at(-1) as DenseLayerShape;
  if (first.inputDim !== lastLayer.outputDim) {
    throw new DenseNetworkError(
      `An autoencoder reconstructs its input: ${first.inputDim} inputs but ${lastLayer.outputDim} outputs`,
    );
  }
}
