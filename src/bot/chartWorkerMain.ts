// The chart worker thread: renders each radar it is sent and posts the PNG back.
import { parentPort } from 'node:worker_threads';
import { renderFeatureRadar, type FeatureRadarInput } from '../charts/index.ts';

parentPort?.on('message', ({ id, input }: { id: number; input: FeatureRadarInput }) => {
  renderFeatureRadar(input).then(
    (png) => parentPort?.postMessage({ id, png }),
    (error: unknown) => parentPort?.postMessage({ id, error: String(error) }),
  );
});
