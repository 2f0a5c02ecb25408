import { beforeEach, describe, expect, it } from 'vitest';
import { loadActiveCatalogRows } from '../../src/db/catalogRows.ts';
import { InvalidRunError } from '../../src/db/errors.ts';
import type { Database } from '../../src/db/open.ts';
import { getActiveRun, getRun, publishRun } from '../../src/db/runs.ts';
import type { PublishStep } from '../../src/db/runs.ts';
import { dumpTable, makeRun, makeTrack, makeVectors, withTempDatabase } from './fixtures.ts';

const TABLES = [
  'tracks',
  'track_genres',
  'runs',
  'run_vectors',
  'active_run',
];

class InjectedCrash extends Error {}

describe('publishRun is all or nothing', () => {
  let db: Database;
  withTempDatabase((opened) => (db = opened));
  beforeEach(() => {
    // The serving run: tracks 1-2, genre 'pop'.
    publishRun(db, {
      run: makeRun('serving'),
      tracks: [makeTrack(1), makeTrack(2)],
      trackIds: ['t1', 't2'],
      vectors: makeVectors(2, 10),
    });
  });

  // The next run changes track 2 (title, genres) and adds track 3.
  const nextInput = () => ({
    run: makeRun('next'),
    tracks: [makeTrack(2, { title: 'Changed', genres: ['rock'] }), makeTrack(3)],
    trackIds: ['t2', 't3'],
    vectors: makeVectors(2, 20),
  });

  const steps: PublishStep[] = ['catalog', 'tracks', 'run', 'vectors', 'activate'];
  it.each(steps)('a crash before step "%s" leaves the previous run serving', (failAt) => {
    // GIVEN the serving run's state
    const before = TABLES.map((table) => dumpTable(db, table));
    const servedBefore = loadActiveCatalogRows(db);
    const seen: PublishStep[] = [];
    // WHEN publishing the next run crashes before one step
    const publish = () =>
      publishRun(db, nextInput(), {
        beforeStep: (step) => {
          seen.push(step);
          if (step === failAt) throw new InjectedCrash(step);
        },
      });
    // THEN the crash surfaces, every table is as before, and the same catalog is served
    expect(publish).toThrow(InjectedCrash);
    expect(seen).toEqual(steps.slice(0, steps.indexOf(failAt) + 1));
    expect(TABLES.map((table) => dumpTable(db, table))).toEqual(before);
    expect(getActiveRun(db)?.id).toBe('serving');
    expect(getRun(db, 'next')).toBeNull();
    expect(loadActiveCatalogRows(db)).toEqual(servedBefore);
  });

  it('a vector validation failure leaves the previous run serving', () => {
    // GIVEN the serving run's state
    const before = TABLES.map((table) => dumpTable(db, table));
    const steps: PublishStep[] = [];
    // WHEN the next run's vectors hold a NaN
    const input = { ...nextInput(), vectors: Float32Array.of(1, 2, 3, 4, NaN, 6) };
    const publish = () => publishRun(db, input, { beforeStep: (step) => steps.push(step) });
    // THEN it is refused before any step, and nothing changed
    expect(publish).toThrow(InvalidRunError);
    expect(steps).toEqual([]);
    expect(TABLES.map((table) => dumpTable(db, table))).toEqual(before);
    expect(loadActiveCatalogRows(db)?.tracks.map((t) => t.title)).toEqual(['Title 1', 'Title 2']);
  });

  it('a publish with no crash switches to the new run', () => {
    // GIVEN the hooks that do nothing
    // WHEN the next run is published
    publishRun(db, nextInput(), { beforeStep: () => undefined });
    // THEN it serves, and the old run still knows its own track set
    expect(getActiveRun(db)?.id).toBe('next');
    expect(
      JSON.parse(
        db.prepare("SELECT track_ids FROM run_vectors WHERE run_id = 'serving'").pluck().get() as string,
      ),
    ).toEqual(['t1', 't2']);
  });
});
