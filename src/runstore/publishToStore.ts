// Publishing a trained run into the run store: its folder is copied whole under a temporary name,
// its manifest written, the folder renamed into place, and only then the pointer flipped. A reader
// that sees the new pointer therefore finds the complete run beside it.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  copyFileDurably,
  copyFilesDurably,
  fsyncPath,
  listFiles,
  writeFileDurably,
} from './durableFiles.ts';
import { buildManifest, manifestHash, type RunManifest } from './manifest.ts';
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
    const pointer = flipPointer(layout.pointer, run.runId, manifestHash(bytes));
    pruneStoredRuns(layout.runs, run.runId);
    return pointer;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (error instanceof RunStoreError) throw error;
    throw new RunStoreError(
      `could not publish run ${run.runId} to the run store ${storeRoot}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** Runs kept in the store: the one just published and the ones before it, to roll back to. */
export const STORED_RUNS_KEPT = 3;

// Oldest first by the time in their manifests (run ids alone order only to the second).
// Housekeeping only: a run that cannot be removed now is left for the next publish.
function pruneStoredRuns(runsDir: string, published: string): void {
  const runs = readdirSync(runsDir)
    .filter((name) => !name.includes('.tmp-'))
    .map((name) => ({ name, at: publishedAt(join(runsDir, name)) }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.name.localeCompare(b.name))
    .map(({ name }) => name);
  const old = runs.slice(0, Math.max(0, runs.length - STORED_RUNS_KEPT));
  for (const name of old.filter((name) => name !== published)) {
    rmSync(join(runsDir, name), { recursive: true, force: true, maxRetries: 2 });
  }
}

function publishedAt(runDir: string): string {
  try {
    return String(
      (JSON.parse(readFileSync(join(runDir, MANIFEST), 'utf8')) as RunManifest).publishedAt,
    );
  } catch {
    return ''; // no readable manifest: never a complete run, the first to go
  }
}
