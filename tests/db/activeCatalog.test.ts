import { describe, expect, it } from 'vitest';
import { searchTitles } from '../../src/core/titleSearch.ts';
import { loadActiveCatalog } from '../../src/db/activeCatalog.ts';
import type { Database } from '../../src/db/open.ts';
import { getRun, publishRun } from '../../src/db/runs.ts';
import { SNAPSHOT_FORMAT } from '../../src/core/catalogSnapshot.ts';
import { PackedStrings } from '../../src/core/stringList.ts';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { upsertTracks } from '../../src/db/tracks.ts';
import { makeRun, makeTrack, makeVectors, withTempDatabase } from './fixtures.ts';

const SCALER = { features: ['danceability', 'energy', 'tempo'], min: [0, 0, 50], max: [1, 1, 200] };

describe('loadActiveCatalog', () => {
  let db: Database;
  withTempDatabase((opened) => (db = opened));

  const snapshotFile = (id: string) =>
    join(getRun(db, id)!.modelDir, `catalog-v${SNAPSHOT_FORMAT}.bin`);
  const publish = (id: string) =>
    publishRun(db, {
      run: { ...makeRun(id), scaler: SCALER, encoder: [] },
      tracks: [makeTrack(1, { title: 'Halo' }), makeTrack(2), makeTrack(3, { genres: [] })],
      trackIds: ['t3', 't1', 't2'],
      vectors: makeVectors(3, 1),
    });

  it('GIVEN a published run WHEN loaded from its snapshot or from rows THEN both catalogs agree', () => {
    // GIVEN a run with its snapshot
    publish('r1');
    // WHEN loaded with and without the snapshot
    const fromSnapshot = loadActiveCatalog(db)?.catalog;
    rmSync(snapshotFile('r1'));
    const fromRows = loadActiveCatalog(db)?.catalog;
    // THEN the tracks, order, vectors and search agree
    expect(fromSnapshot?.tracks).toEqual(fromRows?.tracks);
    expect(fromSnapshot?.tracks.map((t) => t.id)).toEqual(['t3', 't1', 't2']);
    expect(Array.from(fromSnapshot?.vectors ?? [])).toEqual(Array.from(makeVectors(3, 1)));
    expect(searchTitles(fromSnapshot!, 'halo')[0]?.value).toBe('t1');
  });

  it('GIVEN several runs WHEN published THEN only the active run and the one before keep snapshots', () => {
    publish('a');
    publish('b');
    publish('c');
    expect(['a', 'b', 'c'].map((id) => existsSync(snapshotFile(id)))).toEqual([false, true, true]);
  });

  it('GIVEN a run whose snapshot is in the database (published before snapshot files) WHEN loaded THEN it is restored from there', () => {
    publish('r1');
    const file = snapshotFile('r1');
    const bytes = readFileSync(file);
    rmSync(file);
    db.prepare('INSERT INTO run_catalogs (run_id, format, data) VALUES (?, ?, ?)').run(
      'r1',
      SNAPSHOT_FORMAT,
      bytes,
    );
    const restored = loadActiveCatalog(db)!.catalog;
    expect(restored.columns.titles).toBeInstanceOf(PackedStrings); // as only a snapshot gives
    expect(searchTitles(restored, 'halo')[0]?.value).toBe('t1');
    publish('r2');
    publish('r3');
    expect(db.prepare('SELECT count(*) FROM run_catalogs').pluck().get()).toBe(0);
  });

  it('GIVEN tracks already stored unchanged WHEN upserted again THEN none is rewritten, a changed one is', () => {
    const tracks = [makeTrack(1), makeTrack(2)];
    expect(upsertTracks(db, tracks)).toBe(2);
    expect(upsertTracks(db, tracks)).toBe(0);
    expect(upsertTracks(db, [makeTrack(1), makeTrack(2, { genres: ['rock'] })])).toBe(1);
    expect(db.prepare("SELECT genre FROM track_genres WHERE track_id = 't2'").pluck().all()).toEqual([
      'rock',
    ]);
  });
});
