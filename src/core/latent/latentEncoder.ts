// Encodes a track's scaled features into its latent "DNA" in plain TypeScript, from saved
// dense-layer weights, so the bot can answer vibe queries without loading tfjs.

/** The activations the plain-TypeScript encoder reproduces. */
export const DENSE_ACTIVATIONS = ['relu', 'linear', 'sigmoid'] as const;
export type DenseActivation = (typeof DENSE_ACTIVATIONS)[number];

/** Whether `name` is an activation the plain-TypeScript encoder reproduces. */
export function isDenseActivation(name: string): name is DenseActivation {
  return (DENSE_ACTIVATIONS as readonly string[]).includes(name);
}

/** One dense layer's weights as plain JSON: output = activation(input · kernel + bias). */
export interface DenseLayerWeights {
  inputDim: number;
  outputDim: number;
  /** Row-major inputDim x outputDim, as tfjs stores a Dense kernel. */
  kernel: number[];
  bias: number[];
  activation: DenseActivation;
}

/** The weights or the input do not fit together (a corrupt or mismatched run). */
export class LatentEncoderError extends Error {
  override name = 'LatentEncoderError';
}

/** Runs the encoder's dense layers on one scaled feature vector and returns its latent vector. */
export function encodeLatent(layers: DenseLayerWeights[], input: ArrayLike<number>): Float64Array {
  if (layers.length === 0) throw new LatentEncoderError('The encoder has no layers');
  let current: ArrayLike<number> = input;
  let output: Float64Array = new Float64Array(0);
  layers.forEach((layer, index) => {
    checkLayer(layer, index, current.length);
    output = applyDense(layer, current);
    current = output;
  });
  return output;
}

function checkLayer(layer: DenseLayerWeights, index: number, inputLength: number): void {
  const { inputDim, outputDim, kernel, bias } = layer;
  if (inputLength !== inputDim) {
    throw new LatentEncoderError(
      `Layer ${index} expects ${inputDim} inputs but got ${inputLength}`,
    );
  }
  if (kernel.length !== inputDim * outputDim || bias.length !== outputDim) {
    throw new LatentEncoderError(
      `Layer ${index} has ${kernel.length} kernel and ${bias.length} bias values, ` +
        `expected ${inputDim * outputDim} and ${outputDim}`,
    );
  }
}

function applyDense(layer: DenseLayerWeights, input: ArrayLike<number>): Float64Array {
  const { inputDim, outputDim, kernel, bias, activation } = layer;
  const out = new Float64Array(outputDim);
  for (let j = 0; j < outputDim; j++) {
    let sum = bias[j] as number;
    for (let i = 0; i < inputDim; i++)
      sum += (input[i] as number) * (kernel[i * outputDim + j] as number);
    out[j] = activate(activation, sum);
  }
  return out;
}

function activate(activation: DenseActivation, v: number): number {
  switch (activation) {
    case 'relu':
      return v > 0 ? v : 0;
    case 'sigmoid':
      return 1 / (1 + Math.exp(-v));
    case 'linear':
      return v;
    default:
      throw new LatentEncoderError(`Unknown activation "${String(activation)}"`);
  }
}
