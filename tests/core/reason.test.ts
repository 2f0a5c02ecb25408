import { describe, expect, it } from 'vitest';
import { TrackCatalog } from '../../src/core/catalog/catalog.ts';
import { explainSimilarity, reasonPhrases } from '../../src/core/queries/reason.ts';
import type { FeatureValues } from '../../src/data/track.ts';
import { makeSyntheticTracks, makeTrack, sourceFromTracks } from './syntheticCatalog.ts';

/** The reason for b against a, among 2,000 synthetic tracks that set what is rare and what is common. */
function reasonFor(a: Partial<FeatureValues>, b: Partial<FeatureValues>): string {
  const crowd = makeSyntheticTracks(2000, 4);
  const catalog = new TrackCatalog(
    sourceFromTracks([
      ...crowd,
      makeTrack({ id: 'a', features: a }),
      makeTrack({ id: 'b', features: b }),
    ]),
  );
  return explainSimilarity(catalog, crowd.length, crowd.length + 1);
}

const base = {
  danceability: 0.62,
  energy: 0.71,
  loudness: -8,
  speechiness: 0.1,
  acousticness: 0.2,
  instrumentalness: 0.02,
  liveness: 0.3,
  valence: 0.5,
  tempo: 121,
};

describe('explainSimilarity', () => {
  it('GIVEN the same tempo and a much more acoustic result WHEN explained THEN it names both, with BPM', () => {
    const reason = reasonFor(base, { ...base, acousticness: 0.95 });
    expect(reason).toMatch(/^same \w+/);
    expect(reason).toMatch(/much more acoustic$/);
  });

  it('GIVEN a much slower result WHEN explained THEN it says slower and by how many BPM', () => {
    expect(reasonFor(base, { ...base, tempo: 80 })).toMatch(/slower \(-41 BPM\)$/);
  });

  it('GIVEN a louder result WHEN explained THEN the gap is given in dB', () => {
    expect(reasonFor({ ...base, loudness: -24 }, { ...base, loudness: -3 })).toMatch(
      /louder \(\+21\.0 dB\)$/,
    );
  });

  it('GIVEN identical tracks WHEN explained THEN two agreements are named, joined, and no difference', () => {
    const reason = reasonFor(base, base);
    expect(reason).toMatch(/^same \w+( \w+)? and /);
    expect(reasonPhrases(reason)).toHaveLength(2);
    expect(reason).not.toMatch(/more|less|faster|slower|louder|quieter/);
  });

  it('GIVEN two instrumental tracks WHEN explained THEN it says both are instrumental', () => {
    const instrumental = { ...base, instrumentalness: 0.92, speechiness: 0.04 };
    expect(reasonFor(instrumental, { ...instrumental, energy: 0.2 })).toMatch(/both instrumental/);
  });
});

describe('explainSimilarity across one list', () => {
  it('GIVEN five results identical to the query WHEN explained as one list THEN the lines name different agreements', () => {
    const crowd = makeSyntheticTracks(2000, 4);
    const twins = Array.from({ length: 6 }, (_, k) => makeTrack({ id: `t${k}`, features: base }));
    const catalog = new TrackCatalog(sourceFromTracks([...crowd, ...twins]));
    const query = crowd.length;
    const results = [1, 2, 3, 4, 5].map((k) => crowd.length + k);

    const alone = results.map((b) => explainSimilarity(catalog, query, b));
    const named = new Map();
    const asList = results.map((b) => explainSimilarity(catalog, query, b, named));

    expect(new Set(alone).size).toBe(1);
    expect(new Set(asList).size).toBeGreaterThanOrEqual(3);
    expect(asList[0]).toBe(alone[0]);
  });
});

describe('reasonPhrases', () => {
  it('GIVEN a reason line WHEN split THEN each phrase stands alone without its numbers', () => {
    expect(reasonPhrases('same tempo (128 BPM), similar mood, much louder (+6.0 dB)')).toEqual([
      'same tempo',
      'similar mood',
      'much louder',
    ]);
    expect(reasonPhrases('same energy and tempo (128 BPM)')).toEqual(['same energy', 'same tempo']);
  });
});
