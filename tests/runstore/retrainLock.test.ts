import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { acquireRetrainLock, RetrainLockedError } from '../../src/runstore/retrainLock.ts';
import { waitUntil } from '../reliability/waitUntil.ts';
import { tempDir } from './storeHelpers.ts';

const HOLDER = fileURLToPath(new URL('./fixtures/holdLock.ts', import.meta.url));

const refusal = (path: string, staleMs: number): Error | undefined => {
  try {
    acquireRetrainLock(path, 'second', { staleMs }).release();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(RetrainLockedError);
    return error as Error;
  }
};

describe('the retrain lock in a run store', () => {
  it('GIVEN a replica holding the lock WHEN another asks THEN it is refused naming who started it and when; once released it is free', () => {
    const path = join(tempDir('lock'), 'retrain.lock');
    const held = acquireRetrainLock(path, 'ana (1) on replica-a', { staleMs: 60_000 });
    expect(refusal(path, 60_000)?.message).toBe(
      `a retrain is already running (started by ana (1) on replica-a at ${held.holder.startedAt})`,
    );
    held.release();
    expect(existsSync(path)).toBe(false);
    expect(refusal(path, 60_000)).toBeUndefined();
  });

  it('GIVEN a lock left untouched past the stale time by a trainer that died WHEN a replica asks THEN it takes it over, and a third is refused', () => {
    const path = join(tempDir('lock'), 'retrain.lock');
    writeFileSync(path, JSON.stringify({ owner: 'gone', startedAt: 'long ago', token: 'x' }));
    const old = new Date(Date.now() - 120_000);
    utimesSync(path, old, old);
    const taken = acquireRetrainLock(path, 'new trainer', { staleMs: 60_000 });
    expect(refusal(path, 60_000)?.message).toMatch(/started by new trainer/);
    taken.release();
  });

  it('GIVEN a trainer process holding the lock WHEN it is killed THEN the lock is refused while its heartbeat is fresh and taken once it is stale', async () => {
    const path = join(tempDir('lock'), 'retrain.lock');
    const staleMs = 2000;
    const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, path, String(staleMs)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [first] = (await once(child.stdout, 'data')) as [Buffer];
      expect(first.toString()).toBe('held\n');
      // Alive past its stale time: its heartbeat keeps the lock fresh.
      await new Promise((resolve) => setTimeout(resolve, staleMs + 500));
      expect(refusal(path, staleMs)?.message).toMatch(/started by a trainer that will crash/);
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    expect(refusal(path, staleMs)?.message).toMatch(/a trainer that will crash/);
    const tookOverAt = Date.now();
    await waitUntil(
      () => refusal(path, staleMs) === undefined,
      'the stale lock is taken over',
      15_000,
    );
    console.log(`stale lock taken over ${Date.now() - tookOverAt} ms after the holder was killed`);
  }, 30_000);
});
