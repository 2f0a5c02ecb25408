// Temp databases and small tracks/runs for the db tests.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AUDIO_FEATURES } from '../../src/data/track.ts';
import type { FeatureValues, Track } from '../../src/data/track.ts';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { openDatabase, type Database } from '../../src/db/open.ts';
import { requiredRunFiles } from '../../src/db/runFolder.ts';
import type { NewRun } from '../../src/db/runs.ts';

/** A fresh temp folder, removed by the returned cleanup. */
export function makeTempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'nextbeat-db-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

let modelsDir: string | undefined;
// Runs' model folders (where publishing writes their catalog snapshots): one temp folder per
// test file, removed after it.
function testModelsDir(): string {
  if (!modelsDir) {
    const temp = makeTempDir();
    modelsDir = temp.dir;
    afterAll(temp.cleanup);
  }
  return modelsDir;
}

/** A track whose fields all derive from `n`, with overrides. */
export function makeTrack(n: number, overrides: Partial<Track> = {}): Track {
  const features = {} as FeatureValues;
  AUDIO_FEATURES.forEach((feature, k) => (features[feature] = n / 100 + k));
  return {
    id: `t${n}`,
    title: `Title ${n}`,
    artists: [`Artist ${n}`],
    album: `Album ${n}`,
    genres: ['pop'],
    popularity: n,
    explicit: n % 2 === 0,
    year: 2000 + n,
    features,
    ...overrides,
  };
}

/** A run description with the given id and latent size. */
export function makeRun(id: string, latentDim = 3): NewRun {
  return {
    id,
    createdAt: `2026-01-01T00:00:0${id.length % 10}.000Z`,
    dataFile: `/data/${id}.csv`,
    dataSha256: 'ab'.repeat(32),
    backend: 'wasm',
    features: ['danceability', 'energy', 'tempo'],
    scaler: {
      features: ['danceability', 'energy', 'tempo'],
      min: [0, 0, 50],
      max: [1, 1, 200],
      lowerPercentile: 0.005,
      upperPercentile: 0.995,
    },
    params: { epochs: 2, batchSize: 256, learningRate: 0.01, hidden: 8, latentDim, seed: 7 },
    metrics: { trainMse: 0.01, valMse: 0.02, meanBaselineMse: 0.05, epochsRun: 2, history: { loss: [0.03, 0.01], valLoss: [0.04, 0.02] } },
    timings: { read: 1.5, train: 3 },
    counts: { rowsRead: 10, rowsSkipped: 1, duplicateRows: 2, tracks: 7 },
    encoder: [{ inputDim: 1, outputDim: 3, kernel: [1, 2, 3], bias: [0, 0, 0], activation: 'linear' }],
    modelDir: join(testModelsDir(), id),
    latentDim,
  };
}

/** Puts a stand-in for every file a complete run holds into the run folder `dir`. */
export function fillRunFolder(dir: string): void {
  for (const path of requiredRunFiles(dir)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, 'stand-in');
  }
}

/** Vectors for `count` tracks whose values identify the run (`base`) and the row. */
export function makeVectors(count: number, base: number, latentDim = 3): Float32Array {
  return Float32Array.from({ length: count * latentDim }, (_, i) => base + i / 8);
}

/** Every row of a table, for before/after comparisons. */
export function dumpTable(db: Database, table: string): unknown[] {
  return db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
}

/** Opens a fresh database in a temp folder before each test (handed to `use`) and removes it after. */
export function withTempDatabase(use: (db: Database) => void): void {
  let opened: Database | undefined;
  let cleanup = () => {};
  beforeEach(() => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    opened = openDatabase(join(temp.dir, 'nextbeat.sqlite'));
    use(opened);
  });
  afterEach(() => {
    opened?.close();
    cleanup();
  });
}
