import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadActiveCatalog } from '../../src/db/activeCatalog.ts';
import { importRunDatabase } from '../../src/db/importRun.ts';
import { openDatabase } from '../../src/db/open.ts';
import { runFolderPaths } from '../../src/db/runFolder.ts';
import { fetchStoredRun, RunRefusedError } from '../../src/runstore/fetchStoredRun.ts';
import { readPointer } from '../../src/runstore/pointer.ts';
import { STORED_RUNS_KEPT } from '../../src/runstore/publishToStore.ts';
import { storeLayout, storedRunDir } from '../../src/runstore/storeLayout.ts';
import { flipOneByte, publishSmallRun, syntheticDataFile, tempDir } from './storeHelpers.ts';

let store: string;
let runId: string;
beforeAll(async () => {
  store = tempDir('store');
  ({ runId } = await publishSmallRun(store, syntheticDataFile()));
}, 60_000);

const refusal = (modelsDir: string): string => {
  try {
    fetchStoredRun(store, readPointer(storeLayout(store).pointer)!, modelsDir);
  } catch (error) {
    expect(error).toBeInstanceOf(RunRefusedError);
    return (error as Error).message;
  }
  throw new Error('the run was not refused');
};

describe('publishing into a run store and taking a run from it', () => {
  it('GIVEN a trained run published WHEN the store is read THEN the pointer names it and its folder holds the manifest, models, snapshot and database, nothing half-written', () => {
    const layout = storeLayout(store);
    const pointer = readPointer(layout.pointer);
    expect(pointer?.runId).toBe(runId);
    expect(pointer?.manifestSha256).toMatch(/^[0-9a-f]{64}$/);
    const folder = storedRunDir(layout, runId);
    for (const file of [
      'manifest.json',
      'run.sqlite',
      'scaler.json',
      'encoder/weights.bin',
      runFolderPaths('.').snapshot,
    ]) {
      expect(existsSync(join(folder, file)), file).toBe(true);
    }
    expect(readdirSync(store).filter((name) => name.includes('.tmp-'))).toEqual([]);
    expect(readdirSync(layout.runs)).toEqual([runId]);
  });

  it("GIVEN a replica with an empty database WHEN it fetches and imports the pointer's run THEN it serves that run with every track", () => {
    const local = tempDir('replica');
    const fetched = fetchStoredRun(
      store,
      readPointer(storeLayout(store).pointer)!,
      join(local, 'models'),
    );
    const db = openDatabase(join(local, 'db', 'nextbeat.sqlite'));
    try {
      importRunDatabase(db, fetched.databasePath, fetched.runId, fetched.modelDir);
      const served = loadActiveCatalog(db);
      expect(served?.run.id).toBe(runId);
      expect(served?.run.modelDir).toBe(fetched.modelDir);
      expect(served?.catalog.size).toBe(6 * 60 + 2);
    } finally {
      db.close();
    }
  });

  it('GIVEN one byte of the stored encoder weights changed after hashing WHEN fetched THEN it is refused naming the file, and nothing is left in the local models folder', () => {
    const weights = join(storedRunDir(storeLayout(store), runId), 'encoder', 'weights.bin');
    const original = readFileSync(weights);
    flipOneByte(weights, 10);
    try {
      const models = join(tempDir('replica'), 'models');
      expect(refusal(models)).toMatch(
        new RegExp(
          `run ${runId}: the file encoder/weights.bin is not the one published: its content hash`,
        ),
      );
      expect(existsSync(models) ? readdirSync(models) : []).toEqual([]);
    } finally {
      writeFileSync(weights, original);
    }
  });

  it('GIVEN a manifest changed after the pointer was flipped WHEN fetched THEN it is refused for not matching the pointer', () => {
    const manifest = join(storedRunDir(storeLayout(store), runId), 'manifest.json');
    const original = readFileSync(manifest);
    writeFileSync(manifest, original.toString().replace('"a test"', '"someone"'));
    try {
      expect(refusal(join(tempDir('replica'), 'models'))).toMatch(
        /manifest\.json hashes to \w+\.\.\., the pointer says/,
      );
    } finally {
      writeFileSync(manifest, original);
    }
  });
});

describe('keeping the run store small', () => {
  it('GIVEN more runs published than are kept WHEN another is published THEN only the newest are left, the active one among them', async () => {
    const small = tempDir('store');
    const data = syntheticDataFile(10);
    const ids: string[] = [];
    for (let seed = 1; seed <= STORED_RUNS_KEPT + 1; seed++) {
      ids.push((await publishSmallRun(small, data, seed)).runId);
    }
    expect(readdirSync(storeLayout(small).runs).sort()).toEqual(ids.slice(1).sort());
    expect(readPointer(storeLayout(small).pointer)?.runId).toBe(ids.at(-1));
  }, 60_000);
});
