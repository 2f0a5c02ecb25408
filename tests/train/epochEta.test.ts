// The training ETA: paced by the epochs after the slow first one.
import { describe, expect, it } from 'vitest';
import { createEpochEta } from '../../src/train/epochEta.ts';

describe('createEpochEta', () => {
  it('GIVEN a 3 s first epoch and 1 s epochs after it WHEN estimating THEN the later pace counts', () => {
    const eta = createEpochEta();
    expect(eta(1, 10, 3)).toBe(27);
    expect(eta(2, 10, 4)).toBe(8);
    expect(eta(4, 10, 6)).toBe(6);
    expect(eta(10, 10, 12)).toBe(0);
  });
});
