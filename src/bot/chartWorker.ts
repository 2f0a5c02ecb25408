// Draws radar charts on a worker thread: drawing takes ~10 ms of CPU, which on the main thread
// would delay every interaction that arrives meanwhile.
import { Worker } from 'node:worker_threads';
import type { FeatureRadarInput } from '../charts/index.ts';

interface Answer {
  id: number;
  png?: Uint8Array;
  error?: string;
}

// Compiled (npm start) the worker is JavaScript; from source it runs through tsx.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(`./chartWorkerMain.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url);

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<
  number,
  { resolve: (png: Buffer) => void; reject: (error: Error) => void }
>();

function start(): Worker {
  const started = FROM_SOURCE
    ? // Node 20 does not apply --import hooks to a worker's entry: register tsx in the worker first.
      new Worker(
        `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); });`,
        { eval: true },
      )
    : new Worker(WORKER_URL);
  started.unref(); // never keeps the bot alive on its own
  started.on('message', ({ id, png, error }: Answer) => {
    const waiting = pending.get(id);
    pending.delete(id);
    if (png) waiting?.resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
    else waiting?.reject(new Error(error ?? 'chart worker sent nothing'));
  });
  started.on('error', (error) => failAll(error));
  started.on('exit', (code) => failAll(new Error(`chart worker exited (code ${code})`)));
  return started;
}

function failAll(error: Error): void {
  worker = undefined;
  for (const waiting of pending.values()) waiting.reject(error);
  pending.clear();
}

/** Renders a feature radar on the worker thread (started on first use). */
export function renderFeatureRadarOffThread(input: FeatureRadarInput): Promise<Buffer> {
  worker ??= start();
  const id = nextId++;
  const answer = new Promise<Buffer>((resolve, reject) => pending.set(id, { resolve, reject }));
  worker.postMessage({ id, input });
  return answer;
}

/** Stops the worker (at shutdown). */
export async function stopChartWorker(): Promise<void> {
  await worker?.terminate();
}
