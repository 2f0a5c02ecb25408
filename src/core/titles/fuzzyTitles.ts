// Typo-tolerant lookups: candidates that share trigrams with the query, checked by edit distance.
import { prefixEditDistance } from './editDistance.ts';
import type { TitleIndex } from './titleIndex.ts';
import { decodePostings, postingCount } from './titlePostings.ts';
import { forEachTrigram } from './trigrams.ts';

/** Candidates checked by edit distance, at most: keeps a miss fast however common the trigrams
 * (on the real data a larger cap was slower for no better first hits; measure with npm run bench). */
const MAX_CANDIDATES = 120;

interface Scratch {
  counts: Uint16Array;
  touched: Int32Array;
  /** One decoded posting list at a time (a used list holds at most `common` ranks, or is among the 4 rarest). */
  list: Int32Array;
}

const scratchOf = new WeakMap<TitleIndex, Scratch>();

function scratchFor(index: TitleIndex): Scratch {
  let scratch = scratchOf.get(index);
  if (!scratch) {
    const songs = index.trackOfRank.length;
    const list = new Int32Array(0);
    scratch = { counts: new Uint16Array(songs), touched: new Int32Array(songs), list };
    scratchOf.set(index, scratch);
  }
  return scratch;
}

/** Edits allowed for a query of this length: none below 4 characters, up to 3 from 10. */
export function allowedEdits(length: number): number {
  return length < 4 ? 0 : length < 6 ? 1 : length < 10 ? 2 : 3;
}

/**
 * Ranks of songs whose "title artist" text starts within allowedEdits of `query`, best first
 * (fewest edits, then most popular). `skip` excludes ranks already found otherwise.
 */
export function fuzzyRanks(
  index: TitleIndex,
  query: string,
  limit: number,
  skip: (rank: number) => boolean,
): number[] {
  const q = query.slice(0, MAX_QUERY);
  const maxEdits = allowedEdits(q.length);
  if (maxEdits === 0) return [];
  const { ranks, trigramCount } = topSharingRanks(index, q, MAX_CANDIDATES);
  const minShared = Math.max(1, trigramCount - 1 - 3 * maxEdits);
  const found: { rank: number; edits: number }[] = [];
  for (const { rank, shared } of ranks) {
    if (shared < minShared || skip(rank)) continue;
    const edits = prefixEditDistance(q, index.fullTexts.at(rank) as string, maxEdits);
    if (edits <= maxEdits) found.push({ rank, edits });
  }
  found.sort((a, b) => a.edits - b.edits || a.rank - b.rank);
  return found.slice(0, limit).map((f) => f.rank);
}

/** Ranks sharing the most trigrams with `query` (at least 2), for "did you mean" on a miss. */
export function similarTitleRanks(index: TitleIndex, query: string, limit: number): number[] {
  return topSharingRanks(index, query, limit)
    .ranks.filter((r) => r.shared >= 2)
    .map((r) => r.rank);
}

/** Only the start of a long query is compared: the prefix distance only needs the beginning. */
const MAX_QUERY = 32;

/**
 * Counts shared trigrams per song over the query's posting lists; keeps the top `keep`. Lists of
 * very common trigrams (" th", "the") cost the most and tell the least, so they are skipped;
 * `minShared` in the caller is lowered by the number skipped, keeping the q-gram bound sound.
 */
function topSharingRanks(
  index: TitleIndex,
  query: string,
  keep: number,
): { ranks: { rank: number; shared: number }[]; trigramCount: number } {
  const songs = index.trackOfRank.length;
  const scratch = scratchFor(index);
  const { counts, touched } = scratch;
  const lists: number[] = [];
  const seen = new Set<string>();
  forEachTrigram(` ${query.slice(0, MAX_QUERY)} `, (hi, lo) => {
    const key = `${hi}:${lo}`;
    if (seen.has(key)) return;
    seen.add(key);
    const id = index.trigrams.idOf(hi, lo);
    if (id >= 0) lists.push(id);
  });
  const lengthOf = (id: number): number => postingCount(index, id);
  lists.sort((a, b) => lengthOf(a) - lengthOf(b));
  const common = Math.max(1000, songs / 50);
  const used = lists.filter((id, k) => k < 4 || lengthOf(id) <= common);
  let touchedCount = 0;
  let maxShared = 0;
  for (const id of used) {
    if (scratch.list.length < lengthOf(id)) scratch.list = new Int32Array(lengthOf(id));
    const { list } = scratch;
    const length = decodePostings(index, id, list);
    for (let k = 0; k < length; k++) {
      const rank = list[k] as number;
      const c = (counts[rank] as number) + 1;
      counts[rank] = c;
      if (c === 1) touched[touchedCount++] = rank;
      if (c > maxShared) maxShared = c;
    }
  }
  const histogram = new Int32Array(maxShared + 2);
  for (let t = 0; t < touchedCount; t++) {
    const shared = counts[touched[t] as number] as number;
    histogram[shared] = (histogram[shared] as number) + 1;
  }
  let cutoff = maxShared;
  let total = histogram[maxShared] as number;
  while (cutoff > 1 && total + (histogram[cutoff - 1] as number) <= keep) {
    cutoff--;
    total += histogram[cutoff] as number;
  }
  const ranks: { rank: number; shared: number }[] = [];
  for (let t = 0; t < touchedCount; t++) {
    const rank = touched[t] as number;
    const shared = counts[rank] as number;
    if (shared >= cutoff) ranks.push({ rank, shared });
    counts[rank] = 0;
  }
  ranks.sort((a, b) => b.shared - a.shared || a.rank - b.rank);
  return { ranks: ranks.slice(0, keep), trigramCount: seen.size - (lists.length - used.length) };
}
