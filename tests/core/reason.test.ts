import { describe, expect, it } from 'vitest';
import { TrackCatalog } from '../../src/core/catalog/catalog.ts';
import { explainSimilarity } from '../../src/core/queries/reason.ts';
import type { FeatureValues } from '../../src/data/track.ts';
import { makeTrack, sourceFromTracks, SYNTHETIC_FEATURES } from './syntheticCatalog.ts';

function reasonFor(a: Partial<FeatureValues>, b: Partial<FeatureValues>): string {
  const catalog = new TrackCatalog(
    sourceFromTracks([makeTrack({ id: 'a', features: a }), makeTrack({ id: 'b', features: b })]),
  );
  return explainSimilarity(catalog.featureTable, 0, 1, SYNTHETIC_FEATURES);
}

const base = {
  danceability: 0.6,
  energy: 0.7,
  loudness: -8,
  speechiness: 0.1,
  acousticness: 0.2,
  instrumentalness: 0.05,
  liveness: 0.3,
  valence: 0.5,
  tempo: 120,
};

describe('explainSimilarity', () => {
  it('GIVEN equal energy and danceability and a much more acoustic result WHEN explained THEN it says so', () => {
    const reason = reasonFor(base, {
      ...base,
      acousticness: 0.9,
      speechiness: 0.16,
      liveness: 0.38,
      valence: 0.58,
      loudness: -10,
      tempo: 130,
      instrumentalness: 0.12,
    });
    expect(reason).toBe('same danceability and energy, more acoustic');
  });

  it('GIVEN a slower result WHEN explained THEN tempo reads as "slower"', () => {
    expect(reasonFor(base, { ...base, tempo: 80 })).toMatch(/, slower$/);
  });

  it('GIVEN nearly identical tracks WHEN explained THEN it says they are close on the rest', () => {
    expect(reasonFor(base, { ...base, energy: 0.72 })).toMatch(
      /^same .+, close on everything else$/,
    );
  });
});
