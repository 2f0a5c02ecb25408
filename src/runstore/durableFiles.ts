// Writing files so that a reader on another machine sees them whole or not at all, and so that a
// crash right after a rename does not lose what was renamed: write aside, fsync, rename, fsync the
// folder. Shared volumes and synced paths differ in what they promise; this is the most any gives.
import {
  closeSync,
  copyFileSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { temporaryName } from './storeLayout.ts';

/** Flushes the file or folder at `path` to its disk (a folder fsync makes a rename in it durable). */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } catch (error) {
    // Some file systems refuse fsync on a folder (EINVAL, EISDIR): nothing more can be done there.
    if (!['EINVAL', 'EISDIR', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) {
      throw error;
    }
  } finally {
    closeSync(fd);
  }
}

/** Replaces `path` with `content` atomically and durably. */
export function writeFileDurably(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryName(path);
  const fd = openSync(temporary, 'wx');
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content) : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  fsyncPath(dirname(path));
}

/** Every file under `dir`, as paths relative to it with '/' separators, sorted. */
export function listFiles(dir: string, prefix = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...listFiles(dir, relative));
    else if (entry.isFile()) files.push(relative);
  }
  return files.sort();
}

/** Copies the files `relativePaths` from folder `from` into folder `to`, each fsynced. */
export function copyFilesDurably(from: string, to: string, relativePaths: readonly string[]): void {
  for (const file of relativePaths) copyFileDurably(join(from, file), join(to, file));
}

/** Copies the file `from` to `to` (creating its folder) and flushes the copy to disk. */
export function copyFileDurably(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  fsyncPath(to);
}
