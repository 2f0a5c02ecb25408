// Reading, listing and deleting training runs; publishing lives in publishRun.ts.
import { DatabaseError } from './errors.ts';
import type { Database } from './open.ts';
import { RUN_COLUMNS, getRun, rowToRun } from './runRows.ts';
import type { RunRow } from './runRows.ts';
import type { RunRecord } from './runTypes.ts';

export { getRun } from './runRows.ts';
export { publishRun } from './publishRun.ts';
export type { PublishHooks, PublishInput, PublishStep } from './publishRun.ts';
export type { NewRun, RunCounts, RunMetrics, RunParams, RunRecord, RunTimings } from './runTypes.ts';

/** The run the bot should serve, or null before the first training. */
export function getActiveRun(db: Database): RunRecord | null {
  const id = getActiveRunId(db);
  return id === null ? null : getRun(db, id);
}

/** The most recent runs, newest first. */
export function listRuns(db: Database, limit = 20): RunRecord[] {
  const rows = db
    .prepare(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY created_at DESC, id DESC LIMIT ?`)
    .all(limit) as RunRow[];
  return rows.map(rowToRun);
}

/** Delete a run with its track list and vectors; returns false when no such run. Never the active one. */
export function deleteRun(db: Database, id: string): boolean {
  return db
    .transaction(() => {
      if (getActiveRunId(db) === id) {
        throw new DatabaseError(`Run ${id} is the active run; publish another before deleting it.`);
      }
      return db.prepare('DELETE FROM runs WHERE id = ?').run(id).changes > 0;
    })
    .immediate();
}

/** The id of the active run, or null before the first training. */
export function getActiveRunId(db: Database): string | null {
  const id = db.prepare('SELECT run_id FROM active_run WHERE id = 1').pluck().get();
  return typeof id === 'string' ? id : null;
}
