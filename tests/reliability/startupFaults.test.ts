// `npm start` with broken data on disk: it exits 1 with a message saying what is wrong and how to
// fix it (retrain, or where to put the data), never with a stack trace alone, never with the token.
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFolderPaths } from '../../src/db/runFolder.ts';
import { garbleMiddle } from '../db/databaseDamage.ts';
import { shuffleVectors } from '../db/snapshotSurgery.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakeDiscord/index.ts';
import { runEntry } from '../helpers/runEntry.ts';
import { trainSmallModel, type TrainedModel } from '../helpers/trainedModel.ts';
import { placesWithToken } from './tokenScan.ts';

let discord: FakeDiscord;
let model: TrainedModel;
beforeAll(async () => {
  [discord, model] = await Promise.all([startFakeDiscord(), trainSmallModel()]);
});
afterAll(() => discord?.close());

/** A private copy of the trained model's folder, broken by `breakIt`. */
function brokenCopy(breakIt: (paths: TrainedModel, runDir: string) => void): TrainedModel {
  const dir = mkdtempSync(join(tmpdir(), 'nextbeat-broken-'));
  cpSync(model.dir, dir, { recursive: true });
  const paths = {
    dir,
    dataPath: join(dir, 'data', 'dataset.csv'),
    dbPath: join(dir, 'db', 'nextbeat.sqlite'),
    modelsDir: join(dir, 'models'),
  };
  // The copy's runs must point at the copy's model files, not the original's.
  const db = new BetterSqlite3(paths.dbPath);
  db.prepare('UPDATE runs SET model_dir = replace(model_dir, ?, ?)').run(model.dir, dir);
  const runDir = db.prepare('SELECT model_dir FROM runs ORDER BY created_at DESC').pluck().get();
  db.close();
  breakIt(paths, String(runDir));
  return paths;
}

const CASES: [string, (paths: TrainedModel, runDir: string) => void, RegExp][] = [
  [
    'a corrupt database file',
    ({ dbPath }) => {
      rmSync(`${dbPath}-wal`, { force: true });
      rmSync(`${dbPath}-shm`, { force: true });
      writeFileSync(dbPath, Buffer.alloc(8192, 'this is not sqlite '));
    },
    /is not a valid SQLite database.*npm run train/,
  ],
  [
    '64 KB of garbage in the middle of the database',
    ({ dbPath }) => {
      const db = new BetterSqlite3(dbPath);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      garbleMiddle(dbPath);
    },
    /The database \S+nextbeat\.sqlite is damaged \(SQLite quick_check: .+\)\. Move it away and run npm run train/,
  ],
  [
    'no database and no data file',
    ({ dbPath, dataPath }) => {
      rmSync(join(dbPath, '..'), { recursive: true });
      unlinkSync(dataPath);
    },
    /Could not download the data set from http:\/\/127\.0\.0\.1:9\/dataset\.csv[\s\S]*save it as .*dataset\.csv/,
  ],
  [
    'a model directory missing its weights',
    (_paths, runDir) => unlinkSync(join(runDir, 'encoder', 'weights.bin')),
    /missing .*weights\.bin.*Retrain/,
  ],
  [
    'an active run whose vectors are gone, and no catalog snapshot to restore them from',
    ({ dbPath }, runDir) => {
      const db = new BetterSqlite3(dbPath);
      db.prepare('DELETE FROM run_vectors').run();
      db.close();
      unlinkSync(runFolderPaths(runDir).snapshot);
    },
    /active run \S+ is incomplete.*npm run train/,
  ],
  [
    'a damaged catalog snapshot',
    (_paths, runDir) => writeFileSync(runFolderPaths(runDir).snapshot, 'not a snapshot'),
    /catalog snapshot (\S+catalog-v\d+\.bin) of run \S+ is not the file published: .*Delete \1 to rebuild the catalog from the database .*npm run train/,
  ],
  [
    'a catalog snapshot whose vectors were shuffled after publishing',
    (_paths, runDir) => shuffleVectors(runFolderPaths(runDir).snapshot),
    /catalog snapshot (\S+catalog-v\d+\.bin) of run \S+ is not the file published: its content hash .*Delete \1 to rebuild/,
  ],
  [
    'an encoder weights.bin replaced by garbage',
    (_paths, runDir) => writeFileSync(join(runDir, 'encoder', 'weights.bin'), 'garbage'),
    /model file \S+encoder\/weights\.bin of run \S+ is not the file published: .*Retrain/,
  ],
];

describe('start-up with bad data', () => {
  it.concurrent.each(CASES)(
    'GIVEN %s WHEN npm start THEN it exits 1 saying what is wrong and how to fix it',
    async (_name, breakIt, says) => {
      const paths = brokenCopy(breakIt);
      const bot = runEntry('src/index.ts', [], {
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: discord.apiUrl,
        DISCORD_GUILD_ID: discord.world.guildId,
        NEXTBEAT_DATA: paths.dataPath,
        NEXTBEAT_DB: paths.dbPath,
        NEXTBEAT_MODELS: paths.modelsDir,
        // A closed port on this machine: the data set download must fail without the internet.
        NEXTBEAT_DATASET_URL: 'http://127.0.0.1:9/dataset.csv',
        LOG_FORMAT: 'json',
      });
      expect(await bot.exited).toBe(1);
      const output = bot.output();
      expect(output).toMatch(says);
      expect(output).toMatch(/^Error: /m);
      expect(output).not.toMatch(/^\s+at /m);
      expect(placesWithToken(discord.token, { output })).toEqual([]);
    },
    60_000,
  );
});
