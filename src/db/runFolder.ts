// The one owner of a run's folder under models/: the run id, the path of every file in the folder,
// and which of them make a complete run. Training writes it, publishing adds the catalog snapshot,
// the bot checks it; all of them take the names from here. No tfjs and no SQLite, so every layer
// that touches a run can import it.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SNAPSHOT_FORMAT } from '../core/catalog/index.ts';

/** The two files of one saved tfjs model, inside its own folder. */
export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';

/** Where each part of a run lives, all inside the run's folder `dir`. */
export interface RunFolderPaths {
  dir: string;
  /** Folder of the encoder's model.json + weights.bin. */
  encoder: string;
  /** Folder of the decoder's model.json + weights.bin. */
  decoder: string;
  /** The fitted scaler as JSON. */
  scaler: string;
  /** The packed catalog written at publish; only the active run and the one before keep theirs. */
  snapshot: string;
}

/** A new run id: UTC time to the second plus a random suffix, e.g. '2026-11-25T14-30-00-abc123'. */
export function createRunId(now: Date = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replaceAll(':', '-');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

/** The absolute folder of run `runId` under `modelsDir`. */
export function runFolder(modelsDir: string, runId: string): string {
  return resolve(modelsDir, runId);
}

/** Where a file or folder is written before it is renamed into place, so readers see it whole or not at all. */
export function partialPath(path: string): string {
  return `${path}.partial`;
}

/** The path of every part of the run whose folder is `dir`. */
export function runFolderPaths(dir: string): RunFolderPaths {
  return {
    dir,
    encoder: join(dir, 'encoder'),
    decoder: join(dir, 'decoder'),
    scaler: join(dir, 'scaler.json'),
    // Named by format, so a snapshot in an older layout is simply not found (the run loads from rows).
    snapshot: join(dir, `catalog-v${SNAPSHOT_FORMAT}.bin`),
  };
}

/** The files of one saved tfjs model in folder `modelDir`. */
export function modelFilePaths(modelDir: string): { json: string; weights: string } {
  return { json: join(modelDir, MODEL_JSON), weights: join(modelDir, WEIGHTS_BIN) };
}

/**
 * The files without which the run in `dir` is incomplete: both models and the scaler. The
 * snapshot is not one of them: it is pruned from older runs, which then load from their rows.
 */
export function requiredRunFiles(dir: string): string[] {
  const paths = runFolderPaths(dir);
  const encoder = modelFilePaths(paths.encoder);
  const decoder = modelFilePaths(paths.decoder);
  return [encoder.json, encoder.weights, decoder.json, decoder.weights, paths.scaler];
}

/** The required files missing from the run folder `dir`; empty when the run is complete. */
export function missingRunFiles(dir: string): string[] {
  return requiredRunFiles(dir).filter((path) => !existsSync(path));
}
