import { describe, expect, it } from 'vitest';
import { MinPairQueue } from '../../src/core/neighbours/minPairQueue.ts';
import { seededRandom } from './syntheticCatalog.ts';

function drain(queue: MinPairQueue): [number, number][] {
  const out: [number, number][] = [];
  while (queue.size > 0) {
    const key = queue.topKey;
    out.push([key, queue.pop()]);
  }
  return out;
}

const byKeyThenItem = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];

describe('MinPairQueue', () => {
  it('GIVEN pairs pushed past its first capacity, many keys tied WHEN drained THEN they come out by key, then item', () => {
    const random = seededRandom(4);
    const pairs = Array.from({ length: 500 }, (_, i): [number, number] => [
      Math.floor(random() * 20),
      (i * 37) % 500,
    ]);
    const queue = new MinPairQueue(4);
    for (const [key, item] of pairs) queue.push(key, item);
    expect(drain(queue)).toEqual([...pairs].sort(byKeyThenItem));
  });

  it('GIVEN arrays of keys and items WHEN built in place THEN draining gives every pair in order', () => {
    const random = seededRandom(8);
    const keys = Float64Array.from({ length: 1000 }, () => Math.round(random() * 50) / 50);
    const items = Int32Array.from({ length: 1000 }, (_, i) => 999 - i);
    const expected = Array.from(keys, (key, i): [number, number] => [key, items[i] as number]);
    expect(drain(MinPairQueue.of(keys, items))).toEqual(expected.sort(byKeyThenItem));
  });
});
