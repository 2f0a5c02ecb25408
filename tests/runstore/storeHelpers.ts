// Small runs published into temp run stores, and the tampering a test does to them.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FEATURES } from '../../src/data/track.ts';
import { storeLayout, storedRunDir } from '../../src/runstore/storeLayout.ts';
import type { TrainingSummary } from '../../src/train/events.ts';
import { trainIntoRunStore } from '../../src/train/trainIntoRunStore.ts';
import { syntheticTracksCsv } from '../helpers/syntheticTracksCsv.ts';

/** A fresh temp folder named for `what`. */
export function tempDir(what: string): string {
  return mkdtempSync(join(tmpdir(), `nextbeat-${what}-`));
}

/** A CSV of the synthetic catalog (`perGenre` tracks a genre) in a temp folder. */
export function syntheticDataFile(perGenre = 60, seed = 7): string {
  const dir = tempDir('store-data');
  const path = join(dir, 'dataset.csv');
  writeFileSync(path, syntheticTracksCsv(perGenre, seed));
  return path;
}

/** Trains a tiny run on `dataPath` and publishes it into the store at `store`, flipping its pointer. */
export function publishSmallRun(
  store: string,
  dataPath: string,
  seed = 1,
): Promise<TrainingSummary> {
  return trainIntoRunStore(
    {
      dataPath,
      datasetUrl: undefined,
      features: DEFAULT_FEATURES,
      epochs: 2,
      batchSize: 64,
      learningRate: 0.01,
      hidden: 8,
      latentDim: 3,
      seed,
      patience: 3,
      backend: 'wasm',
      maxBadRowShare: 0.5,
    },
    store,
    () => {},
    'a test',
  );
}

/** Flips one bit of byte `at` of `path` (the file's size is unchanged). */
export function flipOneByte(path: string, at = 0): void {
  const bytes = readFileSync(path);
  bytes[at] = bytes[at]! ^ 0x01;
  writeFileSync(path, bytes);
}

/**
 * Publishes a run whose file `file` has one byte changed after it was hashed: trained into a side
 * store, damaged there, then moved into `store` and the pointer flipped to it, as a bad sync would
 * leave it. Returns the run id.
 */
export async function publishTamperedRun(
  store: string,
  dataPath: string,
  file: string,
): Promise<string> {
  const side = tempDir('side-store');
  const { runId } = await publishSmallRun(side, dataPath, 3);
  const sideLayout = storeLayout(side);
  flipOneByte(join(storedRunDir(sideLayout, runId), file), 100);
  const layout = storeLayout(store);
  mkdirSync(layout.runs, { recursive: true });
  cpSync(storedRunDir(sideLayout, runId), storedRunDir(layout, runId), { recursive: true });
  cpSync(sideLayout.pointer, `${layout.pointer}.incoming`);
  renameSync(`${layout.pointer}.incoming`, layout.pointer);
  return runId;
}
