import { describe, expect, it } from 'vitest';
import { TrackCatalog } from '../../src/core/catalog/catalog.ts';
import {
  decodeCatalogSnapshot,
  encodeCatalogSnapshot,
} from '../../src/core/catalog/catalogSnapshot.ts';
import { CatalogSourceError } from '../../src/core/errors.ts';
import { recommendFromTrack } from '../../src/core/queries/recommend.ts';
import type { ByteSource } from '../../src/core/catalog/binaryPack.ts';
import { PackedStrings, toArray } from '../../src/core/titles/stringList.ts';
import { searchTitles } from '../../src/core/queries/titleSearch.ts';
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
    ...{ runId, latentDim, features, scaler, encoder },
    ...decodeCatalogSnapshot(bytes),
  });

  it('GIVEN a catalog WHEN snapshotted and restored THEN tracks, search and recommendations are the same', () => {
    expect(restored.size).toBe(built.size);
    expect(restored.track(0)).toEqual(built.track(0));
    expect(restored.track(1)).toEqual(built.track(1));
    expect(restored.indexOfId('x2')).toBe(1);
    expect(restored.genres).toEqual(built.genres);
    const remaster = tracks.find((t) => t.title.includes(' - Remastered'))?.title as string;
    const base = remaster.slice(0, remaster.indexOf(' - '));
    for (const query of ['halo', 'beyonce', 'love', 'lvoe nigth', 'ひか', 'e', remaster, base]) {
      expect(searchTitles(restored, query)).toEqual(searchTitles(built, query));
    }
    expect(searchTitles(restored, base)[0]?.match).toBe('exact');
    for (const index of [0, 5, 99, 500]) {
      expect(recommendFromTrack(restored, index, { count: 8 })).toEqual(
        recommendFromTrack(built, index, { count: 8 }),
      );
    }
  });

  it('GIVEN a restored catalog WHEN snapshotted again THEN the bytes are the same (its strings stay packed)', () => {
    expect(restored.columns.titles).toBeInstanceOf(PackedStrings);
    expect(Buffer.from(encodeCatalogSnapshot(restored.columns, restored.indexes))).toEqual(
      Buffer.from(bytes),
    );
  });

  it('GIVEN the snapshot read in parts of one byte (splitting every UTF-8 character) WHEN restored THEN it is the same', () => {
    const byteByByte: ByteSource = {
      byteLength: bytes.byteLength,
      read(position, into) {
        for (let k = 0; k < into.byteLength; k++)
          into.set(bytes.subarray(position + k, position + k + 1), k);
      },
    };
    const again = decodeCatalogSnapshot(byteByByte);
    expect(toArray(again.columns.titles)).toEqual(toArray(restored.columns.titles));
    expect(again.columns.titles.at(1)).toBe('ひかり');
    expect(Array.from(again.columns.raw)).toEqual(Array.from(restored.columns.raw));
    expect(Array.from(again.vectors)).toEqual(Array.from(vectors));
  });

  it('GIVEN packed strings WHEN read THEN each item comes back, and positions outside give undefined', () => {
    const list = new PackedStrings('Haloひかりx', Int32Array.from([4, 4, 7, 8]));
    expect([0, 1, 2, 3].map((k) => list.at(k))).toEqual(['Halo', '', 'ひかり', 'x']);
    expect([list.length, list.at(4), list.at(-1), list.at(1.5)]).toEqual([
      4,
      undefined,
      undefined,
      undefined,
    ]);
    expect(() => new PackedStrings('abc', Int32Array.from([2]))).toThrow(RangeError);
  });

  it('GIVEN a snapshot whose vectors do not fit its tracks, or no snapshot at all, WHEN restored THEN CatalogSourceError', () => {
    const tree = { ...built.indexes.tree, points: new Float32Array(9) };
    const misfit = encodeCatalogSnapshot(built.columns, { ...built.indexes, tree });
    expect(() => decodeCatalogSnapshot(misfit)).toThrow(CatalogSourceError);
    expect(() => decodeCatalogSnapshot(new Uint8Array(16))).toThrow(CatalogSourceError);
  });
});
