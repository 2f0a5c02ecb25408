// One step of following a run store: if its pointer names a run this replica does not serve, copy
// that run here, verified, and make it the local database's active run. Serving it is the caller's.
import { rmSync } from 'node:fs';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/open.ts';
import { importRunDatabase } from '../../db/importRun.ts';
import { getActiveRunId } from '../../db/runs.ts';
import type { Logger } from '../../logger.ts';
import { fetchStoredRun } from '../../runstore/fetchStoredRun.ts';
import { readPointer, type RunPointer } from '../../runstore/pointer.ts';
import { storeLayout } from '../../runstore/storeLayout.ts';

/** The pointer's run, once copied and made active locally; throws RunRefusedError for a bad run. */
export function takeRunFromStore(
  config: Pick<Config, 'modelsDir'>,
  storeRoot: string,
  db: Database,
  pointer: RunPointer,
): void {
  const fetched = fetchStoredRun(storeRoot, pointer, config.modelsDir);
  importRunDatabase(db, fetched.databasePath, fetched.runId, fetched.modelDir);
  // Its rows are in the database now; the copy would only take disk space.
  rmSync(fetched.databasePath, { force: true });
}

/** The run store's pointer, or null when nothing is published (or the store is unset). */
export function storePointer(storeRoot: string): RunPointer | null {
  return readPointer(storeLayout(storeRoot).pointer);
}

/**
 * At start-up, before the model is loaded: takes the store's run when the local database serves
 * another (or none, so a new replica never trains on its own). A refused run is logged and the
 * local one served.
 */
export function followRunStoreAtStart(config: Config, db: Database, logger: Logger): void {
  if (!config.runStore) return;
  try {
    const pointer = storePointer(config.runStore);
    if (!pointer || pointer.runId === getActiveRunId(db)) return;
    takeRunFromStore(config, config.runStore, db, pointer);
    logger.info({ run: pointer.runId }, "took the run store's active run at start-up");
  } catch (error) {
    logger.error(
      { err: error },
      "could not take the run store's run at start-up; serving the local one",
    );
  }
}
