import { describe, expect, it } from 'vitest';
import { TrackCatalog } from '../../src/core/catalog/catalog.ts';
import { InvalidQueryError } from '../../src/core/errors.ts';
import { encodeLatent } from '../../src/core/latent/latentEncoder.ts';
import { encodeVibe, findTracksByVibe } from '../../src/core/queries/vibe.ts';
import { makeSyntheticTracks, makeTrack, sourceFromTracks } from './syntheticCatalog.ts';

describe('findTracksByVibe', () => {
  const big = new TrackCatalog(sourceFromTracks(makeSyntheticTracks(4000, 5)));

  it('GIVEN one target WHEN queried THEN unspecified features are left free', () => {
    const catalog = new TrackCatalog(
      sourceFromTracks([
        makeTrack({ id: 'mid', artists: ['A'], features: { energy: 0.5, danceability: 0.5 } }),
        makeTrack({ id: 'hot', artists: ['B'], features: { energy: 0.9, danceability: 0.05 } }),
      ]),
    );
    const [first] = findTracksByVibe(catalog, { targets: { energy: 0.9 }, count: 1 });
    expect(first?.track.id).toBe('hot');
    expect(first?.similarity).toBe(100);
    expect(first?.reason).toBe('energy 0.90 (target 0.90)');
  });

  it('GIVEN hard bounds WHEN queried on a random catalog THEN every result satisfies every bound', () => {
    const min = { valence: 0.6, tempo: 100 };
    const max = { tempo: 130, acousticness: 0.4 };
    const results = findTracksByVibe(big, {
      targets: { energy: 0.2 },
      min,
      max,
      count: 20,
      genre: 'rock',
    });
    expect(results.length).toBeGreaterThan(5);
    for (const r of results) {
      const f = r.track.features;
      expect(f.valence).toBeGreaterThanOrEqual(0.6);
      expect(f.tempo).toBeGreaterThanOrEqual(100);
      expect(f.tempo).toBeLessThanOrEqual(130);
      expect(f.acousticness).toBeLessThanOrEqual(0.4);
      expect(r.track.genres).toContain('rock');
    }
  });

  it('GIVEN targets WHEN queried THEN results are the closest eligible tracks, best first, one per artist', () => {
    const targets = { energy: 0.8, danceability: 0.7, tempo: 128 };
    const results = findTracksByVibe(big, { targets, count: 10, popularity: 'any' });
    const artists = results.map((r) => r.track.artists[0]);
    expect(new Set(artists).size).toBe(artists.length);
    for (let k = 1; k < results.length; k++)
      expect(results[k]!.distance).toBeGreaterThanOrEqual(results[k - 1]!.distance);
    // No track at all (capped or not) is closer than the first result.
    const best = Math.min(
      ...big.tracks.map((t) =>
        Math.sqrt(
          ((t.features.energy! - 0.8) ** 2 +
            (t.features.danceability! - 0.7) ** 2 +
            ((t.features.tempo! - 128) / 150) ** 2) /
            3,
        ),
      ),
    );
    expect(results[0]!.distance).toBeCloseTo(best, 5);
  });

  it('GIVEN invalid input WHEN queried THEN a user-facing error explains', () => {
    expect(() => findTracksByVibe(big, { targets: {} })).toThrow(InvalidQueryError);
    expect(() => findTracksByVibe(big, { targets: { energy: 2 } })).toThrow(InvalidQueryError);
    expect(() =>
      findTracksByVibe(big, { targets: { energy: 0.5 }, min: { tempo: 150 }, max: { tempo: 90 } }),
    ).toThrow(InvalidQueryError);
  });

  it('GIVEN bounds equal to a track value WHEN queried THEN the track is within both (values are stored as 32-bit floats)', () => {
    const catalog = new TrackCatalog(
      sourceFromTracks([
        makeTrack({ id: 'edge', artists: ['A'], features: { energy: 0.8, tempo: 119.998 } }),
        makeTrack({ id: 'out', artists: ['B'], features: { energy: 0.801, tempo: 119.997 } }),
      ]),
    );
    const query = { targets: {}, min: { tempo: 119.998 }, max: { energy: 0.8 } };
    const results = findTracksByVibe(catalog, query);
    expect(results.map((r) => r.track.id)).toEqual(['edge']);
    expect(results[0]!.track.features).toMatchObject({ energy: 0.8, tempo: 119.998 });
  });

  it('GIVEN only bounds WHEN queried THEN the most popular tracks within them are returned', () => {
    const results = findTracksByVibe(big, { targets: {}, min: { energy: 0.9 }, count: 3 });
    expect(results).toHaveLength(3);
    expect(results.every((r) => r.track.features.energy! >= 0.9)).toBe(true);
    expect(results[0]!.track.popularity).toBeGreaterThanOrEqual(results[2]!.track.popularity!);
  });
});

describe('encodeVibe', () => {
  const source = sourceFromTracks(makeSyntheticTracks(50, 2));
  const catalog = new TrackCatalog(source);

  it('GIVEN every training feature WHEN encoded THEN it equals encodeLatent on the scaled values', () => {
    const targets = {
      danceability: 0.8,
      energy: 0.9,
      loudness: -5,
      speechiness: 0.05,
      acousticness: 0.1,
      instrumentalness: 0,
      liveness: 0.1,
      valence: 0.7,
      tempo: 125,
    };
    const scaled = [0.8, 0.9, 35 / 40, 0.05, 0.1, 0, 0.1, 0.7, 75 / 150];
    const point = encodeVibe(catalog, targets);
    expect(Array.from(point ?? [])).toEqual(
      Array.from(encodeLatent(source.encoder, scaled)).map((v) => expect.closeTo(v, 10)),
    );
  });

  it('GIVEN a partial vibe WHEN encoded THEN there is no point (features are never forced)', () => {
    expect(encodeVibe(catalog, { energy: 0.9 })).toBeNull();
  });
});
