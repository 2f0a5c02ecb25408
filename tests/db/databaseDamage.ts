// Damages a SQLite file the way a bad disk or a botched copy does, for the integrity tests.
import { closeSync, openSync, statSync, writeSync } from 'node:fs';

const PAGE = 4096;

/** Overwrites 64 KB in the middle of the file (which must hold no WAL), page-aligned, with a fixed pseudo-random pattern. */
export function garbleMiddle(path: string): void {
  const garbage = Buffer.alloc(64 * 1024);
  for (let i = 0, x = 7; i < garbage.length; i++) garbage[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
  const middle = Math.floor(statSync(path).size / 2 / PAGE) * PAGE;
  const fd = openSync(path, 'r+');
  writeSync(fd, garbage, 0, garbage.length, middle);
  closeSync(fd);
}
