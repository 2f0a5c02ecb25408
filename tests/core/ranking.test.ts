import { describe, expect, it } from 'vitest';
import { TrackCatalog } from '../../src/core/catalog/catalog.ts';
import { nearestSet } from '../../src/core/neighbours/nearestSet.ts';
import { bruteForceNearest } from '../../src/core/neighbours/nearest.ts';
import { scaledFeaturesOf } from '../../src/core/queries/featureSpace.ts';
import type { RankedTrack, RankingQuery } from '../../src/core/queries/ranking.ts';
import { rankByBruteForce, rankNeighbourhood } from '../../src/core/queries/ranking.ts';
import { makeSyntheticTracks, seededRandom, sourceFromTracks } from './syntheticCatalog.ts';

const catalog = new TrackCatalog(sourceFromTracks(makeSyntheticTracks(4000, 5)));

function drain(ranked: { next(): RankedTrack | undefined }): RankedTrack[] {
  const out: RankedTrack[] = [];
  for (let next = ranked.next(); next; next = ranked.next()) out.push(next);
  return out;
}

function queryOf(index: number, popularityWeight: number): RankingQuery {
  return {
    latent: catalog.vectorOf(index),
    features: scaledFeaturesOf(catalog, index),
    popularityWeight,
  };
}

describe('nearestSet', () => {
  it('GIVEN random queries and a filter WHEN taking k nearest THEN the set equals brute force', () => {
    const random = seededRandom(3);
    const accept = (i: number): boolean => i % 3 !== 0;
    for (let t = 0; t < 40; t++) {
      const query = [random() * 2 - 1, random() * 2 - 1, random() * 2 - 1];
      const k = 1 + Math.floor(random() * 300);
      const expected = bruteForceNearest(catalog.vectors, 3, query, k, accept)
        .map((n) => n.index)
        .sort((a, b) => a - b);
      expect(Array.from(nearestSet(catalog.tree, query, k, accept))).toEqual(expected);
    }
  });

  it('GIVEN duplicate points WHEN the k-th place is a tie THEN the lower indices win', () => {
    const points = new Float32Array(30).fill(0.5); // ten identical 3-D points
    const tree = buildTree(points);
    expect(Array.from(nearestSet(tree, [0.5, 0.5, 0.5], 4, () => true))).toEqual([0, 1, 2, 3]);
  });

  it('GIVEN hundreds of tied points spread over the tree WHEN the buffer is cut back several times THEN the lowest tied indices still win', () => {
    const random = seededRandom(9);
    const points = Float32Array.from({ length: 900 }, (_, i) =>
      Math.floor(i / 3) % 2 === 0 ? 0.5 : random(),
    );
    const tree = buildTree(points);
    const tied = Array.from({ length: 300 }, (_, i) => i).filter((i) => i % 2 === 0);
    expect(Array.from(nearestSet(tree, [0.5, 0.5, 0.5], 13))).toEqual(tied.slice(0, 13));
    expect(Array.from(nearestSet(tree, [0.5, 0.5, 0.5], 140))).toEqual(tied.slice(0, 140));
  });
});

describe('rankNeighbourhood', () => {
  it('GIVEN seeded queries WHEN ranked through the tree THEN the order equals the brute-force reference', () => {
    for (let q = 0; q < catalog.size; q += 97) {
      for (const weight of [0, 0.05]) {
        const accept = (i: number): boolean => i !== q && catalog.popularity[i] !== 7;
        const served = drain(rankNeighbourhood(catalog, queryOf(q, weight), accept, 300));
        expect(served).toEqual(rankByBruteForce(catalog, queryOf(q, weight), accept, 300));
      }
    }
  });

  it('GIVEN the same query twice WHEN ranked THEN the answers are identical', () => {
    const first = drain(rankNeighbourhood(catalog, queryOf(11, 0.05), () => true));
    expect(drain(rankNeighbourhood(catalog, queryOf(11, 0.05), () => true))).toEqual(first);
    expect(first).toHaveLength(1000);
  });

  it('GIVEN a popularity weight WHEN ranked THEN scores are the distance minus weight x popularity', () => {
    const ranked = drain(rankNeighbourhood(catalog, queryOf(5, 0.05), () => true, 50));
    for (const r of ranked) {
      const popularity = Math.max(0, catalog.popularity[r.index] as number);
      expect(r.score).toBeCloseTo(r.distance - 0.0005 * popularity, 12);
    }
    for (let k = 1; k < ranked.length; k++) {
      expect(ranked[k]!.score).toBeGreaterThanOrEqual(ranked[k - 1]!.score);
    }
  });
});

function buildTree(points: Float32Array): TrackCatalog['tree'] {
  return new TrackCatalog(sourceFromTracks(makeSyntheticTracks(points.length / 3, 9), points)).tree;
}

describe('similarityFromDistance', () => {
  it('GIVEN distances WHEN turned into similarity THEN 0 is 100%, an ordinary pair 25%, and it falls with distance', async () => {
    const { similarityFromDistance } = await import('../../src/core/queries/similarity.ts');
    expect(similarityFromDistance(0, 0.9, 0.9)).toBe(100);
    expect(similarityFromDistance(0.9, 0.9, 0.9)).toBe(25);
    expect(similarityFromDistance(0.45, 0.9, 0.9)).toBe(50);
    const values = [0.05, 0.1, 0.2, 0.4, 0.8].map((d) => similarityFromDistance(d, 0.9, 0.9));
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    expect(new Set(values).size).toBe(values.length);
  });

  it('GIVEN one distance WHEN the seed sounds rarer (a larger spread) THEN the similarity is higher', async () => {
    const { similarityFromDistance } = await import('../../src/core/queries/similarity.ts');
    const ordinary = similarityFromDistance(0.3, 0.9, 0.9);
    const rare = similarityFromDistance(0.3, 1.2, 0.9);
    expect(rare).toBeGreaterThan(ordinary);
  });
});

describe('spreadAround', () => {
  it('GIVEN scaled rows WHEN the spread around a point is taken from the moments THEN it equals the root-mean-square distance to every row', async () => {
    const { featureMoments, spreadAround } =
      await import('../../src/core/queries/featureMoments.ts');
    const rows = [
      [0, 0.5, 1],
      [0.2, NaN, 0.4],
      [1, 1, 0],
      [0.6, 0.3, 0.3],
    ];
    const moments = featureMoments(Float32Array.from(rows.flat()), 3);
    const target = [0.1, 0.9, NaN];
    const squares = rows.map((row) =>
      row.reduce((sum, value, f) => {
        const diff = value - (target[f] as number);
        return sum + (Number.isNaN(diff) ? 1 : diff * diff);
      }, 0),
    );
    const expected = Math.sqrt(squares.reduce((a, b) => a + b, 0) / rows.length);
    expect(spreadAround(moments, target)).toBeCloseTo(expected, 5);
    const pairs = rows.flatMap((a) =>
      rows.map((b) =>
        a.reduce((sum, value, f) => {
          const diff = value - (b[f] as number);
          return sum + (Number.isNaN(diff) ? 1 : diff * diff);
        }, 0),
      ),
    );
    expect(moments.pairSpread).toBeCloseTo(
      Math.sqrt(pairs.reduce((a, b) => a + b, 0) / pairs.length),
      5,
    );
  });
});
