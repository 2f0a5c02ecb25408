// The steps runTraining lists, each on its own: deciding to download, scaling, saving, publishing.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.ts';
import { missingRunFiles } from '../../src/db/runFolder.ts';
import { getActiveRun } from '../../src/db/runs.ts';
import { createAutoencoder } from '../../src/ml/autoencoder.ts';
import { selectBackend } from '../../src/ml/backend.ts';
import { publishTrainedRun, saveRunFolder } from '../../src/train/saveRun.ts';
import type { TrainingOptions } from '../../src/train/trainingOptions.ts';
import { datasetToDownload, MissingDataError, scaleTracks } from '../../src/train/trainingSteps.ts';
import { makeRun, makeTempDir, makeTrack, makeVectors } from '../db/fixtures.ts';

const SCALER = {
  features: ['energy'],
  min: [0],
  max: [1],
  lowerPercentile: 0,
  upperPercentile: 1,
};

describe('the steps of a training run', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());
  const tempDir = () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    return temp.dir;
  };
  beforeAll(() => selectBackend('cpu'));

  it('GIVEN the data file there, missing with a URL, or missing without one WHEN asked what to download THEN nothing, the URL, or MissingDataError naming the file', () => {
    const dir = tempDir();
    const dataPath = join(dir, 'tracks.csv');
    const options = { dataPath, datasetUrl: 'http://example.test/d.csv' } as TrainingOptions;
    expect(datasetToDownload(options)).toBe('http://example.test/d.csv');
    expect(() => datasetToDownload({ ...options, datasetUrl: undefined })).toThrow(
      MissingDataError,
    );
    expect(() => datasetToDownload({ ...options, datasetUrl: undefined })).toThrow(dataPath);
    writeFileSync(dataPath, 'x');
    expect(datasetToDownload(options)).toBeUndefined();
  });

  it('GIVEN tracks WHEN scaled THEN the scaler covers the chosen features and every row lands in [0, 1], row-major', () => {
    const tracks = [1, 50, 99].map((n) => makeTrack(n));
    const { scaler, scaled } = scaleTracks(tracks, ['energy', 'tempo']);
    expect(scaler.features).toEqual(['energy', 'tempo']);
    expect(scaled).toHaveLength(6);
    expect(Array.from(scaled).every((v) => v >= 0 && v <= 1)).toBe(true);
    expect([scaled[0], scaled[4]]).toEqual([0, 1]); // lowest energy first, highest tempo last
  });

  it('GIVEN trained models WHEN the run folder is saved THEN it is complete under the run id, with no partial folder left', async () => {
    const modelsDir = tempDir();
    const { encoder, decoder, autoencoder } = createAutoencoder({ inputDim: 1, seed: 3 });
    const { runId, modelDir } = await saveRunFolder(modelsDir, { encoder, decoder }, SCALER);
    autoencoder.dispose();
    expect(modelDir).toBe(join(modelsDir, runId));
    expect(missingRunFiles(modelDir)).toEqual([]);
    expect(readdirSync(modelsDir)).toEqual([runId]);
  });

  it('GIVEN a saved run that publishing rejects WHEN published THEN it throws, its folder is removed and no run is active', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'nextbeat.sqlite');
    const run = { ...makeRun('rejected'), modelDir: join(dir, 'rejected') };
    mkdirSync(run.modelDir);
    writeFileSync(join(run.modelDir, 'scaler.json'), '{}');
    const vectors = makeVectors(1, 0).fill(Number.NaN);
    const input = { run, tracks: [makeTrack(1)], trackIds: ['t1'], vectors };
    await expect(publishTrainedRun(dbPath, input)).rejects.toThrow(/training diverged/);
    expect(existsSync(run.modelDir)).toBe(false);
    const db = openDatabase(dbPath, { readonly: true });
    expect(getActiveRun(db)).toBeNull();
    db.close();
  });
});
