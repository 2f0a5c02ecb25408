import { describe, expect, it } from 'vitest';
import type { BotContext } from '../../src/bot/context.ts';
import { swapInPublishedRun } from '../../src/bot/retrain/swapModel.ts';
import { loadActiveCatalog } from '../../src/db/activeCatalog.ts';
import type { Database } from '../../src/db/open.ts';
import { getRun, publishRun } from '../../src/db/runs.ts';
import { runFolderPaths } from '../../src/db/runFolder.ts';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  fillRunFolder,
  makeRun,
  makeTrack,
  makeVectors,
  withTempDatabase,
} from '../db/fixtures.ts';
import { shuffleVectors } from '../db/snapshotSurgery.ts';

const SCALER = {
  features: ['danceability', 'energy', 'tempo'],
  min: [0, 0, 50],
  max: [1, 1, 200],
  lowerPercentile: 0,
  upperPercentile: 1,
};
const publish = (db: Database, id: string, count: number) => {
  const ids = Array.from({ length: count }, (_, k) => k + 1);
  const run = { ...makeRun(id), scaler: SCALER, encoder: [] };
  fillRunFolder(run.modelDir);
  publishRun(db, {
    run,
    tracks: ids.map((n) => makeTrack(n)),
    trackIds: ids.map((n) => `t${n}`),
    vectors: makeVectors(count, 1),
  });
};

describe('swapping in a published run', () => {
  let db: Database;
  withTempDatabase((opened) => (db = opened));
  const serving = (id: string, count: number) => {
    publish(db, id, count);
    return { db, model: loadActiveCatalog(db)! } as unknown as BotContext;
  };

  it('GIVEN a new run published WHEN swapped in THEN it is served', () => {
    const context = serving('old', 3);
    publish(db, 'new', 5);
    expect(swapInPublishedRun(context, 'new').run.id).toBe('new');
    expect(context.model.catalog.size).toBe(5);
  });

  it('GIVEN training that names a run that is not active WHEN swapped THEN it throws why and the previous run is read back and served', () => {
    const context = serving('old', 3);
    const previous = context.model.catalog;
    expect(() => swapInPublishedRun(context, 'ghost')).toThrow(
      'training reported run ghost, but it is not the active run',
    );
    expect(context.model.run.id).toBe('old');
    expect(context.model.catalog).not.toBe(previous); // let go before loading, then read back
    expect(context.model.catalog.tracks).toEqual(previous.tracks);
  });

  it('GIVEN a new run whose snapshot is unreadable WHEN swapped THEN it throws and the previous run serves on', () => {
    const context = serving('old', 3);
    publish(db, 'new', 5);
    writeFileSync(runFolderPaths(getRun(db, 'new')!.modelDir).snapshot, 'garbage');
    expect(() => swapInPublishedRun(context, 'new')).toThrow(/snapshot/i);
    expect(context.model.run.id).toBe('old');
    expect(context.model.catalog.size).toBe(3);
  });

  it('GIVEN a new run whose folder lost its encoder weights WHEN swapped THEN it throws naming the file and the previous run serves on', () => {
    const context = serving('old', 3);
    publish(db, 'new', 5);
    rmSync(join(getRun(db, 'new')!.modelDir, 'encoder', 'weights.bin'));
    expect(() => swapInPublishedRun(context, 'new')).toThrow(/new is missing \S+weights\.bin/);
    expect(context.model.run.id).toBe('old');
    expect(context.model.catalog.size).toBe(3);
  });

  it('GIVEN a new run whose snapshot was changed on disk after publishing WHEN swapped THEN it is refused naming the file and the previous run serves on', () => {
    const context = serving('old', 3);
    publish(db, 'new', 5);
    const snapshot = runFolderPaths(getRun(db, 'new')!.modelDir).snapshot;
    shuffleVectors(snapshot);
    expect(() => swapInPublishedRun(context, 'new')).toThrow(
      `The catalog snapshot ${snapshot} of run new is not the file published`,
    );
    expect(context.model.run.id).toBe('old');
    expect(context.model.catalog.size).toBe(3);
  });

  it('GIVEN a new run whose decoder weights were replaced by garbage of the same size WHEN swapped THEN it is refused naming the file and the previous run serves on', () => {
    const context = serving('old', 3);
    publish(db, 'new', 5);
    const weights = join(getRun(db, 'new')!.modelDir, 'decoder', 'weights.bin');
    writeFileSync(weights, 'garbage!'); // as long as the stand-in it replaces
    expect(() => swapInPublishedRun(context, 'new')).toThrow(
      new RegExp(`model file ${weights} of run new is not the file published: .*Retrain`),
    );
    expect(context.model.run.id).toBe('old');
    expect(context.model.catalog.size).toBe(3);
  });
});
