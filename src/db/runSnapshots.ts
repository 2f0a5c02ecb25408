// Catalog snapshots of runs (see core/catalogSnapshot.ts): built at publish and kept as a file in
// the run's model folder, read at load.
import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import type { ByteSource } from '../core/catalog/index.ts';
import { buildCatalogIndexes } from '../core/catalog/index.ts';
import { encodeCatalogSnapshotParts, partBytes, type LazyPart } from '../core/catalog/index.ts';
import { CatalogSourceError } from '../core/errors.ts';
import type { TrackTable } from '../data/trackTable.ts';
import { catalogColumnsFromTable } from './catalogFromTable.ts';
import type { Database } from './open.ts';
import {
  digestDescriptor,
  digestMismatch,
  recordedRunFiles,
  RunFileMismatchError,
  type FileDigest,
} from './runFiles.ts';
import { partialPath, runFolderPaths } from './runFolder.ts';
import type { RunRecord } from './runTypes.ts';

/**
 * The packed catalog of a run about to be published, the table's `rows` (all, when omitted) in
 * that order, as consecutive parts of the file (writeRunSnapshot joins them on disk).
 */
export function buildRunSnapshot(
  table: TrackTable,
  rows: Int32Array | undefined,
  vectors: Float32Array,
  latentDim: number,
): (Uint8Array | LazyPart)[] {
  const columns = catalogColumnsFromTable(table, rows);
  return encodeCatalogSnapshotParts(columns, buildCatalogIndexes(columns, vectors, latentDim));
}

/** Writes a run's snapshot into its model folder (whole or not at all); returns its digest to record. */
export function writeRunSnapshot(
  modelDir: string,
  parts: readonly (Uint8Array | LazyPart)[],
): FileDigest {
  mkdirSync(modelDir, { recursive: true });
  const path = runFolderPaths(modelDir).snapshot;
  const hash = createHash('sha256');
  let bytes = 0;
  const fd = openSync(partialPath(path), 'w');
  try {
    for (const lazy of parts) {
      // Hashed as written: the digest is of exactly these bytes, and no joined copy is ever made.
      const part = partBytes(lazy);
      hash.update(part);
      for (let at = 0; at < part.byteLength; ) at += writeSync(fd, part, at);
      bytes += part.byteLength;
    }
  } finally {
    closeSync(fd);
  }
  renameSync(partialPath(path), path);
  return { bytes, sha256: hash.digest('hex') };
}

/**
 * Removes the snapshots of every run but `keep` (each is as large as the catalog); a run without
 * one still loads, from its rows, only slower.
 */
export function pruneRunSnapshots(db: Database, keep: readonly string[]): void {
  const runs = db.prepare('SELECT id, model_dir AS modelDir FROM runs').all() as {
    id: string;
    modelDir: string;
  }[];
  for (const { id, modelDir } of runs) {
    if (!keep.includes(id)) rmSync(runFolderPaths(modelDir).snapshot, { force: true });
  }
}

/**
 * Calls `read` with the run's snapshot (null when it has none in the current format) and closes
 * it afterwards. A file is read straight into the arrays being restored: reading
 * it whole, or through SQLite, would hold one or two extra copies of it just when a retrain
 * swaps catalogs. A snapshot whose content hash differs from the one recorded at publish is
 * refused before it is read.
 */
export function withRunSnapshot<T>(
  db: Database,
  run: RunRecord,
  read: (snapshot: ByteSource | null) => T,
): T {
  const path = runFolderPaths(run.modelDir).snapshot;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return read(null);
  }
  try {
    checkSnapshotDigest(db, run, path, fd);
    return read(fileSource(fd, path));
  } catch (error) {
    if (!(error instanceof CatalogSourceError)) throw error;
    throw new CatalogSourceError(
      `The catalog snapshot ${path} is unreadable (${error.message}). ${rebuildAdvice(path)}`,
    );
  } finally {
    closeSync(fd);
  }
}

function checkSnapshotDigest(db: Database, run: RunRecord, path: string, fd: number): void {
  const recorded = recordedRunFiles(db, run.id, run.modelDir).get(path);
  if (!recorded) return; // published before hashes were recorded: the format checks alone apply
  const why = digestMismatch(digestDescriptor(fd), recorded);
  if (!why) return;
  throw new RunFileMismatchError(
    `The catalog snapshot ${path} of run ${run.id} is not the file published: ${why}; it was ` +
      `changed or damaged on disk. ${rebuildAdvice(path)}`,
  );
}

function rebuildAdvice(path: string): string {
  return `Delete ${path} to rebuild the catalog from the database (a slower start), or retrain: npm run train.`;
}

function fileSource(fd: number, path: string): ByteSource {
  return {
    byteLength: fstatSync(fd).size,
    read(position, into) {
      for (let done = 0; done < into.byteLength; ) {
        const got = readSync(fd, into, done, into.byteLength - done, position + done);
        if (got === 0) throw new CatalogSourceError(`${path} ends before byte ${position + done}`);
        done += got;
      }
    },
  };
}
