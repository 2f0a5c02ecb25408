import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../../src/ml/backend.ts';
import { encodeRows } from '../../src/ml/encodeRows.ts';
import { trainAutoencoder, TrainingInputError } from '../../src/ml/trainAutoencoder.ts';
import type { TrainResult } from '../../src/ml/trainAutoencoder.ts';
import { syntheticRows } from './syntheticRows.ts';

const ROWS = 400;
const DIM = 6;
const x = syntheticRows(ROWS, DIM);
const small = { epochs: 2, batchSize: 64, hidden: 4, seed: 7 };

const disposeAll = (r: TrainResult) => {
  for (const m of [r.autoencoder, r.encoder, r.decoder]) m.dispose();
};

describe.each(['cpu', 'wasm'] as const)('trainAutoencoder on %s', (backend) => {
  it('gives identical encodings for the same seed', async () => {
    await selectBackend(backend);
    // GIVEN two trainings with the same seed, and one with another seed
    const a = await trainAutoencoder(x, ROWS, DIM, small);
    const b = await trainAutoencoder(x, ROWS, DIM, small);
    const c = await trainAutoencoder(x, ROWS, DIM, { ...small, seed: 8 });
    // WHEN all rows are encoded
    const [ea, eb, ec] = [a, b, c].map((r) => encodeRows(r.encoder, x, ROWS, DIM));
    // THEN the same seed reproduces every value, another seed does not
    expect(Array.from(ea as Float32Array)).toEqual(Array.from(eb as Float32Array));
    expect(Array.from(ea as Float32Array)).not.toEqual(Array.from(ec as Float32Array));
    expect(a.history).toEqual(b.history);
    [a, b, c].forEach(disposeAll);
  });
});

describe('trainAutoencoder', () => {
  it('does not leak tensors', async () => {
    await selectBackend('cpu');
    // GIVEN the tensor count before training
    const before = tf.memory().numTensors;
    // WHEN a model is trained and its models disposed
    disposeAll(await trainAutoencoder(x, ROWS, DIM, { ...small, epochs: 3, patience: 1 }));
    // THEN no tensor is left behind
    expect(tf.memory().numTensors).toBe(before);
  });

  it('learns structured data far better than the mean baseline and reports its run', async () => {
    await selectBackend('cpu');
    const epochs: number[] = [];
    // WHEN trained for a few epochs with small batches
    const r = await trainAutoencoder(x, ROWS, DIM, {
      epochs: 15,
      batchSize: 16,
      seed: 1,
      onEpoch: (e) => epochs.push(e.epoch),
    });
    // THEN validation error is well below predicting the mean
    expect(r.valMse).toBeLessThan(r.meanBaselineMse / 2);
    expect(r.history.valLoss).toHaveLength(r.epochsRun);
    expect(epochs).toEqual(Array.from({ length: r.epochsRun }, (_, i) => i + 1));
    // AND the kept weights are those of the best epoch
    expect(r.valMse).toBeCloseTo(Math.min(...r.history.valLoss), 5);
    expect(r.history.valLoss[r.bestEpoch - 1]).toBe(Math.min(...r.history.valLoss));
    disposeAll(r);
  });

  it('stops early when validation loss stops improving, keeping the best weights', async () => {
    await selectBackend('cpu');
    // GIVEN a learning rate so high that training diverges/plateaus after a while
    const r = await trainAutoencoder(x, ROWS, DIM, {
      epochs: 40,
      batchSize: 8,
      learningRate: 0.5,
      patience: 2,
      seed: 3,
    });
    // THEN it stops patience epochs after its best epoch and restores that epoch's weights
    expect(r.epochsRun).toBeLessThan(40);
    expect(r.epochsRun - r.bestEpoch).toBe(2);
    expect(r.valMse).toBeCloseTo(r.history.valLoss[r.bestEpoch - 1] as number, 5);
    disposeAll(r);
  });

  it('rejects data whose size does not match, or a split leaving no validation row', async () => {
    await expect(trainAutoencoder(x, ROWS + 1, DIM)).rejects.toBeInstanceOf(TrainingInputError);
    await expect(
      trainAutoencoder(x.subarray(0, 3 * DIM), 3, DIM, { validationSplit: 0.1 }),
    ).rejects.toThrow(/validation/);
  });
});
