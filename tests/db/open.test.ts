import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIO_FEATURES } from '../../src/data/track.ts';
import { DatabaseError } from '../../src/db/errors.ts';
import { runMigrations } from '../../src/db/migrate.ts';
import { LATEST_VERSION, MIGRATIONS } from '../../src/db/migrations.ts';
import { openDatabase } from '../../src/db/open.ts';
import { makeTempDir } from './fixtures.ts';

describe('openDatabase', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('creates the parent folder, enables WAL and foreign keys, and migrates', () => {
    // GIVEN a path in a folder that does not exist yet
    const path = join(dir, 'nested', 'db', 'nextbeat.sqlite');
    // WHEN it is opened
    const db = openDatabase(path);
    // THEN the file exists with the latest schema and the pragmas set
    expect(existsSync(path)).toBe(true);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    db.close();
  });

  it('applies migrations once: reopening and re-running changes nothing', () => {
    // GIVEN a migrated database
    const path = join(dir, 'nextbeat.sqlite');
    openDatabase(path).close();
    // WHEN it is opened again and the migrations are run once more
    const db = openDatabase(path);
    const version = runMigrations(db);
    // THEN the version is unchanged and no migration failed on existing tables
    expect(version).toBe(LATEST_VERSION);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(
      Array.from({ length: LATEST_VERSION }, (_, i) => i + 1),
    );
    db.close();
  });

  it('has a tracks column for every audio feature', () => {
    // GIVEN a new database
    const db = openDatabase(join(dir, 'nextbeat.sqlite'));
    // WHEN the tracks columns are listed
    const columns = db
      .prepare("SELECT name FROM pragma_table_info('tracks')")
      .pluck()
      .all() as string[];
    // THEN each feature has its column
    for (const feature of AUDIO_FEATURES) expect(columns).toContain(feature);
    db.close();
  });

  it('rejects a file that is not SQLite with the path and the fix', () => {
    // GIVEN garbage bytes where the database should be
    const path = join(dir, 'nextbeat.sqlite');
    writeFileSync(path, Buffer.from('this is not a database, just some text '.repeat(200)));
    // WHEN it is opened
    const open = () => openDatabase(path);
    // THEN a DatabaseError names the file, the problem and the remedy
    expect(open).toThrow(DatabaseError);
    expect(open).toThrow(path);
    expect(open).toThrow(/not a valid SQLite database/);
    expect(open).toThrow(/move it away and run npm run train/);
  });

  it('rejects a database from a newer NextBeat', () => {
    // GIVEN a database whose schema is newer than this code
    const path = join(dir, 'nextbeat.sqlite');
    const raw = new BetterSqlite3(path);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    // WHEN it is opened
    const open = () => openDatabase(path);
    // THEN the error says both versions
    expect(open).toThrow(DatabaseError);
    expect(open).toThrow(`schema version ${LATEST_VERSION + 1}`);
    expect(open).toThrow(`only up to ${LATEST_VERSION}`);
  });

  it('opens read-only without writing, and fails clearly when the file is missing', () => {
    // GIVEN a migrated database and a missing one
    const path = join(dir, 'nextbeat.sqlite');
    openDatabase(path).close();
    // WHEN they are opened read-only
    const db = openDatabase(path, { readonly: true });
    // THEN the existing one reads but refuses writes, and the missing one is a DatabaseError
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(() => db.prepare("INSERT INTO settings VALUES ('k', 'v')").run()).toThrow(/readonly/);
    db.close();
    const missing = join(dir, 'missing.sqlite');
    expect(() => openDatabase(missing, { readonly: true })).toThrow(DatabaseError);
    expect(existsSync(missing)).toBe(false);
  });
});
