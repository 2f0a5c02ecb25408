import { describe, expect, it } from 'vitest';
import { buildKdTree } from '../../src/core/neighbours/kdTree.ts';
import { bruteForceNearest, nearestNeighbours } from '../../src/core/neighbours/nearest.ts';
import { seededRandom } from './syntheticCatalog.ts';

/** Clustered 3-D points with exact duplicates, so ties and dense regions both occur. */
function makePoints(n: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  const points = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    if (i > 0 && random() < 0.05) {
      points.copyWithin(i * 3, (i - 1) * 3, i * 3); // duplicate of the previous point
      continue;
    }
    const cluster = Math.floor(random() * 5);
    for (let d = 0; d < 3; d++) points[i * 3 + d] = cluster + random() * (d === 0 ? 0.3 : 1);
  }
  return points;
}

describe('nearestNeighbours (k-d tree)', () => {
  it('GIVEN random clustered points WHEN queried THEN it returns exactly what brute force returns', () => {
    const points = makePoints(3000, 1);
    const tree = buildKdTree(points, 3);
    const random = seededRandom(2);
    for (let q = 0; q < 200; q++) {
      const query = [random() * 6 - 0.5, random() * 6 - 0.5, random() * 6 - 0.5];
      const k = 1 + Math.floor(random() * 20);
      expect(nearestNeighbours(tree, query, k)).toEqual(bruteForceNearest(points, 3, query, k));
    }
  });

  it('GIVEN a stateful filter (cap per group) WHEN queried THEN it still matches brute force', () => {
    const points = makePoints(2000, 3);
    const tree = buildKdTree(points, 3);
    const group = (i: number): number => i % 7;
    const makeCap = () => {
      const used = new Map<number, number>();
      return (i: number): boolean => {
        if (i % 3 === 0) return false; // a plain predicate too
        const c = used.get(group(i)) ?? 0;
        if (c >= 2) return false;
        used.set(group(i), c + 1);
        return true;
      };
    };
    const random = seededRandom(4);
    for (let q = 0; q < 100; q++) {
      const query = Array.from(points.subarray(q * 3, q * 3 + 3));
      const fromTree = nearestNeighbours(tree, query, 10, makeCap());
      expect(fromTree).toEqual(bruteForceNearest(points, 3, query, 10, makeCap()));
      expect(fromTree.length).toBe(10);
      void random;
    }
  });

  it('GIVEN a filter that rejects almost everything WHEN queried THEN it walks far enough to find k', () => {
    const points = makePoints(1500, 5);
    const tree = buildKdTree(points, 3);
    const accept = (i: number): boolean => i % 500 === 0;
    const result = nearestNeighbours(tree, [0, 0, 0], 5, accept);
    expect(result.map((r) => r.index).sort((a, b) => a - b)).toEqual([0, 500, 1000]);
    expect(result).toEqual(bruteForceNearest(points, 3, [0, 0, 0], 5, accept));
  });

  it('GIVEN many identical points WHEN queried THEN ties come back in index order', () => {
    const points = new Float32Array(60).fill(1);
    const tree = buildKdTree(points, 3);
    expect(nearestNeighbours(tree, [1, 1, 1], 4).map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(nearestNeighbours(tree, [0, 0, 0], 2)[0]?.distance).toBeCloseTo(Math.sqrt(3));
  });

  it('GIVEN an empty point set WHEN queried THEN it returns nothing', () => {
    expect(nearestNeighbours(buildKdTree(new Float32Array(0), 3), [0, 0, 0], 5)).toEqual([]);
  });
});
