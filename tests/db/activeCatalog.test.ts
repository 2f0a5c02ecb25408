import { describe, expect, it } from 'vitest';
import { searchTitles } from '../../src/core/titleSearch.ts';
import { loadActiveCatalog } from '../../src/db/activeCatalog.ts';
import type { Database } from '../../src/db/open.ts';
import { publishRun } from '../../src/db/runs.ts';
import { upsertTracks } from '../../src/db/tracks.ts';
import { makeRun, makeTrack, makeVectors, withTempDatabase } from './fixtures.ts';

const SCALER = { features: ['danceability', 'energy', 'tempo'], min: [0, 0, 50], max: [1, 1, 200] };

describe('loadActiveCatalog', () => {
  let db: Database;
  withTempDatabase((opened) => (db = opened));

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
    db.prepare('DELETE FROM run_catalogs').run();
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
    const kept = db.prepare('SELECT run_id FROM run_catalogs ORDER BY run_id').pluck().all();
    expect(kept).toEqual(['b', 'c']);
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
