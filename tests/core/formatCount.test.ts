import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/core/queries/index.ts';

describe('formatCount', () => {
  it('groups thousands the way English readers expect', () => {
    for (const n of [0, 7, 999, 1000, 89740, 123456, 1204025, 1e9, 2 ** 40]) {
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    }
  });

  it('keeps the sign and leaves decimals alone', () => {
    expect(formatCount(-1234567)).toBe('-1,234,567');
    expect(formatCount(1234.5678)).toBe('1,234.5678');
  });
});
