// Trains a tiny model on the synthetic catalog into a temp folder, for tests that need one.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FEATURES } from '../../src/data/track.ts';
import { runTraining } from '../../src/train/pipeline.ts';
import { syntheticTracksCsv } from './syntheticTracksCsv.ts';

export interface TrainedModel {
  dir: string;
  dataPath: string;
  dbPath: string;
  modelsDir: string;
}

/** A temp folder with data/, db/ and models/ holding a model trained for a few epochs. */
export async function trainSmallModel(): Promise<TrainedModel> {
  const dir = mkdtempSync(join(tmpdir(), 'nextbeat-model-'));
  const paths = {
    dir,
    dataPath: join(dir, 'data', 'dataset.csv'),
    dbPath: join(dir, 'db', 'nextbeat.sqlite'),
    modelsDir: join(dir, 'models'),
  };
  mkdirSync(join(dir, 'data'));
  writeFileSync(paths.dataPath, syntheticTracksCsv());
  await runTraining(
    {
      ...paths,
      datasetUrl: undefined,
      features: DEFAULT_FEATURES,
      epochs: 3,
      batchSize: 64,
      learningRate: 0.01,
      hidden: 8,
      latentDim: 3,
      seed: 1,
      patience: 3,
      backend: 'wasm',
      maxBadRowShare: 0.5,
    },
    () => {},
  );
  return paths;
}
