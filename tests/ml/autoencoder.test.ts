import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAutoencoder } from '../../src/ml/autoencoder.ts';
import { selectBackend } from '../../src/ml/backend.ts';

beforeAll(() => selectBackend('cpu'));

const weightsOf = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));

describe('createAutoencoder', () => {
  it('builds n -> 8 -> 3 -> 8 -> n with a linear bottleneck and sigmoid output', () => {
    const { autoencoder, encoder, decoder } = createAutoencoder({ inputDim: 9, seed: 1 });
    expect(autoencoder.outputs[0]?.shape).toEqual([null, 9]);
    expect(encoder.outputs[0]?.shape).toEqual([null, 3]);
    expect(decoder.inputs[0]?.shape).toEqual([null, 3]);
    const activations = autoencoder.layers.slice(1).map((l) => l.getConfig().activation);
    expect(activations).toEqual(['relu', 'linear', 'relu', 'sigmoid']);
    for (const m of [autoencoder, encoder, decoder]) m.dispose();
  });

  it('encoder then decoder equals the autoencoder (shared layers)', () => {
    const { autoencoder, encoder, decoder } = createAutoencoder({ inputDim: 4, seed: 3 });
    const x = tf.tensor2d([[0.1, 0.5, 0.9, 0.3]]);
    const whole = (autoencoder.predict(x) as tf.Tensor).dataSync();
    const parts = (decoder.predict(encoder.predict(x) as tf.Tensor) as tf.Tensor).dataSync();
    Array.from(whole).forEach((v, i) => expect(v).toBeCloseTo(parts[i] as number, 6));
    for (const m of [autoencoder, encoder, decoder]) m.dispose();
  });

  it('same seed gives the same weights, another seed different ones', () => {
    const a = createAutoencoder({ inputDim: 5, seed: 42 });
    const b = createAutoencoder({ inputDim: 5, seed: 42 });
    const c = createAutoencoder({ inputDim: 5, seed: 43 });
    expect(weightsOf(a.autoencoder)).toEqual(weightsOf(b.autoencoder));
    expect(weightsOf(a.autoencoder)).not.toEqual(weightsOf(c.autoencoder));
  });

  it('frees every weight once the three models are disposed', () => {
    const before = tf.memory().numTensors;
    const { autoencoder, encoder, decoder } = createAutoencoder({ inputDim: 5, seed: 1 });
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    for (const m of [encoder, autoencoder, decoder]) m.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
