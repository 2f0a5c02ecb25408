// Publishing a trained run into the run store: its folder is copied whole under a temporary name,
// its manifest written, the folder renamed into place, and only then the pointer flipped. A reader
// that sees the new pointer therefore finds the complete run beside it.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  copyFileDurably,
  copyFilesDurably,
  fsyncPath,
  listFiles,
  writeFileDurably,
} from './durableFiles.ts';
import { buildManifest, manifestHash } from './manifest.ts';
import { flipPointer, type RunPointer } from './pointer.ts';
import { MANIFEST, RUN_DATABASE, storeLayout, storedRunDir, temporaryName } from './storeLayout.ts';

/** A run ready to publish: its complete local folder and its SQLite export. */
export interface RunToPublish {
  runId: string;
  /** The run's model folder (encoder, decoder, scaler, catalog snapshot). */
  modelDir: string;
  /** A closed SQLite file holding this run alone (not in WAL mode). */
  databasePath: string;
  /** Who publishes, for the manifest and the logs. */
  publishedBy: string;
}

/** The run store cannot take the run; the message says why. */
export class RunStoreError extends Error {
  override name = 'RunStoreError';
}

/** Copies the run into the store at `storeRoot` and flips the pointer to it; returns the pointer. */
export function publishToStore(storeRoot: string, run: RunToPublish): RunPointer {
  const layout = storeLayout(storeRoot);
  const target = storedRunDir(layout, run.runId);
  if (existsSync(target)) {
    throw new RunStoreError(`run ${run.runId} is already in the run store ${storeRoot}`);
  }
  const staging = temporaryName(target);
  try {
    copyFilesDurably(run.modelDir, staging, listFiles(run.modelDir));
    copyFileDurably(run.databasePath, join(staging, RUN_DATABASE));
    const manifest = buildManifest(staging, run.runId, run.publishedBy);
    const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    writeFileDurably(join(staging, MANIFEST), bytes);
    renameSync(staging, target);
    fsyncPath(layout.runs);
    return flipPointer(layout.pointer, run.runId, manifestHash(bytes));
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (error instanceof RunStoreError) throw error;
    throw new RunStoreError(
      `could not publish run ${run.runId} to the run store ${storeRoot}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
