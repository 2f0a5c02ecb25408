// Naive versions of the three queries, measured beside the real ones so the ratio is visible:
// plain loops over an array of objects, full sorts, String.includes and full Levenshtein.
import type { TrackCatalog } from '../../src/core/catalog/index.ts';
import { FEATURE_COUNT, scaledAt } from '../../src/core/catalog/index.ts';
import { normalizeText } from '../../src/core/titles/index.ts';

/** One track as a naive implementation would hold it. */
export interface NaiveTrack {
  vector: number[];
  song: number;
  artist: number;
  title: string;
  scaled: number[];
}

/** The catalog as an array of objects. */
export function naiveTracks(catalog: TrackCatalog): NaiveTrack[] {
  return Array.from({ length: catalog.size }, (_, i) => ({
    vector: Array.from(catalog.vectorOf(i)),
    song: catalog.songIds[i] as number,
    artist: catalog.artistIds[i] as number,
    title: normalizeText(catalog.columns.titles.at(i) as string),
    scaled: Array.from({ length: FEATURE_COUNT }, (_, c) => scaledAt(catalog.featureTable, i, c)),
  }));
}

/** Brute force: distance to every track, full sort, then skip the query's song and repeats. */
export function naiveRecommend(tracks: readonly NaiveTrack[], query: number, k = 5): number[] {
  const q = tracks[query] as NaiveTrack;
  const scored = tracks.map((t, i) => {
    let sum = 0;
    for (let d = 0; d < q.vector.length; d++)
      sum += ((t.vector[d] as number) - (q.vector[d] as number)) ** 2;
    return { i, d: Math.sqrt(sum) };
  });
  scored.sort((a, b) => a.d - b.d);
  const songs = new Set([q.song]);
  const artists = new Set<number>();
  const out: number[] = [];
  for (const { i } of scored) {
    const t = tracks[i] as NaiveTrack;
    if (songs.has(t.song) || artists.has(t.artist)) continue;
    songs.add(t.song);
    artists.add(t.artist);
    out.push(i);
    if (out.length === k) break;
  }
  return out;
}

/** Linear scan: titles containing the query, else the 25 closest by full Levenshtein distance. */
export function naiveSearch(tracks: readonly NaiveTrack[], text: string, limit = 25): number[] {
  const q = normalizeText(text);
  const hits: number[] = [];
  tracks.forEach((t, i) => {
    if (t.title.includes(q)) hits.push(i);
  });
  if (hits.length >= limit) return hits.slice(0, limit);
  const scored = tracks.map((t, i) => ({ i, d: levenshtein(q, t.title) }));
  scored.sort((a, b) => a.d - b.d);
  return [...hits, ...scored.slice(0, limit - hits.length).map((s) => s.i)];
}

/** Vibe by brute force: squared distance over the targeted scaled columns for every track, full sort. */
export function naiveVibe(
  tracks: readonly NaiveTrack[],
  columns: readonly number[],
  targets: readonly number[],
  k = 5,
): number[] {
  const scored = tracks.map((t, i) => {
    let sum = 0;
    columns.forEach((c, j) => (sum += ((t.scaled[c] as number) - (targets[j] as number)) ** 2));
    return { i, d: sum };
  });
  scored.sort((a, b) => a.d - b.d);
  return scored.slice(0, k).map((s) => s.i);
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
