// A stack of dense layers trained in plain TypeScript, a batch at a time. The autoencoder is
// 9 -> 32 -> 3 -> 32 -> 9: on the wasm backend tfjs spends ~200 kernel launches of engine overhead
// per batch on a network this small, so loops over typed arrays train it several times faster
// (README, "Training"). The tfjs models stay the ones initialised, saved and served.
import type { DenseActivation } from '../core/latent/index.ts';
import {
  ACTIVATION_CODES,
  MAX_BATCH_ROWS,
  type BatchShape,
  activationGradient,
  denseForward,
  squaredErrorAndDelta,
} from './denseBatch.ts';
import { denseBackward } from './denseBackward.ts';

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

export { MAX_BATCH_ROWS };

/**
 * The layers' weights in tfjs's `getWeights()` order (kernel, bias, kernel, bias, ...; kernels
 * row-major inputDim x outputDim), gradients of the same shapes, and batch passes that
 * reconstruct the input (squared error against the rows themselves).
 */
export class DenseNetwork {
  readonly params: Float64Array[];
  readonly grads: Float64Array[];
  // Activations unit-major (unit k of batch row b at k * MAX_BATCH_ROWS + b): the innermost loops
  // then run along a batch's rows, long and contiguous, instead of along 3 or 9 units.
  private readonly input: Float64Array;
  private readonly outputs: Float64Array[];
  private readonly deltas: Float64Array[];
  private readonly inputDims: number[];
  private readonly outputDims: number[];
  private readonly activations: number[];

  constructor(
    readonly layers: readonly DenseLayerShape[],
    weights: readonly Float32Array[],
  ) {
    checkWeights(layers, weights);
    this.params = weights.map((w) => Float64Array.from(w));
    this.grads = weights.map((w) => new Float64Array(w.length));
    const block = (units: number) => new Float64Array(units * MAX_BATCH_ROWS);
    this.input = block((layers[0] as DenseLayerShape).inputDim);
    this.outputs = layers.map((layer) => block(layer.outputDim));
    this.deltas = layers.map((layer) => block(layer.outputDim));
    this.inputDims = layers.map((layer) => layer.inputDim);
    this.outputDims = layers.map((layer) => layer.outputDim);
    this.activations = layers.map((layer) => ACTIVATION_CODES[layer.activation]);
  }

  /** Summed squared reconstruction error of rows [start, end) of row-major `x`, in batches. */
  squaredError(x: Float32Array, start: number, end: number): number {
    let squared = 0;
    for (let from = start; from < end; from += MAX_BATCH_ROWS) {
      const rows = Math.min(MAX_BATCH_ROWS, end - from);
      this.forward(x, from, rows);
      squared += squaredErrorAndDelta(this.lastOutput(), this.input, undefined, 0, rows);
    }
    return squared;
  }

  /**
   * Runs rows [start, start + rows) of row-major `x` forward, adds the gradient of `scale` x
   * their squared error to `grads`, and returns that squared error (unscaled).
   */
  trainBatch(x: Float32Array, start: number, rows: number, scale: number): number {
    let squared = 0;
    // Gradients add up, so a batch larger than the blocks is passed a block at a time.
    for (let from = start; from < start + rows; from += MAX_BATCH_ROWS) {
      squared += this.trainBlock(x, from, Math.min(MAX_BATCH_ROWS, start + rows - from), scale);
    }
    return squared;
  }

  /** Sets every gradient to zero, before a new batch. */
  zeroGrads(): void {
    for (const g of this.grads) g.fill(0);
  }

  private trainBlock(x: Float32Array, start: number, rows: number, scale: number): number {
    this.forward(x, start, rows);
    const last = this.layers.length - 1;
    const delta = this.deltas[last] as Float64Array;
    const squared = squaredErrorAndDelta(this.lastOutput(), this.input, delta, scale, rows);
    for (let l = last; l >= 0; l--) {
      const d = this.deltas[l] as Float64Array;
      const shape = this.shapeOf(l, rows);
      activationGradient(this.activations[l] as number, this.outputs[l] as Float64Array, d, shape);
      denseBackward(
        {
          kernel: this.params[2 * l] as Float64Array,
          kernelGrad: this.grads[2 * l] as Float64Array,
          biasGrad: this.grads[2 * l + 1] as Float64Array,
        },
        l === 0 ? this.input : (this.outputs[l - 1] as Float64Array),
        d,
        l > 0 ? (this.deltas[l - 1] as Float64Array) : undefined,
        shape,
      );
    }
    return squared;
  }

  private shapeOf(layer: number, rows: number): BatchShape {
    return [
      this.inputDims[layer] as number,
      this.outputDims[layer] as number,
      rows,
      MAX_BATCH_ROWS,
    ];
  }

  private lastOutput(): Float64Array {
    return this.outputs[this.outputs.length - 1] as Float64Array;
  }

  // Copies the rows in unit-major and runs them through every layer.
  private forward(x: Float32Array, start: number, rows: number): void {
    const dim = this.input.length / MAX_BATCH_ROWS;
    for (let b = 0; b < rows; b++) {
      const at = (start + b) * dim;
      for (let i = 0; i < dim; i++) this.input[i * MAX_BATCH_ROWS + b] = x[at + i] as number;
    }
    let input = this.input;
    for (let l = 0; l < this.outputs.length; l++) {
      const out = this.outputs[l] as Float64Array;
      const shape = this.shapeOf(l, rows);
      denseForward(
        this.params[2 * l] as Float64Array,
        this.params[2 * l + 1] as Float64Array,
        input,
        out,
        shape,
        this.activations[l] as number,
      );
      input = out;
    }
  }
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
