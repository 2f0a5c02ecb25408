// A small key/value store for the odd setting the database should keep.
import type { Database } from './open.ts';

/** The value stored under `key`, or null when there is none. */
export function getSetting(db: Database, key: string): string | null {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key);
  return typeof value === 'string' ? value : null;
}

/** Store `value` under `key`, replacing any previous value. */
export function setSetting(db: Database, key: string, value: string): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
