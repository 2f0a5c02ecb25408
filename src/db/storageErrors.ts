// Errors about where NextBeat stores things, worded for the person who runs it: which file, what is
// wrong with it in plain words, and what to do.
import { resolve } from 'node:path';

/** A folder or file NextBeat must write cannot be written, or is not what it should be. */
export class StorageCheckError extends Error {
  override name = 'StorageCheckError';

  constructor(
    readonly path: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const WHERE_TO: Record<'models' | 'database', string> = {
  models: '--models (NEXTBEAT_MODELS)',
  database: '--db (NEXTBEAT_DB)',
};

/** A StorageCheckError saying in plain words why writing at `path` failed (read-only, full disk, ...). */
export function describeWriteError(
  error: unknown,
  path: string,
  what: 'models' | 'database',
): StorageCheckError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const elsewhere = `or point ${WHERE_TO[what]} somewhere writable`;
  const cause = { cause: error };
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return new StorageCheckError(
        path,
        `${path} is read-only for this user (permission denied), so the ${what} cannot be saved there. Give this user write access, ${elsewhere}.`,
        cause,
      );
    case 'EROFS':
      return new StorageCheckError(
        path,
        `${path} is on a read-only file system, so the ${what} cannot be saved there. Remount it read-write, ${elsewhere}.`,
        cause,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new StorageCheckError(
        path,
        `The disk holding ${path} is full (${code === 'ENOSPC' ? 'no space left on the device' : 'disk quota exceeded'}), so the ${what} cannot be saved. Free some space (old runs in the models folder, logs), ${elsewhere}.`,
        cause,
      );
    default:
      return new StorageCheckError(
        path,
        `Cannot write in ${path} (${code ?? 'error'}: ${(error as Error).message}), so the ${what} cannot be saved there.`,
        cause,
      );
  }
}

const STORAGE_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT']);

/**
 * A failure while saving (the disk filled up during training, a folder turned read-only) in the
 * same plain words as the checks made before training; any other error is returned unchanged.
 */
export function explainStorageFailure(error: unknown, dbPath: string): unknown {
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown };
  if (typeof code !== 'string') return error;
  if (STORAGE_CODES.has(code) && typeof path === 'string') {
    const what = resolve(path).startsWith(resolve(dbPath)) ? 'database' : 'models';
    return describeWriteError(error, path, what);
  }
  if (code.startsWith('SQLITE_FULL')) {
    return new StorageCheckError(
      dbPath,
      `The disk holding the database ${dbPath} is full (SQLite could not grow it), so the run was not published; the previous model keeps serving. Free some space, then train again.`,
      { cause: error },
    );
  }
  return error;
}
