import { describe, expect, it } from 'vitest';
import { TrackCatalog } from '../../src/core/catalog/catalog.ts';
import { InvalidQueryError } from '../../src/core/errors.ts';
import { describeFeatureLimits, parseFeatureLimits } from '../../src/core/queries/featureLimits.ts';
import { recommendFromSeeds } from '../../src/core/queries/recommend.ts';
import { makeSyntheticTracks, sourceFromTracks } from './syntheticCatalog.ts';

describe('parseFeatureLimits', () => {
  it('GIVEN ranges and comparisons WHEN parsed THEN each becomes a bound in raw units', () => {
    expect(
      parseFeatureLimits('tempo 120-130, energy > 0.8; speechiness<0.2, Loudness -12 to -6'),
    ).toEqual({
      min: { tempo: 120, energy: 0.8, loudness: -12 },
      max: { tempo: 130, speechiness: 0.2, loudness: -6 },
    });
  });

  it('GIVEN listener words WHEN parsed THEN they map onto features, and "=" bounds both sides', () => {
    expect(parseFeatureLimits('bpm >= 90, mood = 0.5')).toEqual({
      min: { tempo: 90, valence: 0.5 },
      max: { valence: 0.5 },
    });
  });

  it('GIVEN text it cannot read WHEN parsed THEN the message quotes the clause and shows the form', () => {
    expect(() => parseFeatureLimits('tempo fast')).toThrow(/"tempo fast".*tempo 120-130/);
    expect(() => parseFeatureLimits('groove > 0.5')).toThrow(
      /"groove" in "groove > 0.5" is not a feature/,
    );
    expect(() => parseFeatureLimits('energy > 3')).toThrow(InvalidQueryError);
  });

  it('GIVEN limits WHEN described THEN a reply can show them', () => {
    expect(describeFeatureLimits(parseFeatureLimits('tempo 120-130, energy > 0.8'))).toBe(
      'tempo 120 BPM to 130 BPM, energy at least 0.80',
    );
  });
});

describe('recommendations under limits', () => {
  const catalog = new TrackCatalog(sourceFromTracks(makeSyntheticTracks(3000, 2)));

  it('GIVEN limits WHEN recommending from many songs THEN every result meets every limit', () => {
    const limits = parseFeatureLimits('tempo 100-140, energy > 0.5, speechiness < 0.3');
    for (let q = 0; q < catalog.size; q += 150) {
      const results = recommendFromSeeds(catalog, [q], { count: 10, limits });
      expect(results.length).toBeGreaterThan(0);
      for (const { track } of results) {
        expect(track.features.tempo).toBeGreaterThanOrEqual(100);
        expect(track.features.tempo).toBeLessThanOrEqual(140);
        expect(track.features.energy).toBeGreaterThanOrEqual(0.5);
        expect(track.features.speechiness).toBeLessThanOrEqual(0.3);
      }
    }
  });
});
