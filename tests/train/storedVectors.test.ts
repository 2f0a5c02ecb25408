// The vectors a training run stores are the tfjs encoder's output: plain-TypeScript encoding agrees.
import { readFileSync, rmSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AudioFeature } from '../../src/data/track.ts';
import { loadActiveCatalogRows } from '../../src/db/catalogRows.ts';
import type { CatalogRows } from '../../src/db/catalogRows.ts';
import { openDatabase } from '../../src/db/open.ts';
import { missingRunFiles, runFolderPaths } from '../../src/db/runFolder.ts';
import { loadRunModels } from '../../src/ml/modelFiles.ts';
import { scaleRows } from '../../src/ml/scaler.ts';
import { featureMatrix } from '../../src/train/featureMatrix.ts';
import { trainSmallModel } from '../helpers/trainedModel.ts';
import type { TrainedModel } from '../helpers/trainedModel.ts';

describe('stored vectors', () => {
  let model: TrainedModel;
  let rows: CatalogRows;
  beforeAll(async () => {
    model = await trainSmallModel();
    const db = openDatabase(model.dbPath, { readonly: true });
    rows = loadActiveCatalogRows(db)!;
    db.close();
  }, 60_000);
  afterAll(() => rmSync(model.dir, { recursive: true, force: true }));

  it('GIVEN a trained run WHEN its saved encoder predicts every track THEN the stored vectors match within 1e-5', async () => {
    const { run, tracks, vectors } = rows;
    const scaled = scaleRows(run.scaler, featureMatrix(tracks, run.features as AudioFeature[]));
    const { encoder, decoder } = await loadRunModels(run.modelDir);
    const predicted = tf.tidy(() =>
      (
        encoder.predict(tf.tensor2d(scaled, [tracks.length, run.features.length])) as tf.Tensor
      ).dataSync(),
    );
    encoder.dispose();
    decoder.dispose();

    expect(vectors).toHaveLength(tracks.length * 3);
    let worst = 0;
    vectors.forEach((value, i) => (worst = Math.max(worst, Math.abs(value - predicted[i]!))));
    expect(worst).toBeLessThan(1e-5);
  });

  it('GIVEN a trained run WHEN its folder is checked THEN it is complete and its scaler.json is the stored scaler', () => {
    const { run } = rows;
    expect(missingRunFiles(run.modelDir)).toEqual([]);
    const saved: unknown = JSON.parse(readFileSync(runFolderPaths(run.modelDir).scaler, 'utf8'));
    expect(saved).toEqual(run.scaler);
  });
});
