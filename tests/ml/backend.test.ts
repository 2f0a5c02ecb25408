import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { backendInfo, selectBackend, TfjsNodeNotInstalledError } from '../../src/ml/backend.ts';

const tfjsNodeInstalled = await import('@tensorflow/tfjs-node' as string).then(
  () => true,
  () => false,
);

describe('selectBackend', () => {
  it('activates the cpu backend and is safe to call twice', async () => {
    // GIVEN / WHEN the cpu backend is selected twice
    const first = await selectBackend('cpu');
    const second = await selectBackend('cpu');
    // THEN tfjs runs on it
    expect([first, second]).toEqual(['cpu', 'cpu']);
    expect(tf.getBackend()).toBe('cpu');
  });

  it('activates wasm with SIMD on Node 20', async () => {
    // WHEN wasm is selected
    expect(await selectBackend('wasm')).toBe('wasm');
    // THEN it computes and reports its SIMD support and single thread
    expect(tf.tensor([1, 2]).sum().dataSync()[0]).toBe(3);
    expect(await backendInfo()).toEqual({ backend: 'wasm', simd: true, threads: 1 });
  });

  it.skipIf(tfjsNodeInstalled)('auto falls back to wasm without tfjs-node', async () => {
    expect(await selectBackend('auto')).toBe('wasm');
  });

  it.skipIf(tfjsNodeInstalled)('explains how to install tfjs-node when asked for it', async () => {
    // WHEN the native backend is asked for but not installed
    const attempt = selectBackend('tensorflow');
    // THEN a named error says how to install it
    await expect(attempt).rejects.toBeInstanceOf(TfjsNodeNotInstalledError);
    await expect(selectBackend('tensorflow')).rejects.toThrow(/npm install @tensorflow\/tfjs-node/);
  });
});
