import { describe, expect, it } from 'vitest';
import { TrackCatalog } from '../../src/core/catalog/index.ts';
import { meanFeatureGaps } from '../../src/eval/featureGaps.ts';
import { mostPopularSongs, resultPopularity } from '../../src/eval/popularQueries.ts';
import { reasonVariety } from '../../src/eval/reasonVariety.ts';
import type { ShownResult } from '../../src/eval/shownSimilarity.ts';
import {
  agreementBySimilarity,
  isMonotone,
  randomPairSimilarities,
  randomQueries,
  shownResults,
  similaritySpread,
} from '../../src/eval/shownSimilarity.ts';
import { makeSyntheticTracks, makeTrack, sourceFromTracks } from '../core/syntheticCatalog.ts';

const synthetic = new TrackCatalog(sourceFromTracks(makeSyntheticTracks(4000, 3)));

const shown = (query: number, index: number, similarity: number): ShownResult => ({
  query,
  index,
  similarity,
  reason: '',
});

describe('the similarity a listener reads', () => {
  it('GIVEN random pairs of tracks WHEN scored as the bot scores results THEN the median is near 25% (what similarity.ts promises)', () => {
    const values = randomPairSimilarities(synthetic, 4000, 9).sort();
    expect(values[2000]).toBeGreaterThanOrEqual(22);
    expect(values[2000]).toBeLessThanOrEqual(28);
  });

  it('GIVEN the default results of random queries WHEN spread is measured THEN it counts every result and orders p10 <= p50 <= p90', () => {
    const results = shownResults(synthetic, randomQueries(synthetic, 50, 4));
    const spread = similaritySpread(synthetic, results, 1000, 5);
    expect(spread.results).toBe(250);
    expect(spread.p10).toBeLessThanOrEqual(spread.p50);
    expect(spread.p50).toBeLessThanOrEqual(spread.p90);
    expect(spread.spread).toBe(spread.p90 - spread.p10);
    expect(spread.shareAt100).toBe(results.filter((r) => r.similarity === 100).length / 250);
  });

  it('GIVEN results at 71, 74, 88 and 100 WHEN bucketed by 5 points THEN 100 stands alone and genre agreement is counted', () => {
    const tracks = ['rock', 'rock', 'jazz', 'rock', 'rock'].map((genre, i) =>
      makeTrack({ id: `t${i}`, title: `T${i}`, artists: [`A${i}`], genres: [genre] }),
    );
    const catalog = new TrackCatalog(sourceFromTracks(tracks));
    const buckets = agreementBySimilarity(catalog, [
      shown(0, 1, 71),
      shown(0, 2, 74),
      shown(0, 3, 88),
      shown(0, 4, 100),
    ]);
    expect(buckets).toEqual([
      { from: 70, to: 74, results: 2, sharedGenre: 1 },
      { from: 85, to: 89, results: 1, sharedGenre: 1 },
      { from: 100, to: 100, results: 1, sharedGenre: 1 },
    ]);
  });

  it('GIVEN agreement that falls beyond sampling noise WHEN checked THEN it is not monotone; a wobble within noise and small buckets are ignored', () => {
    const bucket = (from: number, results: number, sharedGenre: number) => ({
      from,
      to: from + 4,
      results,
      sharedGenre,
    });
    // 20% then 15% over 1,000 results each: z = 2.9.
    expect(
      isMonotone([bucket(70, 1000, 100), bucket(75, 1000, 200), bucket(80, 1000, 150)], 50),
    ).toBe(false);
    // A slow slide: each step within noise, 70 -> 80 is not (z = 1.7).
    expect(
      isMonotone([bucket(70, 1000, 200), bucket(75, 1000, 185), bucket(80, 1000, 170)], 50),
    ).toBe(false);
    // 20% then 17% over 100 results each: within noise.
    expect(isMonotone([bucket(70, 100, 10), bucket(75, 100, 20), bucket(80, 100, 17)], 50)).toBe(
      true,
    );
    expect(isMonotone([bucket(70, 100, 10), bucket(75, 10, 0), bucket(80, 100, 15)], 50)).toBe(
      true,
    );
  });
});

describe('reason variety', () => {
  it('GIVEN reason lines WHEN phrases are counted THEN each counts once per line, numbers left out, most common first', () => {
    const variety = reasonVariety([
      'same tempo (120 BPM), much more acoustic',
      'same energy and mood',
      'same tempo (90 BPM), same tempo (91 BPM)',
      'same energy and tempo (90 BPM)',
    ]);
    expect(variety.lines).toBe(4);
    expect(variety.top.slice(0, 2)).toEqual([
      { phrase: 'same tempo', share: 0.75 },
      { phrase: 'same energy', share: 0.5 },
    ]);
    expect(variety.distinctPhrases).toBe(4);
  });
});

describe('popularity of results for popular songs', () => {
  const tracks = [
    makeTrack({ id: 'a1', title: 'Anthem', artists: ['X'], popularity: 10 }),
    makeTrack({ id: 'a2', title: 'Anthem - Remastered 2011', artists: ['X'], popularity: 80 }),
    makeTrack({ id: 'b', title: 'Ballad', artists: ['Y'], popularity: 50 }),
    makeTrack({ id: 'c', title: 'Chorus', artists: ['Z'], popularity: 90 }),
    ...Array.from({ length: 12 }, (_, i) =>
      makeTrack({ id: `z${i}`, title: `Zero ${i}`, artists: [`Q${i}`], popularity: 0 }),
    ),
  ];
  const catalog = new TrackCatalog(sourceFromTracks(tracks));

  it('GIVEN a song released twice WHEN the most popular songs are picked THEN each song comes once, as its most popular release', () => {
    expect(Array.from(mostPopularSongs(catalog, 3))).toEqual([3, 1, 2]);
  });

  it('GIVEN mostly popularity-0 neighbours WHEN any and popular modes are asked THEN any shows them and popular never does', () => {
    const queries = Int32Array.from([3]);
    expect(resultPopularity(catalog, queries, 'any')).toMatchObject({
      results: 5,
      medianPopularity: 0,
    });
    expect(resultPopularity(catalog, queries, 'any').zeroShare).toBeGreaterThan(0.5);
    expect(resultPopularity(catalog, queries, 'popular').zeroShare).toBe(0);
  });
});

describe('feature gaps', () => {
  it('GIVEN results 6 and 10 BPM away and an empty slot WHEN averaged THEN the gap is 8 BPM', () => {
    const tracks = [120, 126, 110].map((tempo, i) =>
      makeTrack({
        id: `t${i}`,
        artists: [`A${i}`],
        features: { tempo, energy: 0.5, loudness: -6 - i },
      }),
    );
    const catalog = new TrackCatalog(sourceFromTracks(tracks));
    const gaps = meanFeatureGaps(catalog, Int32Array.from([0]), Int32Array.from([1, 2, -1]), 3);
    expect(gaps.tempoBpm).toBeCloseTo(8, 5);
    expect(gaps.energy).toBe(0);
    expect(gaps.loudnessDb).toBeCloseTo(1.5, 5);
  });
});
