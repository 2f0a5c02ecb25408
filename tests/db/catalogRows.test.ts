import { describe, expect, it } from 'vitest';
import { loadActiveCatalogRows } from '../../src/db/catalogRows.ts';
import { DatabaseError } from '../../src/db/errors.ts';
import type { Database } from '../../src/db/open.ts';
import { publishRun } from '../../src/db/runs.ts';
import { makeRun, makeTrack, makeVectors, withTempDatabase } from './fixtures.ts';

describe('loadActiveCatalogRows', () => {
  let db: Database;
  withTempDatabase((opened) => (db = opened));

  it('returns null before the first run', () => {
    expect(loadActiveCatalogRows(db)).toBeNull();
  });

  it('returns the active run, its tracks in published order, and aligned vectors', () => {
    // GIVEN a run whose track order differs from id order, with several genres
    const tracks = [
      makeTrack(3, { genres: ['rock', 'alt-rock', 'grunge'] }),
      makeTrack(1, { genres: [], title: 'Без названия' }),
      makeTrack(2),
    ];
    const vectors = makeVectors(3, 5, 2);
    const run = publishRun(db, {
      run: makeRun('r1', 2),
      tracks,
      trackIds: ['t3', 't1', 't2'],
      vectors,
    });
    // WHEN the catalog rows are loaded
    const rows = loadActiveCatalogRows(db);
    // THEN tracks and vectors are exactly what was published, row for row
    expect(rows?.run).toEqual(run);
    expect(rows?.tracks).toEqual(tracks);
    expect(Array.from(rows?.vectors ?? [])).toEqual(Array.from(vectors));
  });

  it("serves the old run's own track set after a retrain on different tracks is published", () => {
    // GIVEN run A on tracks 1-2 and run B on tracks 2-3
    publishRun(db, {
      run: makeRun('a'),
      tracks: [makeTrack(1), makeTrack(2)],
      trackIds: ['t1', 't2'],
      vectors: makeVectors(2, 1),
    });
    publishRun(db, {
      run: makeRun('b'),
      tracks: [makeTrack(2), makeTrack(3)],
      trackIds: ['t2', 't3'],
      vectors: makeVectors(2, 2),
    });
    // WHEN B is active
    // THEN only B's tracks are served
    expect(loadActiveCatalogRows(db)?.tracks.map((t) => t.id)).toEqual(['t2', 't3']);
    // AND WHEN A is made active again, A's tracks and vectors come back intact
    db.prepare("UPDATE active_run SET run_id = 'a'").run();
    const rows = loadActiveCatalogRows(db);
    expect(rows?.tracks.map((t) => t.id)).toEqual(['t1', 't2']);
    expect(Array.from(rows?.vectors ?? [])).toEqual(Array.from(makeVectors(2, 1)));
  });

  it('refuses an active run whose vectors are missing', () => {
    // GIVEN an active run whose vectors were deleted behind its back
    publishRun(db, {
      run: makeRun('broken'),
      tracks: [makeTrack(1)],
      trackIds: ['t1'],
      vectors: makeVectors(1, 1),
    });
    db.prepare("UPDATE run_vectors SET v = x'' WHERE run_id = 'broken'").run();
    // WHEN the catalog is loaded
    const load = () => loadActiveCatalogRows(db);
    // THEN a DatabaseError says the run is incomplete and to retrain
    expect(load).toThrow(DatabaseError);
    expect(load).toThrow(/active run broken is incomplete \(1 tracks, 0 vectors\)/);
    expect(load).toThrow(/npm run train/);
  });

  it('refuses an active run with fewer vectors than tracks', () => {
    // GIVEN an active run whose vector blob lost its last row
    publishRun(db, {
      run: makeRun('short'),
      tracks: [makeTrack(1), makeTrack(2)],
      trackIds: ['t1', 't2'],
      vectors: makeVectors(2, 1),
    });
    db.prepare("UPDATE run_vectors SET v = substr(v, 1, 12) WHERE run_id = 'short'").run();
    // WHEN the catalog is loaded
    // THEN the mismatch is reported
    expect(() => loadActiveCatalogRows(db)).toThrow(/2 tracks, 1 vectors/);
  });
});
