// A temp folder with the synthetic data set and no database or model yet (a first start).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticTracksCsv } from '../helpers/syntheticTracksCsv.ts';

/** Paths for a bot that has to train before it can serve. */
export function freshDataFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'nextbeat-first-start-'));
  mkdirSync(join(dir, 'data'));
  const dataPath = join(dir, 'data', 'dataset.csv');
  writeFileSync(dataPath, syntheticTracksCsv());
  return { dataPath, dbPath: join(dir, 'db', 'nextbeat.sqlite'), modelsDir: join(dir, 'models') };
}
