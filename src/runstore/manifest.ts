// A run's manifest: every file of the published run with its size and SHA-256. The pointer carries
// the manifest's own hash, so one hash in a small file vouches for every byte of the run.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { digestFile, type FileDigest } from '../db/runFiles.ts';
import { listFiles } from './durableFiles.ts';
import { MANIFEST } from './storeLayout.ts';

/** What a published run holds; written once, never changed. */
export interface RunManifest {
  format: 1;
  runId: string;
  publishedAt: string;
  /** Who published it (replica or host and process), for the logs. */
  publishedBy: string;
  /** Relative path ('encoder/weights.bin') to its digest. */
  files: Record<string, FileDigest>;
}

/** A manifest is not what it should be; the message names the problem. */
export class ManifestError extends Error {
  override name = 'ManifestError';
}

/** The manifest of the run folder `dir`: every file in it but the manifest, hashed. */
export function buildManifest(
  dir: string,
  runId: string,
  publishedBy: string,
  now: Date = new Date(),
): RunManifest {
  const files: Record<string, FileDigest> = {};
  for (const file of listFiles(dir).filter((name) => name !== MANIFEST)) {
    files[file] = digestFile(join(dir, file));
  }
  return { format: 1, runId, publishedAt: now.toISOString(), publishedBy, files };
}

/** The SHA-256 (hex) of a manifest's bytes, as the pointer records it. */
export function manifestHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a manifest's bytes, checking its shape and that it is the run `runId`'s. */
export function parseManifest(bytes: Uint8Array, runId: string): RunManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new ManifestError(`the manifest of run ${runId} is not JSON`);
  }
  const manifest = parsed as Partial<RunManifest>;
  if (manifest.format !== 1 || typeof manifest.files !== 'object' || manifest.files === null) {
    throw new ManifestError(`the manifest of run ${runId} is not a format-1 manifest`);
  }
  if (manifest.runId !== runId) {
    throw new ManifestError(`the manifest names run ${String(manifest.runId)}, not ${runId}`);
  }
  for (const [file, digest] of Object.entries(manifest.files)) {
    const safe =
      !file.split('/').some((part) => part === '..' || part === '') && !file.startsWith('/');
    if (!safe || typeof digest?.bytes !== 'number' || !/^[0-9a-f]{64}$/.test(digest.sha256)) {
      throw new ManifestError(
        `the manifest of run ${runId} lists "${file}" without a valid digest`,
      );
    }
  }
  return manifest as RunManifest;
}
