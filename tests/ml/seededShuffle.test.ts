import { describe, expect, it } from 'vitest';
import { mulberry32, shuffleInPlace } from '../../src/ml/seededShuffle.ts';

const iota = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);

describe('seeded shuffling', () => {
  it('gives the same permutation for the same seed and another for another seed', () => {
    const a = shuffleInPlace(iota(50), mulberry32(7));
    const b = shuffleInPlace(iota(50), mulberry32(7));
    const c = shuffleInPlace(iota(50), mulberry32(8));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from(iota(50)));
  });
});
