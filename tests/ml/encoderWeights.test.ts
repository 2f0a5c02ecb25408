import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAutoencoder } from '../../src/ml/autoencoder.ts';
import { selectBackend } from '../../src/ml/backend.ts';
import { readDenseWeights, UnsupportedLayerError } from '../../src/ml/encoderWeights.ts';

beforeAll(() => selectBackend('cpu'));

describe('readDenseWeights', () => {
  it('exports the encoder as two JSON-serialisable dense layers', () => {
    // GIVEN a 9 -> 8 -> 3 encoder
    const { encoder } = createAutoencoder({ inputDim: 9, seed: 5 });
    // WHEN its weights are read
    const layers = readDenseWeights(encoder);
    // THEN shapes and activations match, and JSON keeps every number
    expect(layers.map((l) => [l.inputDim, l.outputDim, l.activation])).toEqual([
      [9, 8, 'relu'],
      [8, 3, 'linear'],
    ]);
    expect(layers[0]?.kernel).toHaveLength(72);
    expect(layers[1]?.bias).toHaveLength(3);
    expect(layers[0]?.kernel[1]).toBe(encoder.layers[1]?.getWeights()[0]?.dataSync()[1]);
    expect(JSON.parse(JSON.stringify(layers))).toEqual(layers);
  });

  it('refuses layers it cannot reproduce', () => {
    const model = tf.sequential({
      layers: [tf.layers.dense({ units: 2, inputShape: [3], activation: 'tanh' })],
    });
    expect(() => readDenseWeights(model)).toThrow(UnsupportedLayerError);
  });
});
