// A database with 64 KB of garbage in the middle opens (its first page is sound) and would serve;
// SQLite's quick_check finds it, and the message names the file and the fix.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDatabaseIntegrity } from '../../src/db/integrity.ts';
import { openDatabase } from '../../src/db/open.ts';
import { upsertTracks } from '../../src/db/tracks.ts';
import { publishTrainedRun } from '../../src/train/saveRun.ts';
import { garbleMiddle } from './databaseDamage.ts';
import { fillRunFolder, makeRun, makeTempDir, makeTrack, makeVectors } from './fixtures.ts';

/** A database of 3,000 tracks (about 2 MB), closed so that everything is in the main file. */
function databaseOfTracks(dir: string): string {
  const path = join(dir, 'nextbeat.sqlite');
  const db = openDatabase(path);
  upsertTracks(db, Array.from({ length: 3000 }, (_, n) => makeTrack(n)));
  db.close();
  return path;
}

describe('checkDatabaseIntegrity', () => {
  it('GIVEN a sound database WHEN checked THEN it passes', () => {
    const { dir, cleanup } = makeTempDir();
    const path = databaseOfTracks(dir);
    const db = openDatabase(path);
    expect(() => checkDatabaseIntegrity(db, path)).not.toThrow();
    db.close();
    cleanup();
  });

  it('GIVEN 64 KB of garbage in the middle of the file WHEN opened and checked THEN refused naming the file and the fix', () => {
    // GIVEN
    const { dir, cleanup } = makeTempDir();
    const path = databaseOfTracks(dir);
    garbleMiddle(path);
    // WHEN the file opens as before
    const db = openDatabase(path);
    // THEN the check refuses it
    expect(() => checkDatabaseIntegrity(db, path)).toThrow(
      new RegExp(`The database ${path} is damaged \\(SQLite quick_check: .+\\)\\. Move it away and run npm run train`),
    );
    db.close();
    cleanup();
  });

  it('GIVEN a damaged database WHEN a training publishes into it THEN refused before writing, and the run folder removed', async () => {
    // GIVEN
    const { dir, cleanup } = makeTempDir();
    const path = databaseOfTracks(dir);
    garbleMiddle(path);
    const run = makeRun('r1');
    fillRunFolder(run.modelDir);
    // WHEN / THEN
    await expect(
      publishTrainedRun(path, { run, tracks: [makeTrack(1)], trackIds: ['t1'], vectors: makeVectors(1, 1) }),
    ).rejects.toThrow(/is damaged \(SQLite quick_check/);
    expect(existsSync(run.modelDir)).toBe(false);
    cleanup();
  });
});
