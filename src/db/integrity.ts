// SQLite's own check of the database file, run before the bot serves from it and before a
// training writes to it: damage in the middle of the file (a bad disk, a copy cut short and
// patched, a hand edit) otherwise goes unnoticed until a query happens to touch it.
import { resolve } from 'node:path';
import { DatabaseError } from './errors.ts';
import type { Database } from './open.ts';

/** The database file is damaged; the message names it and the fix. */
export class DatabaseDamagedError extends DatabaseError {
  override name = 'DatabaseDamagedError';
}

// quick_check stops after this many problems: the first one is what the message shows.
const MAX_PROBLEMS = 3;

/**
 * Throws DatabaseDamagedError unless PRAGMA quick_check finds the file sound. quick_check reads
 * every page and checks each b-tree's structure, but not that indexes agree with their tables
 * (integrity_check does that too, at about 3.5x the time): damage to a page is caught either way.
 */
export function checkDatabaseIntegrity(db: Database, path: string): void {
  const shown = path === ':memory:' ? path : resolve(path);
  let problems: string[];
  try {
    problems = (db.pragma(`quick_check(${MAX_PROBLEMS})`) as { quick_check: string }[]).map(
      (row) => row.quick_check,
    );
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'SQLITE_CORRUPT' && code !== 'SQLITE_NOTADB') throw error;
    problems = [(error as Error).message];
  }
  if (problems.length === 1 && problems[0] === 'ok') return;
  // SQLite's report spans lines ("*** in database main ***\nTree 2 page 92: ..."): one line, short.
  const first = (problems[0] ?? '').replace(/\*\*\*[^*]*\*\*\*/g, ' ').replace(/\s+/g, ' ').trim();
  throw new DatabaseDamagedError(
    `The database ${shown} is damaged (SQLite quick_check: ${first.slice(0, 160)}). Move it away and ` +
      'run npm run train to build a new one (listeners’ likes and lists are in it: restore a ' +
      `backup, or try sqlite3 ${shown} .recover, to keep them).`,
  );
}
