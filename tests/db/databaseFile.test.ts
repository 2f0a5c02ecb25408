// What openDatabase says about files that are not whole databases, before SQLite's own words.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseError } from '../../src/db/errors.ts';
import { openDatabase } from '../../src/db/open.ts';

const dir = mkdtempSync(join(tmpdir(), 'nextbeat-dbfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase on files that are not whole databases', () => {
  it('GIVEN the first 50 bytes of a database WHEN opened read-only (the recommend CLI) THEN says it was cut short, not "open it read-write"', () => {
    const full = join(dir, 'full.sqlite');
    new BetterSqlite3(full).exec('CREATE TABLE t (x)').close();
    const cut = join(dir, 'cut.sqlite');
    writeFileSync(cut, Buffer.from(new BetterSqlite3(full).serialize().subarray(0, 50)));

    const open = () => openDatabase(cut, { readonly: true });

    expect(open).toThrow(DatabaseError);
    expect(open).toThrow(/cut\.sqlite is not a valid SQLite database \(only 50 bytes long, shorter than a SQLite header: it was cut short\)/);
    expect(open).not.toThrow(/read-write/);
  });

  it('GIVEN a folder as the database WHEN opened THEN says it is a folder', () => {
    const folder = join(dir, 'folder.sqlite');
    mkdirSync(folder);

    expect(() => openDatabase(folder)).toThrow(/folder\.sqlite is a folder, not a database file/);
  });
});
