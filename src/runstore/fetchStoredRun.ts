// Bringing a published run from the run store onto this replica's own disk, checked: the manifest
// must hash to what the pointer says, and every file copied must hash to what the manifest says.
// The local copy is what gets checked (and later loaded), so a file changed in the store between
// the check and the load cannot slip through.
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { digestFile, digestMismatch } from '../db/runFiles.ts';
import { partialPath, requiredRunFiles, runFolder } from '../db/runFolder.ts';
import { ManifestError, manifestHash, parseManifest } from './manifest.ts';
import type { RunPointer } from './pointer.ts';
import { MANIFEST, RUN_DATABASE, storeLayout, storedRunDir } from './storeLayout.ts';

/** A published run this replica will not serve; the message names the run and the file. */
export class RunRefusedError extends Error {
  override name = 'RunRefusedError';
}

/** Where a fetched run sits on this replica's disk. */
export interface FetchedRun {
  runId: string;
  modelDir: string;
  databasePath: string;
}

/** Copies the run the pointer names into `modelsDir`/<run id>, verified; throws RunRefusedError. */
export function fetchStoredRun(
  storeRoot: string,
  pointer: RunPointer,
  modelsDir: string,
): FetchedRun {
  const { runId } = pointer;
  const from = storedRunDir(storeLayout(storeRoot), runId);
  const manifestBytes = readManifest(from, runId);
  const found = manifestHash(manifestBytes);
  if (found !== pointer.manifestSha256) {
    throw new RunRefusedError(
      `run ${runId}: ${MANIFEST} hashes to ${found.slice(0, 12)}..., the pointer says ` +
        `${pointer.manifestSha256.slice(0, 12)}...`,
    );
  }
  let files: string[];
  try {
    const manifest = parseManifest(manifestBytes, runId);
    files = Object.keys(manifest.files);
    checkComplete(files, runId);
    const modelDir = runFolder(modelsDir, runId);
    const partial = partialPath(modelDir);
    rmSync(partial, { recursive: true, force: true });
    for (const file of files)
      copyChecked(join(from, file), join(partial, file), manifest.files[file]!, runId, file);
    rmSync(modelDir, { recursive: true, force: true });
    renameSync(partial, modelDir);
    return { runId, modelDir, databasePath: join(modelDir, RUN_DATABASE) };
  } catch (error) {
    rmSync(partialPath(runFolder(modelsDir, runId)), { recursive: true, force: true });
    if (error instanceof ManifestError) throw new RunRefusedError(`run ${runId}: ${error.message}`);
    throw error;
  }
}

function readManifest(from: string, runId: string): Buffer {
  if (!existsSync(from))
    throw new RunRefusedError(`run ${runId} is not in the run store (no ${from})`);
  try {
    return readFileSync(join(from, MANIFEST));
  } catch (error) {
    throw new RunRefusedError(
      `run ${runId}: cannot read ${MANIFEST} (${(error as Error).message})`,
    );
  }
}

function checkComplete(files: readonly string[], runId: string): void {
  const listed = new Set(files);
  const needed = [RUN_DATABASE, ...requiredRunFiles('.')];
  const missing = needed.filter((file) => !listed.has(file));
  if (missing.length > 0) {
    throw new RunRefusedError(`run ${runId}: its manifest does not list ${missing.join(', ')}`);
  }
}

function copyChecked(
  from: string,
  to: string,
  published: { bytes: number; sha256: string },
  runId: string,
  file: string,
): void {
  try {
    // Not fsynced: a copy damaged by a crash is caught by the digests checked at every load.
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  } catch (error) {
    throw new RunRefusedError(`run ${runId}: cannot copy ${file} (${(error as Error).message})`);
  }
  const why = digestMismatch(digestFile(to), published);
  if (why)
    throw new RunRefusedError(`run ${runId}: the file ${file} is not the one published: ${why}`);
}
