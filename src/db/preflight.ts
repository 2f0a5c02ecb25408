// Checks a training makes before it reads a single row: can it write the models folder and the
// database, is the database free and whole? Minutes of training must not end on "read-only".
import { accessSync, constants, statSync, statfsSync } from 'node:fs';
import { rmSync, writeFileSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkDatabaseFileAt, checkDatabaseUsable } from './preflightDatabase.ts';
import { StorageCheckError, describeWriteError } from './storageErrors.ts';

/** The file-system calls the checks make; tests replace them (root ignores permissions, disks fill rarely). */
export interface StorageProbe {
  /** Creates and removes a small file in `dir`; throws the file system's error. */
  tryWriteIn(dir: string): void;
  /** Throws when `file` cannot be opened for writing (EACCES, EROFS). */
  assertWritable(file: string): void;
  /** Bytes free for this user on the file system holding `dir`. */
  freeBytes(dir: string): number;
}

/** Where a training will write, and how much it will read. */
export interface StorageTargets {
  dbPath: string;
  modelsDir: string;
  /** Size of the CSV, when known: the run folder and the database grow with it. */
  dataBytes?: number;
}

/** Room a run needs besides its data: model files, the database's new pages, SQLite's journal. */
const MIN_FREE_BYTES = 32 * 1024 * 1024;
/** Per byte of CSV: the catalog snapshot (1.75x for the 114k file) and a first run's database (2.1x). */
const FREE_BYTES_PER_DATA_BYTE = 4;

/** The real file system. */
export const realStorageProbe: StorageProbe = {
  tryWriteIn(dir) {
    const probe = join(dir, `.nextbeat-write-check-${process.pid}`);
    writeFileSync(probe, 'NextBeat checks it can write here before training.\n');
    rmSync(probe, { force: true });
  },
  assertWritable(file) {
    accessSync(file, constants.W_OK);
  },
  freeBytes(dir) {
    const { bavail, bsize } = statfsSync(dir);
    return bavail * bsize;
  },
};

/** Throws StorageCheckError or DatabaseError, naming the file and the cause, when training could not be saved. */
export function checkStorageBeforeTraining(
  targets: StorageTargets,
  probe: StorageProbe = realStorageProbe,
): void {
  const modelsRoot = checkFolderWritable(resolve(targets.modelsDir), 'models folder', probe);
  const dbFile = resolve(targets.dbPath);
  const dbExists = checkDatabaseFileAt(dbFile);
  const dbRoot = checkFolderWritable(dirname(dbFile), 'database folder', probe);
  if (dbExists) {
    try {
      probe.assertWritable(dbFile);
    } catch (error) {
      throw describeWriteError(error, dbFile, 'database');
    }
    checkDatabaseUsable(dbFile);
  }
  const need = Math.max(MIN_FREE_BYTES, (targets.dataBytes ?? 0) * FREE_BYTES_PER_DATA_BYTE);
  for (const dir of new Set([modelsRoot, dbRoot])) checkFreeSpace(dir, need, probe);
}

/** The folder itself if it exists, else its nearest existing ancestor (where it will be created). */
function checkFolderWritable(dir: string, role: string, probe: StorageProbe): string {
  let existing = dir;
  let stats = statOrUndefined(existing);
  while (!stats && dirname(existing) !== existing) {
    existing = dirname(existing);
    stats = statOrUndefined(existing);
  }
  if (stats && !stats.isDirectory()) {
    const what = existing === dir ? `The ${role} ${dir}` : `${existing} (on the way to the ${role} ${dir})`;
    throw new StorageCheckError(existing, `${what} is a file, not a folder.`);
  }
  try {
    probe.tryWriteIn(existing);
  } catch (error) {
    throw describeWriteError(error, existing, role === 'models folder' ? 'models' : 'database');
  }
  return existing;
}

function checkFreeSpace(dir: string, need: number, probe: StorageProbe): void {
  const free = probe.freeBytes(dir);
  if (free >= need) return;
  const mb = (bytes: number): string => `${Math.floor(bytes / 1024 / 1024)} MB`;
  throw new StorageCheckError(
    dir,
    `The disk holding ${dir} is nearly full: ${mb(free)} free, and training this file needs about ${mb(need)}. Free some space (old runs in the models folder, logs), then try again.`,
  );
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
