// Checking that a data file exists, is a regular file and is not empty, before streaming it.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataFileError } from './errors.ts';

/** Size in bytes of a readable, non-empty regular file; throws DataFileError saying plainly what is wrong. */
export async function dataFileSize(file: string): Promise<number> {
  let stats;
  try {
    stats = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DataFileError(file, `file not found (looked at ${resolve(file)})`);
    if (code === 'EACCES') throw new DataFileError(file, 'cannot be read: permission denied');
    throw error;
  }
  if (stats.isDirectory()) throw new DataFileError(file, 'is a directory, not a CSV file');
  if (stats.isFIFO() || stats.isCharacterDevice() || stats.isSocket()) {
    throw new DataFileError(
      file,
      'is a pipe or a device (like <(cat tracks.csv)), not a file: NextBeat records the file it trained on, its size and its hash, so it needs a file; save the data to a file first and pass that',
    );
  }
  if (stats.size === 0) throw new DataFileError(file, 'is empty (0 bytes): no data rows');
  return stats.size;
}
