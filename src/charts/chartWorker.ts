// The chart thread's entry: draws one requested chart at a time and posts its PNG bytes back.
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { encodePngOnThisThread } from './canvas.ts';
import type { ChartRequest } from './renderChart.ts';
import { renderChart } from './renderChart.ts';

export interface ChartJob {
  id: number;
  request: ChartRequest;
}

export type ChartResult = { id: number; png: Uint8Array } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('chartWorker.ts runs as a worker thread (see chartThread.ts)');

// Pictures can wait; answers cannot. On Linux the nice value is per thread, so this thread (and
// the PNG encoding, kept on it rather than libuv's shared pool) yields the CPU to the bot's event
// loop whenever both want it. Lowering one's own priority is always allowed; elsewhere it may be
// a no-op, which is fine.
encodePngOnThisThread();
try {
  setPriority(19);
} catch {
  // the chart is drawn at normal priority
}

// One chart at a time: the thread exists to keep drawing off the bot's event loop, not to draw
// several charts at once.
let queue = Promise.resolve();
port.on('message', (job: ChartJob) => {
  queue = queue.then(async () => {
    let result: ChartResult;
    try {
      result = { id: job.id, png: await renderChart(job.request) };
    } catch (error) {
      result = { id: job.id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(result);
  });
});
