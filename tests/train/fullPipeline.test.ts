// runTraining on the real 114,000-row file with the shipped defaults (set NEXTBEAT_FULL_DATA to run).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadActiveCatalogRows } from '../../src/db/catalogRows.ts';
import type { CatalogRows } from '../../src/db/catalogRows.ts';
import { openDatabase } from '../../src/db/open.ts';
import { DEFAULT_TRAINING } from '../../src/train/defaults.ts';
import type { TrainingSummary } from '../../src/train/events.ts';
import { latentSpread } from '../../src/train/latentSpread.ts';
import { runTraining } from '../../src/train/pipeline.ts';
import { describeFullData } from '../helpers/fullData.ts';

describeFullData('runTraining on the full Spotify Tracks Dataset', (dataPath) => {
  const dir = mkdtempSync(join(tmpdir(), 'nextbeat-full-'));
  let summary: TrainingSummary;
  let stored: CatalogRows;
  beforeAll(async () => {
    summary = await runTraining(
      {
        ...DEFAULT_TRAINING,
        dataPath,
        datasetUrl: undefined,
        dbPath: join(dir, 'nextbeat.sqlite'),
        modelsDir: join(dir, 'models'),
        backend: 'auto',
      },
      () => {},
    );
    const db = openDatabase(summary.dbPath, { readonly: true });
    stored = loadActiveCatalogRows(db)!;
    db.close();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN the real file WHEN trained THEN every unique track is stored with a finite 3-D vector', () => {
    expect(summary.tracksStored).toBe(89_740);
    expect(stored.run.id).toBe(summary.runId);
    expect(stored.tracks).toHaveLength(89_740);
    expect(new Set(stored.tracks.map((track) => track.id)).size).toBe(89_740);
    expect(stored.vectors).toHaveLength(89_740 * 3);
    expect(stored.vectors.every(Number.isFinite)).toBe(true);
  });

  it('GIVEN a track listed under nine genres WHEN stored THEN it keeps all nine', () => {
    const babyBlue = stored.tracks.find((track) => track.id === '6S3JlDAGk3uu3NtZbPnuhS');
    expect(babyBlue?.genres).toHaveLength(9);
    expect(babyBlue?.genres).toEqual(expect.arrayContaining(['blues', 'j-rock', 'songwriter']));
  });

  it('GIVEN the mean as a baseline WHEN validated THEN the model halves its error at least', () => {
    expect(summary.valMse).toBeLessThanOrEqual(0.5 * summary.meanBaselineMse);
  });

  it('GIVEN the stored vectors WHEN measured THEN no latent dimension is dead', () => {
    const spread = latentSpread(stored.vectors, 3);
    expect(spread).toHaveLength(3);
    for (const std of spread) expect(std).toBeGreaterThan(0.05);
  });
});
