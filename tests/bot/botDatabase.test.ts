// The bot's database connection: the small page cache is in place before SQLite's check reads pages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBotDatabase } from '../../src/bot/botDatabase.ts';
import { BOT_PAGE_CACHE_KB } from '../../src/bot/pageCache.ts';
import { openDatabase, type Database } from '../../src/db/open.ts';

describe('openBotDatabase', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const databaseFile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'nextbeat-botdb-'));
    dirs.push(dir);
    const path = join(dir, 'nextbeat.sqlite');
    openDatabase(path).close();
    return path;
  };

  it('GIVEN a database WHEN the bot opens it THEN the integrity check already runs with the bot page cache', () => {
    // GIVEN
    const path = databaseFile();
    let cacheDuringCheck: unknown;
    // WHEN
    const db = openBotDatabase(path, (checked: Database) => {
      cacheDuringCheck = checked.pragma('cache_size', { simple: true });
    });
    db.close();
    // THEN (a negative cache_size is in KB)
    expect(cacheDuringCheck).toBe(-BOT_PAGE_CACHE_KB);
  });

  it('GIVEN a check that refuses the file WHEN the bot opens it THEN the error reaches the caller and the connection is closed', () => {
    // GIVEN
    const path = databaseFile();
    let opened: Database | undefined;
    // WHEN
    const open = () =>
      openBotDatabase(path, (checked: Database) => {
        opened = checked;
        throw new Error('damaged');
      });
    // THEN
    expect(open).toThrow('damaged');
    expect(opened?.open).toBe(false);
  });
});
