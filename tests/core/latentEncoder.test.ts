import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeLatent, LatentEncoderError } from '../../src/core/latent/latentEncoder.ts';
import { createAutoencoder } from '../../src/ml/autoencoder.ts';
import { selectBackend } from '../../src/ml/backend.ts';
import { readDenseWeights } from '../../src/ml/encoderWeights.ts';
import { mulberry32 } from '../../src/ml/seededShuffle.ts';

beforeAll(() => selectBackend('cpu'));

describe('encodeLatent', () => {
  it('equals the tfjs encoder within 1e-5 on random inputs', () => {
    // GIVEN an encoder whose biases are not zero, and its weights as JSON
    const { encoder } = createAutoencoder({ inputDim: 9, hidden: 8, seed: 11 });
    const random = mulberry32(4);
    for (const layer of encoder.layers.slice(1)) {
      const [kernel, bias] = layer.getWeights();
      layer.setWeights([
        kernel as tf.Tensor,
        tf.randomUniform(bias?.shape ?? [], -0.5, 0.5, 'float32', 1),
      ]);
    }
    const layers = JSON.parse(JSON.stringify(readDenseWeights(encoder)));
    // WHEN 200 random inputs are encoded both ways
    const inputs = Array.from({ length: 200 }, () => Array.from({ length: 9 }, random));
    const expected = (encoder.predict(tf.tensor2d(inputs)) as tf.Tensor).arraySync() as number[][];
    // THEN every latent coordinate agrees
    inputs.forEach((input, r) => {
      const got = encodeLatent(layers, input);
      expect(got).toHaveLength(3);
      got.forEach((v, j) => expect(Math.abs(v - (expected[r]?.[j] as number))).toBeLessThan(1e-5));
    });
  });

  it('applies relu, linear and sigmoid as defined', () => {
    const layer = (activation: 'relu' | 'linear' | 'sigmoid') => ({
      inputDim: 2,
      outputDim: 2,
      kernel: [1, 0, 0, 1],
      bias: [0, 0],
      activation,
    });
    expect(Array.from(encodeLatent([layer('relu')], [-2, 3]))).toEqual([0, 3]);
    expect(Array.from(encodeLatent([layer('linear')], [-2, 3]))).toEqual([-2, 3]);
    expect(encodeLatent([layer('sigmoid')], [0, 0])[0]).toBe(0.5);
  });

  it('rejects an input of the wrong length or mismatched weights', () => {
    const bad = {
      inputDim: 2,
      outputDim: 1,
      kernel: [1],
      bias: [0],
      activation: 'linear' as const,
    };
    expect(() => encodeLatent([bad], [1, 2])).toThrow(LatentEncoderError);
    expect(() => encodeLatent([{ ...bad, kernel: [1, 1] }], [1])).toThrow(/expects 2 inputs/);
  });
});
