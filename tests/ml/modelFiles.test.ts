import { mkdtemp, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAutoencoder } from '../../src/ml/autoencoder.ts';
import { selectBackend } from '../../src/ml/backend.ts';
import {
  loadModel,
  loadRunModels,
  ModelFileError,
  saveRunModels,
} from '../../src/ml/modelFiles.ts';

let dir = '';
beforeAll(() => selectBackend('cpu'));
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nextbeat-model-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const predict = (m: tf.LayersModel, x: number[][]) =>
  Array.from((m.predict(tf.tensor2d(x)) as tf.Tensor).dataSync());

describe('saveRunModels / loadRunModels', () => {
  it('round-trips encoder and decoder as model.json + weights.bin', async () => {
    // GIVEN a run's models
    const { encoder, decoder } = createAutoencoder({ inputDim: 5, seed: 9 });
    // WHEN saved and loaded back
    await saveRunModels(dir, { encoder, decoder });
    const loaded = await loadRunModels(dir);
    // THEN the standard files exist and predictions are unchanged
    expect((await readdir(join(dir, 'encoder'))).sort()).toEqual(['model.json', 'weights.bin']);
    const x = [[0.1, 0.2, 0.3, 0.4, 0.5]];
    expect(predict(loaded.encoder, x)).toEqual(predict(encoder, x));
    expect(predict(loaded.decoder, [[1, -1, 0.5]])).toEqual(predict(decoder, [[1, -1, 0.5]]));
  });

  it('names a missing weights.bin and suggests retraining', async () => {
    const { encoder, decoder } = createAutoencoder({ inputDim: 5, seed: 9 });
    await saveRunModels(dir, { encoder, decoder });
    await rm(join(dir, 'decoder', 'weights.bin'));
    const attempt = loadRunModels(dir);
    await expect(attempt).rejects.toBeInstanceOf(ModelFileError);
    await expect(loadRunModels(dir)).rejects.toThrow(
      /decoder\/weights\.bin is missing.*[Rr]etrain/,
    );
  });

  it('names a truncated weights.bin or a broken model.json as corrupt', async () => {
    const { encoder, decoder } = createAutoencoder({ inputDim: 5, seed: 9 });
    await saveRunModels(dir, { encoder, decoder });
    await truncate(join(dir, 'encoder', 'weights.bin'), 10);
    await expect(loadModel(join(dir, 'encoder'))).rejects.toThrow(/weights\.bin is corrupt/);
    await writeFile(join(dir, 'decoder', 'model.json'), '{"modelTopology": ');
    await expect(loadModel(join(dir, 'decoder'))).rejects.toThrow(/model\.json is corrupt/);
    await expect(loadModel(join(dir, 'nowhere'))).rejects.toThrow(/model\.json is missing/);
  });
});
