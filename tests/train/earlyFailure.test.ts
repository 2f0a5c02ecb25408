// A training whose result could not be saved fails before it reads a row, naming the file and the
// cause: read-only folders, a full disk, a folder or pipe as the database, a cut or damaged file, a lock.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { StorageProbe } from '../../src/db/preflight.ts';
import { realStorageProbe } from '../../src/db/preflight.ts';
import { DEFAULT_TRAINING } from '../../src/train/defaults.ts';
import type { TrainingEvent } from '../../src/train/events.ts';
import { runTraining } from '../../src/train/pipeline.ts';
import { syntheticTracksCsv } from '../helpers/syntheticTracksCsv.ts';

const root = mkdtempSync(join(tmpdir(), 'nextbeat-early-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const dataPath = join(root, 'tracks.csv');
writeFileSync(dataPath, syntheticTracksCsv(10));
let cases = 0;

/** Trains with the database at `dbPath` (in a fresh folder unless given); returns the error and the stages begun. */
async function train(
  setUp: (dir: string) => { dbPath?: string; modelsDir?: string; storageProbe?: StorageProbe },
): Promise<{ message: string; stagesBegun: string[] }> {
  const dir = join(root, `case-${(cases += 1)}`);
  mkdirSync(dir);
  const given = setUp(dir);
  const events: TrainingEvent[] = [];
  const error = await runTraining(
    {
      ...DEFAULT_TRAINING,
      epochs: 1,
      dataPath,
      datasetUrl: undefined,
      dbPath: given.dbPath ?? join(dir, 'db', 'nextbeat.sqlite'),
      modelsDir: given.modelsDir ?? join(dir, 'models'),
      backend: 'auto',
      storageProbe: given.storageProbe,
    },
    (event) => events.push(event),
  ).then(
    () => new Error('training succeeded'),
    (e: unknown) => e as Error,
  );
  const stagesBegun = events.flatMap((e) =>
    e.type === 'stage' && e.state === 'start' ? [e.stage] : [],
  );
  return { message: error.message, stagesBegun };
}

/** A real SQLite file of about 600 KB, in rollback-journal mode so the file alone holds it. */
function sqliteFile(path: string): string {
  const db = new BetterSqlite3(path);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT); CREATE INDEX t_body ON t (body)');
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`row ${i} `.repeat(12));
  })();
  db.close();
  return path;
}

const failing =
  (code: string): (() => never) =>
  () => {
    throw Object.assign(new Error(`${code}: injected`), { code });
  };

describe('training fails before reading when its result could not be saved', () => {
  it('GIVEN a read-only database folder WHEN trained THEN says read-only, names the folder, reads nothing', async () => {
    const { message, stagesBegun } = await train((dir) => {
      const dbDir = join(dir, 'db');
      mkdirSync(dbDir);
      const readOnly = (d: string): void => (d === dbDir ? failing('EACCES')() : undefined);
      return { storageProbe: { ...realStorageProbe, tryWriteIn: readOnly } };
    });
    expect(message).toMatch(
      /case-\d+\/db is read-only for this user \(permission denied\), so the database cannot be saved there/,
    );
    expect(stagesBegun).toEqual([]);
  });

  it('GIVEN a models folder on a read-only file system WHEN trained THEN says so and reads nothing', async () => {
    const { message, stagesBegun } = await train(() => ({
      storageProbe: { ...realStorageProbe, tryWriteIn: failing('EROFS') },
    }));
    expect(message).toMatch(
      /case-\d+ is on a read-only file system, so the models cannot be saved there/,
    );
    expect(stagesBegun).toEqual([]);
  });

  it('GIVEN a full disk (ENOSPC) WHEN trained THEN says the disk is full and reads nothing', async () => {
    const { message, stagesBegun } = await train(() => ({
      storageProbe: { ...realStorageProbe, tryWriteIn: failing('ENOSPC') },
    }));
    expect(message).toMatch(/The disk holding .*case-\d+ is full \(no space left on the device\)/);
    expect(stagesBegun).toEqual([]);
  });

  it('GIVEN a disk with 1 MB free WHEN trained THEN says how much is free and needed', async () => {
    const { message, stagesBegun } = await train(() => ({
      storageProbe: { ...realStorageProbe, freeBytes: () => 1024 * 1024 },
    }));
    expect(message).toMatch(
      /case-\d+ is nearly full: 1 MB free, and training this file needs about 32 MB/,
    );
    expect(stagesBegun).toEqual([]);
  });

  it('GIVEN a folder as the database WHEN trained THEN says it is a folder', async () => {
    const { message, stagesBegun } = await train((dir) => {
      mkdirSync(join(dir, 'nextbeat.sqlite'));
      return { dbPath: join(dir, 'nextbeat.sqlite') };
    });
    expect(message).toMatch(
      /The database path .*nextbeat\.sqlite is a folder, not a database file/,
    );
    expect(stagesBegun).toEqual([]);
  });

  it('GIVEN a pipe as the database WHEN trained THEN says it is a pipe', async () => {
    const { message, stagesBegun } = await train((dir) => {
      execFileSync('mkfifo', [join(dir, 'db.pipe')]);
      return { dbPath: join(dir, 'db.pipe') };
    });
    expect(message).toMatch(/The database path .*db\.pipe is a pipe, not a file/);
    expect(stagesBegun).toEqual([]);
  });

  it('GIVEN a database cut to half its size WHEN trained THEN says truncated, with both sizes', async () => {
    const { message, stagesBegun } = await train((dir) => {
      const path = sqliteFile(join(dir, 'cut.sqlite'));
      truncateSync(path, Math.floor(readFileSync(path).length / 2 / 4096) * 4096);
      return { dbPath: path };
    });
    expect(message).toMatch(
      /cut\.sqlite is not a valid SQLite database \(truncated: \d+ bytes, where its header says \d+\)/,
    );
    expect(stagesBegun).toEqual([]);
  });

  it('GIVEN a 50-byte database WHEN trained THEN says it is shorter than a SQLite header', async () => {
    const { message } = await train((dir) => {
      writeFileSync(
        join(dir, 'tiny.sqlite'),
        readFileSync(sqliteFile(join(dir, 'x.sqlite'))).subarray(0, 50),
      );
      return { dbPath: join(dir, 'tiny.sqlite') };
    });
    expect(message).toMatch(/tiny\.sqlite is not a valid SQLite database \(only 50 bytes long/);
  });

  it('GIVEN 64 KB of garbage in the middle of the database WHEN trained THEN says it is damaged', async () => {
    const { message, stagesBegun } = await train((dir) => {
      const path = sqliteFile(join(dir, 'garbled.sqlite'));
      const bytes = readFileSync(path);
      bytes.fill(0x5a, 128 * 1024, 192 * 1024);
      writeFileSync(path, bytes);
      return { dbPath: path };
    });
    expect(message).toMatch(/garbled\.sqlite is damaged .*move it away and run npm run train/);
    expect(stagesBegun).toEqual([]);
  });

  it('GIVEN another process holding the write lock WHEN trained THEN says it is locked', async () => {
    let holder: BetterSqlite3.Database | undefined;
    try {
      const { message, stagesBegun } = await train((dir) => {
        const path = sqliteFile(join(dir, 'busy.sqlite'));
        holder = new BetterSqlite3(path);
        holder.exec('BEGIN IMMEDIATE');
        return { dbPath: path };
      });
      expect(message).toMatch(/busy\.sqlite is locked by another process/);
      expect(stagesBegun).toEqual([]);
    } finally {
      holder?.close();
    }
  });

  it('GIVEN a file where the models folder should be WHEN trained THEN says it is a file', async () => {
    const { message, stagesBegun } = await train((dir) => {
      writeFileSync(join(dir, 'models'), 'not a folder');
      return { modelsDir: join(dir, 'models') };
    });
    expect(message).toMatch(/The models folder .*models is a file, not a folder/);
    expect(stagesBegun).toEqual([]);
  });
});
