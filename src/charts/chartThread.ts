// Draws charts on a worker thread, so drawing and encoding never hold up the bot's event loop.
// The bot imports this file itself, not charts/index.ts, so its main thread never loads the
// canvas library, which costs resident memory.
import { Worker } from 'node:worker_threads';
import type { ChartJob, ChartResult } from './chartWorker.ts';
import type { ChartRequest } from './renderChart.ts';

// Compiled (npm start) the thread runs chartWorker.js; from source (tests, tsx) it runs the
// TypeScript file through tsx.
const COMPILED = import.meta.url.endsWith('.js');
const WORKER_URL = new URL(`./chartWorker.${COMPILED ? 'js' : 'ts'}`, import.meta.url);

// Drawing allocates little JavaScript: a small young generation keeps the thread's heap small.
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 2 };

/** Longest a chart may take before its caller gives up on it, unless the thread is told otherwise. */
export const CHART_TIMEOUT_MS = 15_000;

interface Pending {
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** One worker thread, started on the first chart and restarted after a crash. */
export class ChartThread {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private readonly timeoutMs: number;

  constructor(timeoutMs = CHART_TIMEOUT_MS) {
    this.timeoutMs = timeoutMs;
  }

  /** PNG bytes of the requested chart; rejects when it fails, times out or the thread dies. */
  render(request: ChartRequest): Promise<Buffer> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(
        () => this.settle(id, new Error(`chart took longer than ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
      this.pending.set(id, { resolve, reject, timer });
      worker.ref(); // keep the process alive while a chart is owed
      worker.postMessage({ id, request } satisfies ChartJob);
    });
  }

  /** Stops the thread; charts still being drawn are rejected. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('the chart thread was stopped'));
    await worker?.terminate();
  }

  private start(): Worker {
    const worker = COMPILED
      ? new Worker(WORKER_URL, { resourceLimits: WORKER_LIMITS })
      : new Worker(
          // Workers do not take --import, so the TypeScript loader is registered by hand.
          `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); });`,
          { eval: true, resourceLimits: WORKER_LIMITS },
        );
    worker.on('message', (result: ChartResult) =>
      this.settle(result.id, 'error' in result ? new Error(result.error) : result.png),
    );
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failAll(new Error(`the chart thread stopped (exit code ${code})`));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(id: number, outcome: Uint8Array | Error): void {
    const job = this.pending.get(id);
    if (!job) return;
    this.pending.delete(id);
    clearTimeout(job.timer);
    if (this.pending.size === 0) this.worker?.unref();
    if (outcome instanceof Error) job.reject(outcome);
    else job.resolve(Buffer.from(outcome.buffer, outcome.byteOffset, outcome.byteLength));
  }

  private failAll(error: Error): void {
    for (const id of [...this.pending.keys()]) this.settle(id, error);
  }
}

/** The process's chart thread (idle, it does not keep the process alive). */
export const chartThread = new ChartThread();
