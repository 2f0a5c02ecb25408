import { describe, expect, it } from 'vitest';
import { selectSmallest } from '../../src/core/neighbours/selectSmallest.ts';
import { seededRandom } from './syntheticCatalog.ts';

/** The k smallest items by (key, item), by sorting every pair. */
function reference(keys: Float64Array, items: Int32Array, k: number): number[] {
  return Array.from(items, (item, i) => ({ key: keys[i] as number, item }))
    .sort((a, b) => a.key - b.key || a.item - b.item)
    .slice(0, k)
    .map((p) => p.item)
    .sort((a, b) => a - b);
}

describe('selectSmallest', () => {
  it('GIVEN keys spread, clustered, tied or all equal WHEN selecting k THEN the front holds exactly the k smallest pairs', () => {
    const random = seededRandom(21);
    const shapes = [
      () => random(),
      () => random() ** 8, // most keys in the lowest buckets
      () => Math.floor(random() * 5), // five values: the k-th bucket is all ties
      () => 0.25, // all equal
      () => (random() < 0.01 ? 1e9 : random()), // one far outlier squeezes the rest into a bucket
    ];
    for (const shape of shapes) {
      for (const count of [2, 37, 1500, 2000]) {
        const keys = Float64Array.from({ length: count }, shape);
        const items = Int32Array.from({ length: count }, (_, i) => (i * 7919) % 10007);
        for (const k of [1, Math.ceil(count / 2), count - 1]) {
          const [kk, ii] = [keys.slice(), items.slice()];
          selectSmallest(kk, ii, count, k);
          expect(Array.from(ii.slice(0, k)).sort((a, b) => a - b)).toEqual(
            reference(keys, items, k),
          );
          // Keys travel with their items.
          const keyOf = new Map(Array.from(items, (item, i) => [item, keys[i]]));
          expect(Array.from(ii, (item) => keyOf.get(item))).toEqual(Array.from(kk));
        }
      }
    }
  });
});
