import { describe, expect, it } from 'vitest';
import { percentileOf, sampleOf, shareWithin } from '../../src/core/queries/featurePercentiles.ts';
import { seededRandom } from './syntheticCatalog.ts';

/** The definitions, by counting every value. */
const below = (values: Float64Array, v: number) => values.filter((x) => x < v).length;
const atMost = (values: Float64Array, v: number) => values.filter((x) => x <= v).length;

describe('feature percentiles', () => {
  it('GIVEN skewed samples with ties, 0s and 1s WHEN looked up anywhere in and around [0, 1] THEN percentiles and shares equal counting', () => {
    const random = seededRandom(5);
    for (const shape of [
      (r: number) => r,
      (r: number) => r ** 6,
      (r: number) => Math.round(r * 8) / 8,
    ]) {
      const values = Float64Array.from({ length: 3000 }, () => shape(random())).sort();
      const sample = sampleOf(values);
      const probes = [
        0,
        1,
        -0.2,
        1.3,
        0.5,
        1 / 256,
        255 / 256,
        ...values.slice(0, 50),
        ...Array.from({ length: 200 }, () => random()),
      ];
      for (const v of probes) {
        const expected = (below(values, v) + atMost(values, v)) / 2 / values.length;
        expect(percentileOf(sample, v)).toBe(expected);
        const r = random() * 0.1;
        expect(shareWithin(sample, v, r)).toBe(
          (atMost(values, v + r) - below(values, v - r)) / values.length,
        );
      }
    }
  });

  it('GIVEN an empty sample WHEN looked up THEN the middle and the whole are answered', () => {
    const sample = sampleOf(new Float64Array(0));
    expect(percentileOf(sample, 0.3)).toBe(0.5);
    expect(shareWithin(sample, 0.3, 0.1)).toBe(1);
  });
});
