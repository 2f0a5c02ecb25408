// Running `npm run train`'s entry point as a child process, and fingerprinting what it leaves behind.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadActiveCatalogRows } from '../../src/db/catalogRows.ts';
import { openDatabase } from '../../src/db/open.ts';
import { runCliEntry, type CliRun } from './runCliProcess.ts';

export type TrainResult = CliRun;

/** Runs `node --import tsx src/cli/train.ts ...args` with pipes (not a TTY) and NEXTBEAT_* from `env` only. */
export function runTrainCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<TrainResult> {
  return runCliEntry('src/cli/train.ts', args, env);
}

/** SHA-256 over every file under `dir` (relative paths and contents), or 'absent'. */
export function hashTree(dir: string): string {
  if (!existsSync(dir)) return 'absent';
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(file));
  return hash.digest('hex');
}

/** The active run's id, model folder and a hash of its vectors: what the bot would serve. */
export function activeRunFingerprint(dbPath: string): string {
  const db = openDatabase(dbPath, { readonly: true });
  try {
    const rows = loadActiveCatalogRows(db);
    if (!rows) return 'no active run';
    const vectors = createHash('sha256').update(new Uint8Array(rows.vectors.buffer)).digest('hex');
    return `${rows.run.id} ${rows.run.modelDir} ${rows.tracks.length} tracks ${vectors}`;
  } finally {
    db.close();
  }
}
