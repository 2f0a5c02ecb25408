// Run folders that no published run owns: left by a training killed or timed out before its
// publish committed, or by a publish refused by a locked or damaged database. Each holds a catalog
// snapshot as large as the catalog (34 MB at 90k tracks), so the next training removes them.
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database } from './open.ts';

// What createRunId makes, finished or still being written (partialPath); nothing else is touched.
const RUN_FOLDER_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-[0-9a-f]{6}(\.partial)?$/;

/**
 * A folder changed this recently may belong to another training still between saving its folder
 * and committing its publish (about a minute at 1.2M rows): it is left for a later training.
 */
export const ORPHAN_GRACE_MS = 10 * 60 * 1000;

/**
 * Removes the run folders under `modelsDir` that no run in the database owns, except `keep`
 * (the run being published) and any changed in the last ORPHAN_GRACE_MS. Only directories named
 * like a run are considered (never links, files or folders named otherwise). Returns their paths.
 */
export function removeOrphanRunFolders(
  db: Database,
  modelsDir: string,
  keep: string,
  now: number = Date.now(),
): string[] {
  const owned = new Set(
    (db.prepare('SELECT model_dir FROM runs').pluck().all() as string[]).map((dir) => resolve(dir)),
  );
  const kept = resolve(keep);
  const removed: string[] = [];
  // Housekeeping only: a folder that cannot be listed or removed is left for the next training,
  // never a reason to fail the publish that just succeeded.
  let names: string[] = [];
  try {
    names = readdirSync(modelsDir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const path = resolve(modelsDir, name);
    if (!RUN_FOLDER_NAME.test(name) || owned.has(path) || path === kept) continue;
    if (path === `${kept}.partial`) continue;
    try {
      const stats = lstatSync(path, { throwIfNoEntry: false });
      if (!stats?.isDirectory()) continue;
      if (now - stats.mtimeMs < ORPHAN_GRACE_MS) continue;
      rmSync(join(modelsDir, name), { recursive: true, force: true });
      removed.push(path);
    } catch {
      continue;
    }
  }
  return removed;
}
