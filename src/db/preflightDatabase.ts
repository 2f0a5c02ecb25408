// Is the file at the database path a whole SQLite database that a training may write to now?
// Cheap checks first (what kind of file, does its header add up), then SQLite's own.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { DatabaseError } from './errors.ts';

const SQLITE_MAGIC = 'SQLite format 3\0';
const REBUILD =
  'restore it from a backup, or move it away and run npm run train to build a new one';
/** Long enough to ride out a reader's checkpoint, short enough to fail within the first second. */
const LOCK_WAIT_MS = 500;

/** False when there is no file at `file` yet; throws DatabaseError when what is there is no whole database. */
export function checkDatabaseFileAt(file: string): boolean {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  checkDatabaseFile(file, stats, readHead(file, stats));
  return true;
}

/** Throws DatabaseError when `file` is a folder, a pipe, a device, not SQLite, or cut short. */
export function checkDatabaseFile(file: string, stats: Stats, head: Buffer): void {
  if (stats.isDirectory()) {
    throw new DatabaseError(
      `The database path ${file} is a folder, not a database file: point --db (NEXTBEAT_DB) at a file, e.g. ${file}/nextbeat.sqlite.`,
    );
  }
  if (stats.isFIFO()) {
    throw new DatabaseError(
      `The database path ${file} is a pipe, not a file: SQLite needs a regular file it can seek in and lock. Point --db (NEXTBEAT_DB) at a file.`,
    );
  }
  if (!stats.isFile()) {
    throw new DatabaseError(
      `The database path ${file} is a device or socket, not a file: point --db (NEXTBEAT_DB) at a regular file.`,
    );
  }
  if (stats.size === 0) return; // SQLite makes an empty file a new database
  if (head.length < 100 || head.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    const what =
      head.length < 100
        ? `only ${stats.size} bytes long, shorter than a SQLite header: it was cut short`
        : 'it does not start like one: something else was saved under its name';
    throw new DatabaseError(`${file} is not a valid SQLite database (${what}); ${REBUILD}.`);
  }
  const expected = expectedSize(head);
  if (expected !== undefined && stats.size < expected) {
    throw new DatabaseError(
      `${file} is not a valid SQLite database (truncated: ${stats.size} bytes, where its header says ${expected}); ${REBUILD}.`,
    );
  }
}

/** Throws DatabaseError when another process holds the write lock, or SQLite finds the file damaged. */
export function checkDatabaseUsable(file: string): void {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(file, { fileMustExist: true, timeout: LOCK_WAIT_MS });
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    const problems = db.pragma('quick_check(1)', { simple: true }) as string;
    if (problems !== 'ok') {
      // quick_check names the tree and page first ("*** in database main ***\nTree 2 page 47: ...").
      const first = problems.split('\n').find((line) => !line.startsWith('***')) ?? problems;
      throw new DatabaseError(
        `The database ${file} is damaged (SQLite's quick check finds: ${first.slice(0, 160)}); ${REBUILD}.`,
      );
    }
  } catch (error) {
    if (error instanceof DatabaseError) throw error;
    throw describeSqliteError(error, file);
  } finally {
    db?.close();
  }
}

function describeSqliteError(error: unknown, file: string): DatabaseError {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const cause = { cause: error };
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DatabaseError(
      `The database ${file} is locked by another process (another training, or a tool with a write open); wait for it to finish, then try again.`,
      cause,
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return new DatabaseError(
      `The database ${file} cannot be opened for writing (${code}): check that this user may write it and its folder.`,
      cause,
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    return new DatabaseError(`The database ${file} is damaged (${code}); ${REBUILD}.`, cause);
  }
  return new DatabaseError(`Cannot use the database ${file}: ${(error as Error).message}.`, cause);
}

/** Page size x page count from the header, when the header vouches for the count (SQLite file format 1.3). */
function expectedSize(head: Buffer): number | undefined {
  const rawPageSize = head.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = head.readUInt32BE(28);
  const countValid = head.readUInt32BE(92) === head.readUInt32BE(24);
  return pageSize >= 512 && pages > 0 && countValid ? pageSize * pages : undefined;
}

/** The first 100 bytes (SQLite's header) of a regular file; none of a pipe or device, where reading could block. */
function readHead(file: string, stats: Stats): Buffer {
  if (!stats.isFile()) return Buffer.alloc(0);
  const head = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    return head.subarray(0, readSync(fd, head, 0, 100, 0));
  } finally {
    closeSync(fd);
  }
}
