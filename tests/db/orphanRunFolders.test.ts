// Run folders that no published run owns are removed by the next training; the run being
// written, a folder another training may still be writing, and anything not named like a run stay.
import { existsSync, mkdirSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open.ts';
import { ORPHAN_GRACE_MS, removeOrphanRunFolders } from '../../src/db/orphanRunFolders.ts';
import { publishRun } from '../../src/db/runs.ts';
import { publishTrainedRun } from '../../src/train/saveRun.ts';
import { fillRunFolder, makeRun, makeTempDir, makeTrack, makeVectors, withTempDatabase } from './fixtures.ts';

const OLD = 'T00-00-00-aaaaaa';
const aged = (path: string) => {
  const past = new Date(Date.now() - 2 * ORPHAN_GRACE_MS);
  utimesSync(path, past, past);
  return path;
};
const folder = (path: string) => {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'catalog-v4.bin'), 'big');
  return aged(path);
};

describe('orphan run folders', () => {
  let db: Database;
  withTempDatabase((opened) => (db = opened));

  it('GIVEN models/ holding published, orphan, fresh, partial and unrelated entries WHEN cleaned THEN only old orphans named like runs are removed', () => {
    // GIVEN
    const { dir, cleanup } = makeTempDir();
    const models = join(dir, 'models');
    const published = { ...makeRun('p1'), modelDir: join(models, `2026-01-01${OLD}`) };
    fillRunFolder(published.modelDir);
    publishRun(db, { run: published, tracks: [makeTrack(1)], trackIds: ['t1'], vectors: makeVectors(1, 1) });
    aged(published.modelDir);
    const orphan = folder(join(models, `2026-01-02${OLD}`));
    const partial = folder(join(models, `2026-01-03${OLD}.partial`));
    const beingWritten = folder(join(models, `2026-01-04${OLD}`));
    const fresh = join(models, `2026-01-05${OLD}`);
    mkdirSync(fresh);
    const notes = folder(join(models, 'my-notes'));
    writeFileSync(join(models, `2026-01-06${OLD}`), 'a file named like a run');
    const elsewhere = folder(join(dir, 'elsewhere'));
    symlinkSync(elsewhere, join(models, `2026-01-07${OLD}`));
    // WHEN
    const removed = removeOrphanRunFolders(db, models, beingWritten);
    // THEN
    expect(removed.sort()).toEqual([orphan, partial].sort());
    expect(existsSync(orphan) || existsSync(partial)).toBe(false);
    for (const kept of [published.modelDir, beingWritten, fresh, notes, elsewhere]) {
      expect(existsSync(kept)).toBe(true);
    }
    expect(readdirSync(models)).toHaveLength(6);
    cleanup();
  });

  it('GIVEN an orphan left by a killed training WHEN the next training publishes THEN the orphan is gone and the new run kept', async () => {
    // GIVEN a database file and a models folder holding an old orphan
    const { dir, cleanup } = makeTempDir();
    const models = join(dir, 'models');
    const orphan = folder(join(models, `2026-01-02${OLD}`));
    const run = { ...makeRun('r1'), modelDir: join(models, `2026-01-03${OLD}`) };
    fillRunFolder(run.modelDir);
    // WHEN
    await publishTrainedRun(join(dir, 'nextbeat.sqlite'), {
      run,
      tracks: [makeTrack(1)],
      trackIds: ['t1'],
      vectors: makeVectors(1, 1),
    });
    // THEN
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(run.modelDir)).toBe(true);
    cleanup();
  });
});
