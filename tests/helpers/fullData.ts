// Full-data tests run on the real 114k-row file named by NEXTBEAT_FULL_DATA.
// Unset: they are skipped with a visible note. Set but missing: they fail.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';

const configured = process.env.NEXTBEAT_FULL_DATA;

/** Absolute path of the real data set, or undefined when full-data tests are off. */
export const fullDataPath = configured ? resolve(configured) : undefined;

/** `describe` for tests that need the real data set. */
export function describeFullData(name: string, body: (path: string) => void): void {
  if (!fullDataPath) {
    console.warn(
      `[skipped] "${name}": set NEXTBEAT_FULL_DATA=<path to spotify_tracks.csv> to run it`,
    );
    describe.skip(name, () => body(''));
    return;
  }
  const path = fullDataPath;
  describe(name, () => {
    if (!existsSync(path)) {
      throw new Error(`NEXTBEAT_FULL_DATA is set to ${path}, but no file is there`);
    }
    body(path);
  });
}
