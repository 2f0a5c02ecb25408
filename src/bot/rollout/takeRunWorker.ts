// The thread that copies, checks and imports a run from the run store (see takeRunThread.ts): its
// own connection to the replica's database, so the bot's event loop keeps answering meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/open.ts';
import type { RunPointer } from '../../runstore/pointer.ts';
import { takeRunFromStore } from './followRunStore.ts';

/** What the bot hands the thread. */
export interface TakeRunJob {
  storeRoot: string;
  modelsDir: string;
  dbPath: string;
  pointer: RunPointer;
}

/** What the thread answers: done, or the error's name and message. */
export type TakeRunResult = { ok: true } | { ok: false; name: string; message: string };

const job = workerData as TakeRunJob;
let result: TakeRunResult;
try {
  const db = openDatabase(job.dbPath);
  try {
    takeRunFromStore({ modelsDir: job.modelsDir }, job.storeRoot, db, job.pointer);
  } finally {
    db.close();
  }
  result = { ok: true };
} catch (error) {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  result = { ok: false, name, message };
}
parentPort?.postMessage(result);
