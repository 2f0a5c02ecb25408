// The chart thread's entry: draws one requested chart at a time and posts its PNG bytes back.
import { parentPort } from 'node:worker_threads';
import type { ChartRequest } from './renderChart.ts';
import { renderChart } from './renderChart.ts';

export interface ChartJob {
  id: number;
  request: ChartRequest;
}

export type ChartResult = { id: number; png: Uint8Array } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('chartWorker.ts runs as a worker thread (see chartThread.ts)');

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
