import { describe, expect, it } from 'vitest';
import { gatherRows } from '../../src/ml/gatherRows.ts';

describe('gatherRows', () => {
  it('GIVEN a 3 x 2 matrix WHEN rows 2 and 0 are gathered THEN whole rows come back in that order', () => {
    const x = new Float32Array([0, 1, 10, 11, 20, 21]);
    expect(Array.from(gatherRows(x, 2, Uint32Array.from([2, 0])))).toEqual([20, 21, 0, 1]);
  });

  it('GIVEN an output array WHEN rows are gathered THEN they are written into it, which is returned', () => {
    const x = new Float32Array([0, 1, 10, 11]);
    const out = new Float32Array(2);
    expect(gatherRows(x, 2, Uint32Array.from([1]), out)).toBe(out);
    expect(Array.from(out)).toEqual([10, 11]);
  });
});
