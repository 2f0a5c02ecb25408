// The bot's one reading of a run's model files: each must be there and hash as published.
import { truncateSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkModelFiles } from '../../src/bot/modelFilesCheck.ts';
import type { Database } from '../../src/db/open.ts';
import { modelFilePaths, runFolderPaths } from '../../src/db/runFolder.ts';
import { getRun, publishRun } from '../../src/db/runs.ts';
import type { RunRecord } from '../../src/db/runTypes.ts';
import {
  fillRunFolder,
  makeRun,
  makeTrack,
  makeVectors,
  withTempDatabase,
} from '../db/fixtures.ts';

describe('checkModelFiles', () => {
  let db: Database;
  withTempDatabase((opened) => (db = opened));
  const published = (): RunRecord => {
    const run = makeRun('r1');
    fillRunFolder(run.modelDir);
    publishRun(db, { run, tracks: [makeTrack(1)], trackIds: ['t1'], vectors: makeVectors(1, 1) });
    return getRun(db, 'r1')!;
  };
  const encoderWeights = (run: RunRecord) =>
    modelFilePaths(runFolderPaths(run.modelDir).encoder).weights;

  it('GIVEN a run as published WHEN checked THEN it passes', () => {
    expect(() => checkModelFiles(db, published())).not.toThrow();
  });

  it.each([
    ['truncated', (path: string) => truncateSync(path, 3)],
    ['garbage of the same size', (path: string) => writeFileSync(path, 'garbage!')],
    ['garbage, longer', (path: string) => writeFileSync(path, Buffer.alloc(4096, 0xff))],
  ])(
    'GIVEN an encoder weights.bin %s after publishing WHEN checked THEN refused naming it and saying to retrain',
    (_case, damage) => {
      // GIVEN
      const run = published();
      damage(encoderWeights(run));
      // WHEN / THEN
      expect(() => checkModelFiles(db, run)).toThrow(
        `The model file ${encoderWeights(run)} of run r1 is not the file published`,
      );
      expect(() => checkModelFiles(db, run)).toThrow(
        /Retrain to write a fresh model: npm run train/,
      );
    },
  );

  it('GIVEN a changed scaler.json WHEN checked THEN refused naming it', () => {
    const run = published();
    writeFileSync(runFolderPaths(run.modelDir).scaler, '{}');
    expect(() => checkModelFiles(db, run)).toThrow(
      /scaler\.json of run r1 is not the file published/,
    );
  });

  it('GIVEN a run published before digests (no rows) WHEN a file changes THEN only presence is checked', () => {
    const run = published();
    db.prepare('DELETE FROM run_files').run();
    writeFileSync(encoderWeights(run), 'changed');
    expect(() => checkModelFiles(db, run)).not.toThrow();
  });
});
