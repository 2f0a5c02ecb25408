import { describe, expect, it } from 'vitest';
import { TrackCatalog } from '../../src/core/catalog.ts';
import { decodeCatalogSnapshot, encodeCatalogSnapshot } from '../../src/core/catalogSnapshot.ts';
import { CatalogSourceError } from '../../src/core/errors.ts';
import { recommendFromTrack } from '../../src/core/recommend.ts';
import { searchTitles } from '../../src/core/titleSearch.ts';
import { makeSyntheticTracks, makeTrack, sourceFromTracks } from './syntheticCatalog.ts';

describe('catalog snapshots', () => {
  const tracks = [
    makeTrack({ id: 'x1', title: 'Halo', artists: ['Beyoncé', 'Guest'], genres: ['pop', 'r-n-b'] }),
    makeTrack({ id: 'x2', title: 'ひかり', artists: ['宇多田'], popularity: null, explicit: null }),
    ...makeSyntheticTracks(800, 4),
  ];
  const source = sourceFromTracks(tracks);
  const built = new TrackCatalog(source);
  const bytes = encodeCatalogSnapshot(built.columns, built.indexes);
  const { runId, latentDim, vectors, features, scaler, encoder } = source;
  const restored = new TrackCatalog({
    ...{ runId, latentDim, vectors, features, scaler, encoder },
    ...decodeCatalogSnapshot(bytes, vectors),
  });

  it('GIVEN a catalog WHEN snapshotted and restored THEN tracks, search and recommendations are the same', () => {
    expect(restored.size).toBe(built.size);
    expect(restored.track(0)).toEqual(built.track(0));
    expect(restored.track(1)).toEqual(built.track(1));
    expect(restored.indexOfId('x2')).toBe(1);
    expect(restored.genres).toEqual(built.genres);
    for (const query of ['halo', 'beyonce', 'love', 'lvoe nigth', 'ひか', 'e']) {
      expect(searchTitles(restored, query)).toEqual(searchTitles(built, query));
    }
    for (const index of [0, 5, 99, 500]) {
      expect(recommendFromTrack(restored, index, { count: 8 })).toEqual(
        recommendFromTrack(built, index, { count: 8 }),
      );
    }
  });

  it('GIVEN a snapshot that does not fit the vectors WHEN restored THEN CatalogSourceError', () => {
    expect(() => decodeCatalogSnapshot(bytes, new Float32Array(9))).toThrow(CatalogSourceError);
    expect(() => decodeCatalogSnapshot(new Uint8Array(16), source.vectors)).toThrow(
      CatalogSourceError,
    );
  });
});
