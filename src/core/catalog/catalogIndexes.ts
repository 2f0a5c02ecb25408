// The derived parts of a catalog: artist and song ids, id lookup, k-d tree, distance scale and
// title index. Built once (at publish, or from tracks) and then stored or kept as they are.
import type { StringList } from '../titles/index.ts';
import type { CatalogColumns } from './catalogColumns.ts';
import { primaryArtistOf } from './catalogColumns.ts';
import type { KdTree } from '../neighbours/index.ts';
import { buildKdTree } from '../neighbours/index.ts';
import { normalizeText } from '../titles/index.ts';
import { latentDistanceScale } from './latentDistanceScale.ts';
import { songKeyOf } from '../titles/index.ts';
import type { TitleIndex } from '../titles/index.ts';
import { buildTitleIndex } from '../titles/index.ts';

/** Everything a catalog computes from its columns and vectors. */
export interface CatalogIndexes {
  /** Primary artist id per track; ids index `artistKeys` (normalised names). */
  artistIds: Int32Array;
  artistKeys: StringList;
  /** Song id per track: releases of the same song (see songKey.ts) share one id. */
  songIds: Int32Array;
  songCount: number;
  /** Track indices sorted by id (then index), for binary-search id lookups. */
  idOrder: Int32Array;
  tree: KdTree;
  /** Distance scale D of the similarity formula (see similarity.ts). */
  distanceScale: number;
  titleIndex: TitleIndex;
}

/** Computes every index; normalises each title once and each distinct artist name once. */
export function buildCatalogIndexes(
  columns: CatalogColumns,
  vectors: Float32Array,
  latentDim: number,
): CatalogIndexes {
  const n = columns.ids.length;
  const artistIdOfName = new Map<string, number>();
  const artistIdOfKey = new Map<string, number>();
  const artistKeys: string[] = [];
  const songIdOfKey = new Map<string, number>();
  const artistIds = new Int32Array(n);
  const songIds = new Int32Array(n);
  const titles = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const artist = primaryArtistOf(columns, i);
    let artistId = artistIdOfName.get(artist);
    if (artistId === undefined) {
      const key = normalizeText(artist);
      artistId = artistIdOfKey.get(key);
      if (artistId === undefined) {
        artistId = artistKeys.length;
        artistIdOfKey.set(key, artistId);
        artistKeys.push(key);
      }
      artistIdOfName.set(artist, artistId);
    }
    const rawTitle = columns.titles.at(i) as string;
    const title = normalizeText(rawTitle);
    titles[i] = title;
    artistIds[i] = artistId;
    const songKey = songKeyOf(rawTitle, artist, title, artistKeys[artistId]);
    let songId = songIdOfKey.get(songKey);
    if (songId === undefined) {
      songId = songIdOfKey.size;
      songIdOfKey.set(songKey, songId);
    }
    songIds[i] = songId;
  }
  const songCount = songIdOfKey.size;
  const popularity = columns.popularity;
  return {
    artistIds,
    artistKeys,
    songIds,
    songCount,
    idOrder: sortByIds(columns.ids),
    tree: buildKdTree(vectors, latentDim),
    distanceScale: latentDistanceScale(vectors, latentDim),
    titleIndex: buildTitleIndex({
      titles,
      rawTitles: columns.titles,
      artistKeys,
      artistIds,
      songIds,
      songCount,
      popularity,
    }),
  };
}

/** Index of the track with this id (the first of equal ids), or -1, by binary search. */
export function findIdIndex(ids: StringList, idOrder: Int32Array, id: string): number {
  let lo = 0;
  let hi = idOrder.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ids.at(idOrder[mid] as number) as string) < id) lo = mid + 1;
    else hi = mid;
  }
  const index = lo < idOrder.length ? (idOrder[lo] as number) : -1;
  return index >= 0 && ids.at(index) === id ? index : -1;
}

function sortByIds(ids: StringList): Int32Array {
  const order = Int32Array.from({ length: ids.length }, (_, i) => i);
  return order.sort((a, b) => {
    const x = ids.at(a) as string;
    const y = ids.at(b) as string;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
}
