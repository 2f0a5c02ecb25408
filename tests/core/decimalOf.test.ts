import { describe, expect, it } from 'vitest';
import { decimalOf } from '../../src/core/catalog/featureTable.ts';
import { seededRandom } from './syntheticCatalog.ts';

/** The definition decimalOf must keep: the fewest significant digits that give the value back. */
function shortestByToPrecision(stored: number): number {
  for (let digits = 1; digits < 10; digits++) {
    const decimal = Number(stored.toPrecision(digits));
    if (Math.fround(decimal) === stored) return decimal;
  }
  return stored;
}

describe('decimalOf', () => {
  it('GIVEN data-set-like decimals stored as 32-bit WHEN read back THEN the decimal is given back', () => {
    for (const value of [0.73, -5.883, 117.982, 0.000123, 230666, 0.5, 1, 1000, 9.999999, -60]) {
      expect(decimalOf(Math.fround(value))).toBe(value);
    }
  });

  it('GIVEN 200,000 random 32-bit values over twelve orders of magnitude WHEN read back THEN the answer is the shortest toPrecision that gives the value back', () => {
    const random = seededRandom(17);
    const stored = new Float32Array(1);
    for (let i = 0; i < 200_000; i++) {
      const digits = 1 + Math.floor(random() * 8);
      const magnitude = 10 ** Math.floor(random() * 12 - 6);
      // Half the values are short decimals (as in the data set), half arbitrary 32-bit values.
      const value = (random() - 0.5) * magnitude;
      stored[0] = i % 2 === 0 ? Number(value.toPrecision(digits)) : value;
      const v = stored[0] as number;
      expect(decimalOf(v)).toBe(shortestByToPrecision(v));
    }
  });

  it('GIVEN zero, infinities and NaN WHEN read back THEN they come back unchanged', () => {
    for (const v of [0, -0, Infinity, -Infinity, NaN]) expect(decimalOf(v)).toBe(v);
  });
});
