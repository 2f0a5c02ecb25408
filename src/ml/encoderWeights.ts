// Reads a trained encoder's dense weights as plain JSON, for tfjs-free encoding in src/core.
import type * as tf from '@tensorflow/tfjs';
import { isDenseActivation, type DenseLayerWeights } from '../core/latent/index.ts';

/** The model has a layer that plain-TypeScript encoding cannot reproduce. */
export class UnsupportedLayerError extends Error {
  override name = 'UnsupportedLayerError';
}

/** Extracts each Dense layer's kernel, bias and activation, in order (input layers skipped). */
export function readDenseWeights(encoder: tf.LayersModel): DenseLayerWeights[] {
  return encoder.layers
    .filter((layer) => layer.getClassName() !== 'InputLayer')
    .map((layer) => {
      const config = layer.getConfig();
      const activation = String(config.activation ?? 'linear');
      if (layer.getClassName() !== 'Dense' || !isDenseActivation(activation)) {
        throw new UnsupportedLayerError(
          `Layer "${layer.name}" is ${layer.getClassName()} with activation ${activation}; ` +
            'only Dense layers with relu, linear or sigmoid can be exported',
        );
      }
      const [kernel, bias] = layer.getWeights();
      if (!kernel || !bias || kernel.shape.length !== 2) {
        throw new UnsupportedLayerError(`Layer "${layer.name}" needs a 2-D kernel and a bias`);
      }
      const [inputDim, outputDim] = kernel.shape as [number, number];
      return {
        inputDim,
        outputDim,
        kernel: Array.from(kernel.dataSync()),
        bias: Array.from(bias.dataSync()),
        activation,
      };
    });
}
