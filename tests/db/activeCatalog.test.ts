import { describe, expect, it } from 'vitest';
import { searchTitles } from '../../src/core/queries/titleSearch.ts';
import { loadActiveCatalog } from '../../src/db/activeCatalog.ts';
import { openDatabase, type Database } from '../../src/db/open.ts';
import { getRun, publishRun } from '../../src/db/runs.ts';
import { runFolderPaths } from '../../src/db/runFolder.ts';
import { PackedStrings } from '../../src/core/titles/stringList.ts';
import { SNAPSHOT_FORMAT } from '../../src/core/catalog/catalogSnapshot.ts';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { upsertTracks } from '../../src/db/tracks.ts';
import { makeRun, makeTrack, makeVectors, withTempDatabase } from './fixtures.ts';

const SCALER = {
  features: ['danceability', 'energy', 'tempo'],
  min: [0, 0, 50],
  max: [1, 1, 200],
  lowerPercentile: 0,
  upperPercentile: 1,
};

describe('loadActiveCatalog', () => {
  let db: Database;
  withTempDatabase((opened) => (db = opened));

  const snapshotFile = (id: string) => runFolderPaths(getRun(db, id)!.modelDir).snapshot;
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

  it('GIVEN a run whose snapshot is of an older format WHEN loaded THEN it is built from its rows and finds songs by base title', () => {
    // GIVEN a run whose only snapshot file carries the previous format's name
    publish('r1');
    const older = join(getRun(db, 'r1')!.modelDir, `catalog-v${SNAPSHOT_FORMAT - 1}.bin`);
    renameSync(snapshotFile('r1'), older);
    // WHEN loaded
    const fromRows = loadActiveCatalog(db)!.catalog;
    // THEN it was built (not restored), and the base-title lookups of this format work
    expect(fromRows.columns.titles).not.toBeInstanceOf(PackedStrings);
    expect(searchTitles(fromRows, 'Halo (feat. Someone)')[0]?.value).toBe('t1');
  });

  it('GIVEN several runs WHEN published THEN only the active run and the one before keep snapshots', () => {
    publish('a');
    publish('b');
    publish('c');
    expect(['a', 'b', 'c'].map((id) => existsSync(snapshotFile(id)))).toEqual([false, true, true]);
  });

  it('GIVEN a database from before snapshot files (version 2, snapshots in run_catalogs) WHEN opened THEN the table goes and the run loads from its rows', () => {
    publish('r1');
    rmSync(snapshotFile('r1'));
    db.exec('CREATE TABLE run_catalogs (run_id TEXT PRIMARY KEY, format INTEGER, data BLOB)');
    db.prepare("INSERT INTO run_catalogs VALUES ('r1', 2, x'00')").run();
    // The run's track list as versions before 7 kept it: a row per track in run_tracks.
    const ids = JSON.parse(
      db.prepare("SELECT track_ids FROM run_vectors WHERE run_id = 'r1'").pluck().get() as string,
    ) as string[];
    db.exec('CREATE TABLE run_tracks (run_id TEXT, position INTEGER, track_id TEXT)');
    const listed = db.prepare("INSERT INTO run_tracks VALUES ('r1', ?, ?)");
    [...ids].reverse().forEach((id, k) => listed.run(ids.length - 1 - k, id));
    db.exec('ALTER TABLE run_vectors DROP COLUMN track_ids');
    db.pragma('user_version = 2');
    const path = db.name;
    db.close();
    db = openDatabase(path);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck();
    expect(tables.all()).not.toContain('run_catalogs');
    expect(tables.all()).not.toContain('run_tracks');
    const fromRows = loadActiveCatalog(db)!.catalog;
    expect(fromRows.columns.ids.length).toBe(ids.length);
    ids.forEach((id, position) => expect(fromRows.columns.ids.at(position)).toBe(id));
    expect(fromRows.columns.titles).not.toBeInstanceOf(PackedStrings); // built, not restored
    expect(searchTitles(fromRows, 'halo')[0]?.value).toBe('t1');
    db.close();
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
