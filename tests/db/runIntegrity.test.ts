// A stored run proves its integrity: every file's digest is recorded at publish, and a catalog
// snapshot changed on disk since, in any of the ways a disk, a copy or a hand changes it, is
// refused by name with the fix, instead of serving wrong songs or failing with a bare parse error.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadActiveCatalog } from '../../src/db/activeCatalog.ts';
import type { Database } from '../../src/db/open.ts';
import { requiredRunFiles, runFolderPaths } from '../../src/db/runFolder.ts';
import { getRun, publishRun } from '../../src/db/runs.ts';
import { fillRunFolder, makeRun, makeTrack, withTempDatabase } from './fixtures.ts';
import { SNAPSHOT_DAMAGES, garbleHeader, nanVectors, truncateHalf } from './snapshotSurgery.ts';

const COUNT = 300;
// Spread-out vectors (a tree of several nodes), from a fixed sequence so runs repeat.
const vectors = Float32Array.from({ length: COUNT * 3 }, (_, i) => Math.sin(i * 12.9898) * 4);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('stored run integrity', () => {
  let db: Database;
  withTempDatabase((opened) => (db = opened));

  const publish = (id: string) => {
    const run = makeRun(id);
    fillRunFolder(run.modelDir);
    const tracks = Array.from({ length: COUNT }, (_, n) => makeTrack(n));
    publishRun(db, { run, tracks, trackIds: tracks.map((t) => t.id), vectors });
    return runFolderPaths(getRun(db, id)!.modelDir).snapshot;
  };

  it('GIVEN a run folder WHEN published THEN the size and sha256 of each of its files is recorded', () => {
    // GIVEN / WHEN
    const snapshot = publish('r1');
    const dir = getRun(db, 'r1')!.modelDir;
    // THEN every model file, the scaler and the snapshot have their digest recorded
    const rows = db.prepare('SELECT file, bytes, sha256 FROM run_files WHERE run_id = ?').all('r1');
    const expected = [...requiredRunFiles(dir), snapshot].map((path) => {
      const bytes = readFileSync(path);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      return { file: relative(dir, path), bytes: bytes.length, sha256 };
    });
    expect(rows).toEqual(expect.arrayContaining(expected));
    expect(rows).toHaveLength(expected.length);
  });

  it.each(SNAPSHOT_DAMAGES)(
    'GIVEN a published run whose snapshot then suffers %s WHEN loaded THEN it is refused, naming the file and the fix',
    (_damage, damage) => {
      // GIVEN
      const snapshot = publish('r1');
      damage(snapshot);
      // WHEN / THEN
      expect(() => loadActiveCatalog(db)).toThrow(
        new RegExp(
          `catalog snapshot ${escape(snapshot)} of run r1 is not the file published: .*` +
            `Delete ${escape(snapshot)} to rebuild the catalog from the database`,
        ),
      );
    },
  );

  it('GIVEN a damaged snapshot WHEN deleted as the message says THEN the run loads from the database as published', () => {
    // GIVEN
    const snapshot = publish('r1');
    const published = loadActiveCatalog(db)!.catalog;
    nanVectors(snapshot);
    // WHEN
    rmSync(snapshot);
    const rebuilt = loadActiveCatalog(db)!.catalog;
    // THEN
    expect(rebuilt.tracks.map((t) => t.id)).toEqual(published.tracks.map((t) => t.id));
    expect(Array.from(rebuilt.vectors)).toEqual(Array.from(vectors));
  });

  it.each([
    ['a garbled header', garbleHeader, /header is not valid JSON/],
    ['NaN vectors', nanVectors, /vector of track 0 is not a finite number \(NaN\)/],
    ['a truncated file', truncateHalf, /shorter than its header says/],
  ] as const)(
    'GIVEN a run published before digests whose snapshot has %s WHEN loaded THEN the format checks name the file and the fix',
    (_damage, damage, cause) => {
      // GIVEN a run with no recorded digests (as published by an older NextBeat)
      const snapshot = publish('r1');
      db.prepare('DELETE FROM run_files').run();
      damage(snapshot);
      // WHEN / THEN
      let message = '';
      try {
        loadActiveCatalog(db);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain(`The catalog snapshot ${snapshot} is unreadable`);
      expect(message).toMatch(cause);
      expect(message).toContain(`Delete ${snapshot} to rebuild the catalog from the database`);
    },
  );

  it('GIVEN a moved run folder and database WHEN loaded THEN the recorded names still find the files', () => {
    // GIVEN a run whose folder is named relative to itself in run_files
    publish('r1');
    const files = db.prepare('SELECT file FROM run_files').pluck().all() as string[];
    // THEN no recorded name is absolute or leaves the folder
    expect(files.every((file) => !file.startsWith('/') && !file.startsWith('..'))).toBe(true);
    expect(files).toContain(join('encoder', 'weights.bin'));
  });
});
