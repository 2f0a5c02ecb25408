// A run's JSON columns are checked as they are read, so nothing downstream has to cast them.
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open.ts';
import { MalformedRunError } from '../../src/db/runJsonColumns.ts';
import { getRun, publishRun } from '../../src/db/runs.ts';
import { makeRun, makeTrack, makeVectors, withTempDatabase } from './fixtures.ts';

describe('reading a run’s JSON columns', () => {
  let db: Database;
  withTempDatabase((opened) => (db = opened));
  const publish = () =>
    publishRun(db, {
      run: makeRun('r1'),
      tracks: [makeTrack(1)],
      trackIds: ['t1'],
      vectors: makeVectors(1, 1),
    });
  const publishWith = (column: string, json: unknown) => {
    publish();
    db.prepare(`UPDATE runs SET ${column} = ? WHERE id = 'r1'`).run(JSON.stringify(json));
  };

  it('GIVEN a well-formed run WHEN read THEN its scaler, encoder and loss history come back typed and equal', () => {
    publish();
    const run = getRun(db, 'r1')!;
    expect(run.scaler).toEqual(makeRun('r1').scaler);
    expect(run.encoder).toEqual(makeRun('r1').encoder);
    expect(run.metrics.history).toEqual(makeRun('r1').metrics.history);
  });

  const broken: [string, string, unknown, RegExp][] = [
    ['a scaler that is a list', 'scaler', [1, 2], /scaler: it is not an object/],
    [
      'a scaler with fewer max values than features',
      'scaler',
      { ...makeRun('r1').scaler, max: [1] },
      /scaler: 3 features but 3 min and 1 max values/,
    ],
    [
      'a scaler without percentiles',
      'scaler',
      { features: ['energy'], min: [0], max: [1] },
      /scaler: lowerPercentile or upperPercentile/,
    ],
    ['an encoder that is an object', 'encoder', { layers: [] }, /encoder: it is not a list/],
    [
      'an encoder layer whose kernel does not fit its sizes',
      'encoder',
      [{ inputDim: 2, outputDim: 3, kernel: [1, 2, 3], bias: [0, 0, 0], activation: 'relu' }],
      /encoder: layer 0 holds 3 kernel and 3 bias values/,
    ],
    [
      'an encoder layer with an activation the plain encoder lacks',
      'encoder',
      [{ inputDim: 1, outputDim: 1, kernel: [1], bias: [0], activation: 'tanh' }],
      /encoder: layer 0 has activation tanh/,
    ],
  ];
  it.each(broken)(
    'GIVEN %s WHEN the run is read THEN MalformedRunError names the run, the field and the fix',
    (_name, column, json, says) => {
      publishWith(column, json);
      expect(() => getRun(db, 'r1')).toThrow(MalformedRunError);
      expect(() => getRun(db, 'r1')).toThrow(says);
      expect(() => getRun(db, 'r1')).toThrow(/^Run r1 has a malformed .*npm run train\.$/);
    },
  );

  it('GIVEN metrics stored without a loss history WHEN read THEN the history is empty, not missing', () => {
    const metrics: Partial<ReturnType<typeof makeRun>['metrics']> = { ...makeRun('r1').metrics };
    delete metrics.history;
    publishWith('metrics', metrics);
    expect(getRun(db, 'r1')!.metrics.history).toEqual({ loss: [], valLoss: [] });
  });
});
