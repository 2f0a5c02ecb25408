import { describe, expect, it } from 'vitest';
import { scaledAt } from '../../src/core/catalog/featureTable.ts';
import { TrackCatalog } from '../../src/core/catalog/catalog.ts';
import { CatalogSourceError, UnknownGenreError } from '../../src/core/errors.ts';
import { resolveGenre, searchGenres } from '../../src/core/queries/genres.ts';
import { makeTrack, sourceFromTracks } from './syntheticCatalog.ts';

const tracks = [
  makeTrack({
    id: 'a',
    title: 'One',
    artists: ['Band'],
    genres: ['k-pop', 'pop'],
    popularity: null,
    explicit: true,
  }),
  makeTrack({
    id: 'b',
    title: 'One - Remastered',
    artists: ['band'],
    genres: ['pop'],
    explicit: null,
  }),
  makeTrack({
    id: 'c',
    title: 'Two',
    artists: ['Other'],
    genres: ['acoustic'],
    features: { tempo: 200 },
  }),
];

describe('TrackCatalog', () => {
  const catalog = new TrackCatalog(sourceFromTracks(tracks));

  it('GIVEN tracks WHEN built THEN typed arrays hold popularity, explicit, songs, artists and scaled features', () => {
    expect(Array.from(catalog.popularity)).toEqual([-1, 50, 50]);
    expect(Array.from(catalog.explicit)).toEqual([1, 2, 0]);
    expect(catalog.songIds[0]).toBe(catalog.songIds[1]);
    expect(catalog.songIds[2]).not.toBe(catalog.songIds[0]);
    expect(catalog.artistIds[0]).toBe(catalog.artistIds[1]);
    expect(catalog.indexOfId('c')).toBe(2);
    expect(catalog.indexOfId('zzz')).toBe(-1);
    expect(scaledAt(catalog.featureTable, 2, 10)).toBe(1); // tempo 200 at the scaler's max
  });

  it('GIVEN genres WHEN listed THEN they are sorted with counts and searchable', () => {
    expect(catalog.genres).toEqual([
      { name: 'acoustic', count: 1 },
      { name: 'k-pop', count: 1 },
      { name: 'pop', count: 2 },
    ]);
    expect(searchGenres(catalog, 'po').map((g) => g.name)).toEqual(['pop', 'k-pop']);
    expect(catalog.genres[resolveGenre(catalog, 'KPop')]?.name).toBe('k-pop');
    expect(() => resolveGenre(catalog, 'polka')).toThrow(UnknownGenreError);
  });

  it('GIVEN vectors that do not match the tracks WHEN built THEN CatalogSourceError names the mismatch', () => {
    const source = { ...sourceFromTracks(tracks), vectors: new Float32Array(5) };
    expect(() => new TrackCatalog(source)).toThrow(CatalogSourceError);
  });
});
