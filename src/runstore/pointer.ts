// The pointer active.json: the run every replica should serve, and the hash of its manifest.
// Replaced atomically (write aside, fsync, rename), so a reader sees the old pointer or the new one.
import { readFileSync } from 'node:fs';
import { writeFileDurably } from './durableFiles.ts';

/** Which run to serve, and the manifest hash it must have. */
export interface RunPointer {
  runId: string;
  manifestSha256: string;
  flippedAt: string;
}

/** The pointer file is unreadable or malformed. */
export class PointerError extends Error {
  override name = 'PointerError';
}

const RUN_ID = /^[\w.-]{1,100}$/;

/** The pointer at `path`, or null when no run was ever published there. */
export function readPointer(path: string): RunPointer | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new PointerError(`cannot read the run pointer ${path}: ${(error as Error).message}`);
  }
  let parsed: Partial<RunPointer>;
  try {
    parsed = JSON.parse(text) as Partial<RunPointer>;
  } catch {
    throw new PointerError(`the run pointer ${path} is not JSON`);
  }
  if (
    typeof parsed.runId !== 'string' ||
    !RUN_ID.test(parsed.runId) ||
    typeof parsed.manifestSha256 !== 'string' ||
    !/^[0-9a-f]{64}$/.test(parsed.manifestSha256)
  ) {
    throw new PointerError(`the run pointer ${path} does not name a run id and a manifest sha256`);
  }
  return {
    runId: parsed.runId,
    manifestSha256: parsed.manifestSha256,
    flippedAt: String(parsed.flippedAt ?? ''),
  };
}

/** Points every replica at run `runId` whose manifest hashes to `manifestSha256`. */
export function flipPointer(
  path: string,
  runId: string,
  manifestSha256: string,
  now = new Date(),
): RunPointer {
  const pointer: RunPointer = { runId, manifestSha256, flippedAt: now.toISOString() };
  writeFileDurably(path, `${JSON.stringify(pointer, null, 2)}\n`);
  return pointer;
}
