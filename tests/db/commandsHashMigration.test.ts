import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/db/migrations.ts';
import { openDatabase } from '../../src/db/open.ts';
import { getSetting } from '../../src/db/settings.ts';
import { makeTempDir } from './fixtures.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

it('GIVEN a database that kept the registered commands hash WHEN opened THEN the hash is gone and other settings stay', () => {
  const path = join(dir, 'nextbeat.sqlite');
  const old = new BetterSqlite3(path);
  for (const migration of MIGRATIONS.filter((m) => m.version <= 3)) old.exec(migration.sql);
  old.pragma('user_version = 3');
  const insert = old.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  insert.run('registered_commands_hash', 'abc');
  insert.run('something_else', 'kept');
  old.close();

  const db = openDatabase(path);

  expect(getSetting(db, 'registered_commands_hash')).toBeNull();
  expect(getSetting(db, 'something_else')).toBe('kept');
  db.close();
});
