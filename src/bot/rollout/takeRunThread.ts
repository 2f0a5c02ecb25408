// Taking a run from the run store on a worker thread: copying ~80 MB, hashing it and inserting
// ~90k rows takes seconds, and every replica does it at the same moment after a flip. On the
// event loop that would stall every replica at once past Discord's 3 s to answer; on a thread only
// the swap itself (reading the snapshot) holds the loop.
import { Worker } from 'node:worker_threads';
import type { TakeRunJob, TakeRunResult } from './takeRunWorker.ts';

// Compiled (npm start) the thread runs takeRunWorker.js; from source (tests, tsx) the TypeScript
// file through tsx, registered by hand since workers do not take --import.
const COMPILED = import.meta.url.endsWith('.js');
const WORKER_URL = new URL(`./takeRunWorker.${COMPILED ? 'js' : 'ts'}`, import.meta.url);

/** The run failed on the thread; `name` is the error class there (e.g. RunRefusedError). */
export class TakeRunError extends Error {
  constructor(
    readonly errorName: string,
    message: string,
  ) {
    super(message);
    this.name = 'TakeRunError';
  }
}

/** Copies, checks and imports the pointer's run on a thread; rejects with TakeRunError saying why. */
export function takeRunOnThread(job: TakeRunJob): Promise<void> {
  const worker = COMPILED
    ? new Worker(WORKER_URL, { workerData: job })
    : new Worker(
        `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); });`,
        { eval: true, workerData: job },
      );
  return new Promise((resolve, reject) => {
    let answered = false;
    worker.once('message', (result: TakeRunResult) => {
      answered = true;
      if (result.ok) resolve();
      else reject(new TakeRunError(result.name, result.message));
    });
    worker.once('error', (error) => reject(new TakeRunError(error.name, error.message)));
    worker.once('exit', (code) => {
      if (!answered)
        reject(new TakeRunError('Error', `the run thread stopped (exit code ${code})`));
    });
  });
}
