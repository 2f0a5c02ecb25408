// The steps of a training run that write: its folder under models/, whole or not at all, then its
// publication in SQLite, which removes the folder again when it fails.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ScalerParams } from '../core/catalog/index.ts';
import { checkDatabaseIntegrity } from '../db/integrity.ts';
import { openDatabase } from '../db/open.ts';
import { removeOrphanRunFolders } from '../db/orphanRunFolders.ts';
import { createRunId, partialPath, runFolder, runFolderPaths } from '../db/runFolder.ts';
import { publishRun, type PublishInput } from '../db/runs.ts';
import { saveRunModels } from '../ml/modelFiles.ts';
import type * as tf from '@tensorflow/tfjs';

/** Writes a new run's models and scaler to its folder under `modelsDir`; returns its id and folder. */
export async function saveRunFolder(
  modelsDir: string,
  models: { encoder: tf.LayersModel; decoder: tf.LayersModel },
  scaler: ScalerParams,
): Promise<{ runId: string; modelDir: string }> {
  const runId = createRunId();
  const modelDir = runFolder(modelsDir, runId);
  // Written aside and renamed, so a run folder under its own name is always complete.
  const partial = partialPath(modelDir);
  await mkdir(partial, { recursive: true });
  await saveRunModels(partial, models);
  await writeFile(runFolderPaths(partial).scaler, JSON.stringify(scaler, null, 2));
  await rename(partial, modelDir);
  return { runId, modelDir };
}

/** Publishes the saved run in the database at `dbPath`; on failure its folder is removed. */
export async function publishTrainedRun(dbPath: string, input: PublishInput): Promise<void> {
  const db = openDatabase(dbPath);
  try {
    checkDatabaseIntegrity(db, dbPath);
    publishRun(db, input);
    removeOrphanRunFolders(db, dirname(input.run.modelDir), input.run.modelDir);
  } catch (error) {
    await rm(input.run.modelDir, { recursive: true, force: true });
    throw error;
  } finally {
    db.close();
  }
}
