// Content hashes of a run's files: recorded when the run is published, checked when it is loaded,
// so a file changed or damaged on disk since (a shuffled or truncated snapshot, garbage weights) is
// refused by name instead of serving wrong songs. Names are stored relative to the run's folder, so
// a run folder moved together with its database still checks.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DatabaseError } from './errors.ts';
import type { Database } from './open.ts';
import { requiredRunFiles, runFolderPaths } from './runFolder.ts';

/** One file's size and SHA-256 (hex). */
export interface FileDigest {
  bytes: number;
  sha256: string;
}

const CHUNK = 1 << 20;

/** A file of a stored run is not the one published; the message names it and the fix. */
export class RunFileMismatchError extends DatabaseError {
  override name = 'RunFileMismatchError';
}

/** The size and SHA-256 of the file at `path`, read 1 MB at a time (synchronously: swaps are). */
export function digestFile(path: string): FileDigest {
  const fd = openSync(path, 'r');
  try {
    return digestDescriptor(fd);
  } finally {
    closeSync(fd);
  }
}

/** The size and SHA-256 of the open file `fd`, read from its start 1 MB at a time. */
export function digestDescriptor(fd: number): FileDigest {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK);
  let bytes = 0;
  for (let got; (got = readSync(fd, buffer, 0, CHUNK, bytes)) > 0; bytes += got) {
    hash.update(buffer.subarray(0, got));
  }
  return { bytes, sha256: hash.digest('hex') };
}

/**
 * Records the digest of every file of the run in `dir` that exists (models, scaler, snapshot),
 * inside the caller's publishing transaction. `snapshot` is the digest of the bytes just written.
 */
export function recordRunFiles(
  db: Database,
  runId: string,
  dir: string,
  snapshot: FileDigest,
): void {
  const insert = db.prepare('INSERT INTO run_files (run_id, file, bytes, sha256) VALUES (?, ?, ?, ?)');
  const snapshotPath = runFolderPaths(dir).snapshot;
  insert.run(runId, relative(dir, snapshotPath), snapshot.bytes, snapshot.sha256);
  for (const path of requiredRunFiles(dir).filter((file) => existsSync(file))) {
    const { bytes, sha256 } = digestFile(path);
    insert.run(runId, relative(dir, path), bytes, sha256);
  }
}

/** The digests recorded for the run's files, by absolute path; empty for runs published before hashes. */
export function recordedRunFiles(db: Database, runId: string, dir: string): Map<string, FileDigest> {
  const rows = db
    .prepare('SELECT file, bytes, sha256 FROM run_files WHERE run_id = ?')
    .all(runId) as { file: string; bytes: number; sha256: string }[];
  return new Map(rows.map(({ file, bytes, sha256 }) => [join(dir, file), { bytes, sha256 }]));
}

/** Why `found` is not the digest `recorded` at publish, or null when it is (same size, same hash). */
export function digestMismatch(found: FileDigest, recorded: FileDigest): string | null {
  if (found.bytes !== recorded.bytes) {
    return `it holds ${found.bytes} bytes where ${recorded.bytes} were published`;
  }
  if (found.sha256 !== recorded.sha256) {
    return `its content hash (sha256 ${found.sha256.slice(0, 12)}...) is not the one recorded at publish (${recorded.sha256.slice(0, 12)}...)`;
  }
  return null;
}
