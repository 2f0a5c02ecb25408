// Opening the SQLite file: folder, pragmas, migrations, and clear errors when it is unusable.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DatabaseError } from './errors.ts';
import { checkDatabaseFileAt } from './preflightDatabase.ts';
import { LATEST_VERSION } from './migrations.ts';
import { getSchemaVersion, runMigrations } from './migrate.ts';

/** An open better-sqlite3 connection. */
export type Database = BetterSqlite3.Database;

export interface OpenOptions {
  /** Open without writing: no folder, no migrations; the schema must already be current. */
  readonly?: boolean;
}

const FIX = 'move it away and run npm run train to build a new one';

/** Open (creating if needed) the NextBeat database at `path`, migrated to the latest schema. */
export function openDatabase(path: string, { readonly = false }: OpenOptions = {}): Database {
  const inMemory = path === ':memory:';
  const shown = inMemory ? path : resolve(path);
  if (!inMemory && readonly && !existsSync(path)) {
    throw new DatabaseError(`No database at ${shown}: run npm run train to build one.`);
  }
  // A folder, a pipe or a cut-short file is named as such, not as SQLite's "disk I/O error".
  if (!inMemory) checkDatabaseFileAt(shown);
  if (!inMemory && !readonly) mkdirSync(dirname(shown), { recursive: true });

  let db: Database;
  try {
    db = new BetterSqlite3(path, { readonly, fileMustExist: readonly });
  } catch (error) {
    throw new DatabaseError(`Cannot open the database at ${shown}: ${messageOf(error)}.`, {
      cause: error,
    });
  }
  try {
    prepare(db, readonly, shown);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseError) throw error;
    if (isNotADatabase(error)) {
      throw new DatabaseError(
        `${shown} is not a valid SQLite database (${messageOf(error)}); ${FIX}.`,
        { cause: error },
      );
    }
    throw new DatabaseError(`Cannot use the database at ${shown}: ${messageOf(error)}.`, {
      cause: error,
    });
  }
}

function prepare(db: Database, readonly: boolean, shown: string): void {
  db.pragma('busy_timeout = 5000');
  // Reading the schema first makes a garbage file fail here, with SQLITE_NOTADB.
  const version = getSchemaVersion(db);
  if (version > LATEST_VERSION) {
    throw new DatabaseError(
      `${shown} has schema version ${version}, but this NextBeat knows only up to ` +
        `${LATEST_VERSION}: update NextBeat, or ${FIX}.`,
    );
  }
  db.pragma('foreign_keys = ON');
  if (readonly) {
    if (version < LATEST_VERSION) {
      throw new DatabaseError(
        `${shown} has schema version ${version}, older than ${LATEST_VERSION}: ` +
          'open it once read-write (npm run train does) to migrate it.',
      );
    }
    return;
  }
  // Publishing writes ~90k rows into several B-trees: a bigger page cache (64 MB at most) saves re-reads.
  db.pragma('cache_size = -65536');
  db.pragma('journal_mode = WAL');
  // In WAL mode NORMAL cannot corrupt the file; a power cut may lose only the last commit.
  db.pragma('synchronous = NORMAL');
  runMigrations(db);
}

function isNotADatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
