// Where things live in a run store: a directory shared by every replica (a shared volume or a
// synced object-store path). Runs are immutable folders under runs/; the one to serve is named by
// the small pointer active.json; retrain.lock says who trains. Nothing in it is ever a live SQLite
// database: each replica copies a run to its own disk before opening anything.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** The run's SQLite export (its tracks, run row, vectors and file digests), opened only after copying. */
export const RUN_DATABASE = 'run.sqlite';
/** Every file of a published run with its size and SHA-256; the pointer carries this file's hash. */
export const MANIFEST = 'manifest.json';

/** The paths of one run store. */
export interface StoreLayout {
  root: string;
  /** The pointer: which run every replica serves. */
  pointer: string;
  /** The trainer's lock: one retrain at a time across replicas. */
  lock: string;
  runs: string;
}

/** The layout of the run store at `root`. */
export function storeLayout(root: string): StoreLayout {
  return {
    root,
    pointer: join(root, 'active.json'),
    lock: join(root, 'retrain.lock'),
    runs: join(root, 'runs'),
  };
}

/** The folder of published run `runId` in the store. */
export function storedRunDir(layout: StoreLayout, runId: string): string {
  return join(layout.runs, runId);
}

/** A name beside `path` that no other writer uses, for writing before an atomic rename. */
export function temporaryName(path: string): string {
  return `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
}
