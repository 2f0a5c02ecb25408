// Training for a run store: the run is trained and published into a scratch database and models
// folder of its own (so the export holds that run alone, and no listener's data), then copied into
// the store and the pointer flipped. Replicas, the trainer's own included, take it from there.
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/open.ts';
import { publishToStore } from '../runstore/publishToStore.ts';
import type { EmitTrainingEvent, TrainingEvent, TrainingSummary } from './events.ts';
import { runTraining } from './pipeline.ts';
import type { TrainingOptions } from './trainingOptions.ts';

/** Trains and publishes into the run store at `storeRoot`; 'done' is emitted once the pointer is flipped. */
export async function trainIntoRunStore(
  options: Omit<TrainingOptions, 'dbPath' | 'modelsDir'>,
  storeRoot: string,
  emit: EmitTrainingEvent,
  publishedBy = `${hostname()} pid ${process.pid}`,
): Promise<TrainingSummary> {
  const scratch = mkdtempSync(join(tmpdir(), 'nextbeat-store-run-'));
  try {
    let done: TrainingEvent | undefined;
    const summary = await runTraining(
      { ...options, dbPath: join(scratch, 'run.sqlite'), modelsDir: join(scratch, 'models') },
      // Held back: the run is not done for anyone until it is in the store.
      (event) => (event.type === 'done' ? (done = event) : emit(event)),
    );
    closeAsSingleFile(summary.dbPath);
    publishToStore(storeRoot, {
      runId: summary.runId,
      modelDir: summary.modelDir,
      databasePath: summary.dbPath,
      publishedBy,
    });
    if (done) emit(done);
    return summary;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// Out of WAL mode, so the export is one self-contained file that replicas open read-only.
function closeAsSingleFile(dbPath: string): void {
  const db = openDatabase(dbPath);
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}
