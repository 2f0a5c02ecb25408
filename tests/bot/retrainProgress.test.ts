import { describe, expect, it } from 'vitest';
import { ProgressEdits } from '../../src/bot/retrain/progressEdits.ts';
import type { TrainingEvent } from '../../src/train/events.ts';

const epoch = (n: number): TrainingEvent => ({
  type: 'epoch',
  epoch: n,
  epochs: 10,
  loss: 0.1,
  valLoss: 0.2,
  seconds: 1,
  etaSeconds: 9,
});

describe('ProgressEdits', () => {
  it('GIVEN events closer together than the interval WHEN reported THEN only the first of each interval is shown', () => {
    let clock = 0;
    const shown: string[] = [];
    const progress = new ProgressEdits(
      async (line) => shown.push(line),
      2000,
      () => clock,
    );
    for (const [at, n] of [
      [0, 1],
      [500, 2],
      [2100, 3],
      [2200, 4],
      [4200, 5],
    ] as const) {
      clock = at;
      progress.onEvent(epoch(n));
    }
    expect(shown.map((line) => /epoch (\d+)/.exec(line)?.[1])).toEqual(['1', '3', '5']);
  });

  it('GIVEN an event with nothing to show WHEN reported THEN no edit, and the next one still shows', () => {
    const shown: string[] = [];
    const progress = new ProgressEdits(
      async (line) => shown.push(line),
      2000,
      () => 0,
    );
    progress.onEvent({ type: 'stage', stage: 'read', state: 'done', seconds: 1, cpuSeconds: 1 });
    progress.onEvent(epoch(1));
    expect(shown).toHaveLength(1);
  });

  it('GIVEN an edit still in flight and one that fails WHEN settled THEN it waits for the first and does not throw', async () => {
    let landed = false;
    let clock = 0;
    const edits = [
      () => new Promise<void>((resolve) => setTimeout(() => resolve(void (landed = true)), 20)),
      () => Promise.reject(new Error('Unknown Webhook')),
    ];
    const progress = new ProgressEdits(
      () => edits.shift()!(),
      2000,
      () => clock,
    );
    progress.onEvent(epoch(1));
    clock = 5000;
    progress.onEvent(epoch(2));
    await progress.settled();
    expect(landed).toBe(true);
  });
});
