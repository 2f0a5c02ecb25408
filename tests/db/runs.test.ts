import { describe, expect, it } from 'vitest';
import { DatabaseError, InvalidRunError } from '../../src/db/errors.ts';
import type { Database } from '../../src/db/open.ts';
import {
  deleteRun,
  getActiveRun,
  getRun,
  listRuns,
  publishRun,
} from '../../src/db/runs.ts';
import { makeRun, makeTrack, makeVectors, withTempDatabase } from './fixtures.ts';

describe('runs', () => {
  let db: Database;
  withTempDatabase((opened) => (db = opened));

  const tracks = [makeTrack(1), makeTrack(2)];
  const trackIds = ['t1', 't2'];

  it('has no active run before the first publish', () => {
    expect(getActiveRun(db)).toBeNull();
    expect(listRuns(db, 10)).toEqual([]);
  });

  it('publishes a run, makes it active, and returns it with JSON fields parsed', () => {
    // GIVEN a new run
    const run = makeRun('run-a');
    // WHEN it is published
    const stored = publishRun(db, { run, tracks, trackIds, vectors: makeVectors(2, 1) });
    // THEN what is returned, read and active is the run as described
    expect(stored).toEqual({ ...run, status: 'published' });
    expect(getRun(db, 'run-a')).toEqual(stored);
    expect(getActiveRun(db)).toEqual(stored);
  });

  it('gives a run without an id a readable, sortable id', () => {
    // GIVEN a run with no id
    const run = { ...makeRun('x'), id: undefined };
    // WHEN it is published
    const stored = publishRun(db, { run, tracks, trackIds, vectors: makeVectors(2, 1) });
    // THEN the id looks like 2026-11-25T14-30-00-abc123
    expect(stored.id).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-[0-9a-f]{6}$/);
  });

  it('lists runs newest first, limited', () => {
    // GIVEN three runs published in time order
    for (const [id, second] of [['a', 1], ['b', 2], ['c', 3]] as const) {
      const run = { ...makeRun(id), createdAt: `2026-01-01T00:00:0${second}.000Z` };
      publishRun(db, { run, tracks, trackIds, vectors: makeVectors(2, second) });
    }
    // WHEN the two most recent are listed
    // THEN they come newest first
    expect(listRuns(db, 2).map((r) => r.id)).toEqual(['c', 'b']);
  });

  it('deletes an old run with its vectors but refuses to delete the active one', () => {
    // GIVEN two runs, the second active
    publishRun(db, { run: makeRun('old'), tracks, trackIds, vectors: makeVectors(2, 1) });
    publishRun(db, { run: makeRun('new'), tracks, trackIds, vectors: makeVectors(2, 2) });
    // WHEN the old one and then the active one are deleted
    expect(deleteRun(db, 'old')).toBe(true);
    // THEN the old one is gone with its rows, the active one stays
    expect(getRun(db, 'old')).toBeNull();
    expect(db.prepare("SELECT count(*) FROM run_vectors WHERE run_id = 'old'").pluck().get()).toBe(0);
    expect(() => deleteRun(db, 'new')).toThrow(DatabaseError);
    expect(getActiveRun(db)?.id).toBe('new');
    expect(deleteRun(db, 'never-existed')).toBe(false);
  });

  describe('validation before writing', () => {
    const cases: [string, () => Parameters<typeof publishRun>[1], RegExp][] = [
      ['too few vector values', () => ({ run: makeRun('r'), tracks, trackIds, vectors: new Float32Array(5) }), /Expected 2 x 3 = 6/],
      ['a NaN', () => ({ run: makeRun('r'), tracks, trackIds, vectors: Float32Array.of(0, 0, 0, 0, NaN, 0) }), /track t2 .*NaN/],
      ['an Infinity', () => ({ run: makeRun('r'), tracks, trackIds, vectors: Float32Array.of(Infinity, 0, 0, 0, 0, 0) }), /track t1 .*Infinity/],
      ['a track id without a Track', () => ({ run: makeRun('r'), tracks, trackIds: ['t1', 'zz'], vectors: makeVectors(2, 1) }), /zz/],
      ['a repeated track id', () => ({ run: makeRun('r'), tracks, trackIds: ['t1', 't1'], vectors: makeVectors(2, 1) }), /twice/],
      ['no tracks', () => ({ run: makeRun('r'), tracks, trackIds: [], vectors: new Float32Array(0) }), /at least one/],
      ['a bad latentDim', () => ({ run: makeRun('r', 0), tracks, trackIds, vectors: new Float32Array(0) }), /latentDim/],
    ];
    it.each(cases)('rejects %s with InvalidRunError and writes nothing', (_name, input, message) => {
      // GIVEN an inconsistent run
      // WHEN it is published
      const publish = () => publishRun(db, input());
      // THEN a named error explains it and nothing was stored
      expect(publish).toThrow(InvalidRunError);
      expect(publish).toThrow(message);
      expect(getRun(db, 'r')).toBeNull();
      expect(db.prepare('SELECT count(*) FROM tracks').pluck().get()).toBe(0);
    });
  });
});
