import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAutoencoder } from '../../src/ml/autoencoder.ts';
import { selectBackend } from '../../src/ml/backend.ts';
import { encodeRows, EncodeError } from '../../src/ml/encodeRows.ts';
import { syntheticRows } from './syntheticRows.ts';

beforeAll(() => selectBackend('cpu'));

describe('encodeRows', () => {
  it('gives the same vectors in small batches as in one predict, without leaking', () => {
    // GIVEN an encoder and 25 rows
    const { autoencoder, encoder, decoder } = createAutoencoder({ inputDim: 4, seed: 2 });
    const x = syntheticRows(25, 4);
    const whole = (encoder.predict(tf.tensor2d(x, [25, 4])) as tf.Tensor).dataSync();
    const before = tf.memory().numTensors;
    // WHEN encoded in batches of 7 (the last one partial)
    const batched = encodeRows(encoder, x, 25, 4, 7);
    // THEN every row's latent vector matches and no tensor remains
    expect(batched).toHaveLength(25 * 3);
    Array.from(batched).forEach((v, i) => expect(v).toBeCloseTo(whole[i] as number, 6));
    expect(tf.memory().numTensors).toBe(before);
    expect(() => encodeRows(encoder, x, 26, 4)).toThrow(EncodeError);
    for (const m of [autoencoder, encoder, decoder]) m.dispose();
  });
});
