import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.ts';
import { getSetting, setSetting } from '../../src/db/settings.ts';
import { makeTempDir } from './fixtures.ts';

describe('settings', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(() => cleanup());

  it('returns null for a missing key and the latest value after writes, across reopen', () => {
    // GIVEN a database with a key written twice
    const path = join(dir, 'nextbeat.sqlite');
    const db = openDatabase(path);
    expect(getSetting(db, 'commands.hash')).toBeNull();
    setSetting(db, 'commands.hash', 'aaa');
    setSetting(db, 'commands.hash', 'bbb');
    db.close();
    // WHEN it is reopened and read
    const reopened = openDatabase(path);
    // THEN the last value is kept and other keys stay empty
    expect(getSetting(reopened, 'commands.hash')).toBe('bbb');
    expect(getSetting(reopened, 'other')).toBeNull();
    reopened.close();
  });
});
