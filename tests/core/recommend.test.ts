import { describe, expect, it } from 'vitest';
import { TrackCatalog } from '../../src/core/catalog/catalog.ts';
import { InvalidQueryError, UnknownGenreError } from '../../src/core/errors.ts';
import { recommendFromTrack } from '../../src/core/queries/recommend.ts';
import type { Track } from '../../src/data/track.ts';
import { makeSyntheticTracks, makeTrack, sourceFromTracks } from './syntheticCatalog.ts';

/**
 * Tracks on a line: track i sits at x = position[i] in latent space and has energy x, so both
 * stages of the ranking agree and the order of neighbours is obvious.
 */
function lineCatalog(specs: { track: Partial<Track>; x: number }[]): TrackCatalog {
  const tracks = specs.map((s, i) =>
    makeTrack({ id: `t${i}`, ...s.track, features: { energy: s.x } }),
  );
  const vectors = Float32Array.from(specs.flatMap((s) => [s.x, 0, 0]));
  return new TrackCatalog(sourceFromTracks(tracks, vectors));
}

const ids = (results: { track: Track }[]): string[] => results.map((r) => r.track.id);

describe('recommendFromTrack', () => {
  const catalog = lineCatalog([
    { x: 0, track: { title: 'Shape of You', artists: ['Ed Sheeran'], genres: ['pop'] } },
    { x: 0.01, track: { title: 'Shape of You - Remastered 2020', artists: ['Ed Sheeran'] } },
    { x: 0.1, track: { title: 'Alpha', artists: ['A'], genres: ['pop'] } },
    { x: 0.11, track: { title: 'Alpha (feat. Z)', artists: ['A'], genres: ['pop'] } },
    { x: 0.2, track: { title: 'Beta', artists: ['A'], genres: ['rock'] } },
    { x: 0.3, track: { title: 'Gamma', artists: ['B'], genres: ['rock'], explicit: true } },
    { x: 0.4, track: { title: 'Delta', artists: ['C', 'A'], genres: ['pop'], popularity: 90 } },
    { x: 0.5, track: { title: 'Thinking Out Loud', artists: ['Ed Sheeran'], genres: ['pop'] } },
    { x: 0.6, track: { title: 'Epsilon', artists: ['D'], genres: ['jazz'], popularity: null } },
  ]);

  it('GIVEN releases of the query song WHEN recommending THEN neither the query nor its releases appear', () => {
    const results = recommendFromTrack(catalog, 0, { count: 8, maxPerArtist: Infinity });
    expect(ids(results)).not.toContain('t0');
    expect(ids(results)).not.toContain('t1');
  });

  it('GIVEN two releases of one song nearby WHEN recommending THEN only the closer one is listed', () => {
    const results = recommendFromTrack(catalog, 0, { count: 8, maxPerArtist: Infinity });
    expect(ids(results)).toEqual(['t2', 't4', 't5', 't6', 't7', 't8']);
  });

  it('GIVEN the default cap WHEN recommending THEN each primary artist appears once, the query artist included', () => {
    const results = recommendFromTrack(catalog, 0, { count: 5 });
    expect(ids(results)).toEqual(['t2', 't5', 't6', 't7', 't8']);
    expect(results.filter((r) => r.track.artists[0] === 'Ed Sheeran')).toHaveLength(1);
  });

  it('GIVEN filters WHEN recommending THEN every result satisfies them', () => {
    expect(ids(recommendFromTrack(catalog, 0, { genre: 'Rock', count: 5 }))).toEqual(['t4', 't5']);
    // t7 shares pop too, but Ed Sheeran already has t0 under the default cap of 1.
    expect(ids(recommendFromTrack(catalog, 2, { sameGenre: true, count: 5 }))).toEqual([
      't0',
      't6',
    ]);
    expect(ids(recommendFromTrack(catalog, 0, { excludeArtist: 'a', count: 5 }))).toEqual([
      't5',
      't7',
      't8',
    ]);
    expect(ids(recommendFromTrack(catalog, 0, { minPopularity: 60, count: 5 }))).toEqual(['t6']);
    expect(ids(recommendFromTrack(catalog, 0, { noExplicit: true, count: 3 }))).toEqual([
      't2',
      't6',
      't7',
    ]);
  });

  it('GIVEN offsets WHEN paging THEN pages continue the same list without repeats', () => {
    const all = recommendFromTrack(catalog, 0, { count: 6, maxPerArtist: 2 });
    const first = recommendFromTrack(catalog, 0, { count: 3, maxPerArtist: 2 });
    const second = recommendFromTrack(catalog, 0, { count: 3, offset: 3, maxPerArtist: 2 });
    expect([...ids(first), ...ids(second)]).toEqual(ids(all));
  });

  it('GIVEN equally close songs WHEN the popularity mode changes THEN only the order of near-ties moves', () => {
    const tie = lineCatalog([
      { x: 0, track: { title: 'Seed', artists: ['S'] } },
      { x: 0.2, track: { title: 'Obscure', artists: ['O'], popularity: 2 } },
      { x: 0.21, track: { title: 'Famous', artists: ['F'], popularity: 95 } },
      { x: 0.6, track: { title: 'Far hit', artists: ['H'], popularity: 100 } },
    ]);
    expect(ids(recommendFromTrack(tie, 0, { count: 1, popularity: 'any' }))).toEqual(['t1']);
    expect(ids(recommendFromTrack(tie, 0, { count: 1 }))).toEqual(['t2']);
    expect(ids(recommendFromTrack(tie, 0, { count: 1, popularity: 'deep-cuts' }))).toEqual(['t1']);
    expect(ids(recommendFromTrack(tie, 0, { count: 1, popularity: 'popular' }))).toEqual(['t2']);
    // A hit far away in sound stays out of a page of two; the page is shown closest first.
    expect(ids(recommendFromTrack(tie, 0, { count: 2, popularity: 'popular' }))).toEqual([
      't1',
      't2',
    ]);
  });

  it('GIVEN an unknown popularity mode WHEN recommending THEN the error names the choices', () => {
    expect(() => recommendFromTrack(catalog, 0, { popularity: 'viral' as never })).toThrow(
      /balanced, popular, any, deep-cuts/,
    );
  });

  it('GIVEN results WHEN scored THEN similarity is 0-100 and never rises with distance', () => {
    const results = recommendFromTrack(catalog, 0, { count: 6, maxPerArtist: 9 });
    for (const [k, r] of results.entries()) {
      expect(r.similarity).toBeGreaterThanOrEqual(0);
      expect(r.similarity).toBeLessThanOrEqual(100);
      expect(r.reason.length).toBeGreaterThan(0);
      if (k > 0) expect(r.similarity).toBeLessThanOrEqual(results[k - 1]!.similarity);
    }
    expect(results[0]!.similarity).toBeGreaterThan(results[results.length - 1]!.similarity);
  });

  it('GIVEN bad options WHEN recommending THEN a user-facing error explains', () => {
    expect(() => recommendFromTrack(catalog, 0, { count: 0 })).toThrow(InvalidQueryError);
    expect(() => recommendFromTrack(catalog, 0, { genre: 'polka' })).toThrow(UnknownGenreError);
    expect(() => recommendFromTrack(catalog, 0, { minPopularity: 80, maxPopularity: 10 })).toThrow(
      InvalidQueryError,
    );
    expect(() => recommendFromTrack(catalog, 1, { sameGenre: true })).toThrow(InvalidQueryError);
  });

  it('GIVEN a larger synthetic catalog WHEN recommending from every 50th track THEN lists never repeat a song or hold the query song', () => {
    const big = new TrackCatalog(sourceFromTracks(makeSyntheticTracks(3000, 9)));
    for (let q = 0; q < big.size; q += 50) {
      const results = recommendFromTrack(big, q, { count: 10, maxPerArtist: 3 });
      const songs = results.map((r) => big.songIds[r.index]);
      expect(new Set(songs).size).toBe(songs.length);
      expect(songs).not.toContain(big.songIds[q]);
      const perArtist = new Map<number, number>();
      for (const r of results)
        perArtist.set(big.artistIds[r.index]!, (perArtist.get(big.artistIds[r.index]!) ?? 0) + 1);
      expect(Math.max(...perArtist.values())).toBeLessThanOrEqual(3);
    }
  });
});
