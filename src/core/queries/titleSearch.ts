// Title search for autocomplete: exact, then prefix, word-prefix, substring, artist, then fuzzy
// matches; within each kind the most popular song first. One entry per song (its most popular
// release). Titles are compared without their release suffixes: "hey jude" is an exact match for
// "Hey Jude - Remastered 2015", and a word met only in "(feat. X)" or "- Live" counts as "artist"
// (the text around the title), not as part of the title.
import type { TrackCatalog } from '../catalog/index.ts';
import { fuzzyRanks } from '../titles/index.ts';
import { normalizeText } from '../titles/index.ts';
import type { TitleIndex } from '../titles/index.ts';
import { exactRanks, songCountOf } from '../titles/index.ts';
import { formatTrackLabel } from './trackLabel.ts';
import { decodePostings, forEachTrigram, keepRanksInList, postingCount } from '../titles/index.ts';

/** How a result matched, best first. */
export const MATCH_KINDS = ['exact', 'prefix', 'word', 'substring', 'artist', 'fuzzy'] as const;
export type TitleMatchKind = (typeof MATCH_KINDS)[number];

/** One autocomplete choice: label "Title - Artist" (<= 100 chars), value the track id. */
export interface TitleMatch {
  index: number;
  label: string;
  value: string;
  match: TitleMatchKind;
}

/** Discord shows at most 25 autocomplete choices. */
export const MAX_CHOICES = 25;
const FUZZY = 5;

/** Songs matching what a person typed, best first, at most `limit` (1-25). */
export function searchTitles(
  catalog: TrackCatalog,
  query: string,
  limit = MAX_CHOICES,
): TitleMatch[] {
  const max = Math.max(1, Math.min(MAX_CHOICES, Math.floor(limit)));
  const index = catalog.titleIndex;
  const q = normalizeText(query);
  const buckets: number[][] = MATCH_KINDS.map(() => []);
  if (q === '') {
    for (let rank = 0; rank < Math.min(max, songCountOf(index)); rank++) buckets[1]?.push(rank);
  } else {
    collectExactKinds(index, query, q, max, buckets);
    const found = buckets.reduce((sum, b) => sum + b.length, 0);
    if (found < max) {
      const seen = new Set(buckets.flat());
      buckets[FUZZY] = fuzzyRanks(index, q, max - found, (rank) => seen.has(rank));
    }
  }
  const results: TitleMatch[] = [];
  buckets.forEach((ranks, kind) => {
    for (const rank of ranks) {
      if (results.length >= max) return;
      const trackIndex = index.trackOfRank[rank] as number;
      const track = catalog.track(trackIndex);
      results.push({
        index: trackIndex,
        label: formatTrackLabel(track),
        value: track.id,
        match: MATCH_KINDS[kind] as TitleMatchKind,
      });
    }
  });
  return results;
}

/**
 * Fills buckets 0-4 (`query` as typed, `q` normalised). Candidates come from a trigram posting
 * list in popularity order, so each bucket fills already sorted, and the walk stops once no later
 * song could make the top `max`.
 */
function collectExactKinds(
  index: TitleIndex,
  query: string,
  q: string,
  max: number,
  buckets: number[][],
): void {
  buckets[0] = exactRanks(index, query, max);
  const exactSet = new Set(buckets[0]);
  const wordQuery = ` ${q}`;
  const deepest = q.length < 3 ? 3 : 5;
  const counts = new Int32Array(5);
  counts[0] = buckets[0]?.length ?? 0;
  const visit = (rank: number): boolean => {
    let allowed = 0;
    let sum = 0;
    while (allowed < deepest && sum + (counts[allowed] as number) < max)
      sum += counts[allowed++] as number;
    if (allowed <= 1) return false;
    if (exactSet.has(rank)) return true;
    const full = index.fullTexts.at(rank) as string;
    const baseLength = index.baseLengths[rank] as number;
    let kind = -1;
    if (full.startsWith(q)) kind = 1;
    else if (allowed > 2 && inTitle(full.indexOf(wordQuery), wordQuery.length, baseLength))
      kind = 2;
    else if (allowed > 3 && inTitle(full.indexOf(q), q.length, baseLength)) kind = 3;
    else if (allowed > 4 && full.includes(q)) kind = 4;
    if (kind > 0) {
      buckets[kind]?.push(rank);
      counts[kind] = (counts[kind] as number) + 1;
    }
    return true;
  };
  const candidates = candidateRanks(index, q);
  if (candidates === 'all') {
    for (let rank = 0; rank < songCountOf(index); rank++) if (!visit(rank)) return;
  } else {
    for (const rank of candidates) if (!visit(rank)) return;
  }
}

/** Whether a match at `at` (first occurrence, or -1) lies wholly inside the base title. */
function inTitle(at: number, length: number, titleLength: number): boolean {
  return at >= 0 && at + length <= titleLength;
}

// Candidate ranks of the current search: grown to the longest list met and kept, so typing does
// not allocate a buffer per keystroke.
let candidateScratch = new Int32Array(0);

/**
 * Ranks that may contain q, ascending. Queries of 3+ characters use their rarest trigrams
 * (intersected); 2 characters use the word-start trigram " xy"; 1 character scans everything.
 * The result is only good until the next call.
 */
function candidateRanks(index: TitleIndex, q: string): Int32Array | 'all' {
  if (q.length === 1) return 'all';
  const lists: number[] = [];
  let missing = false;
  forEachTrigram(q.length === 2 ? ` ${q}` : q, (hi, lo) => {
    const id = index.trigrams.idOf(hi, lo);
    if (id < 0) missing = true;
    else lists.push(id);
  });
  if (missing || lists.length === 0) return new Int32Array(0);
  lists.sort((a, b) => postingCount(index, a) - postingCount(index, b));
  const rarest = lists[0] as number;
  if (candidateScratch.length < postingCount(index, rarest)) {
    candidateScratch = new Int32Array(postingCount(index, rarest));
  }
  const candidates = candidateScratch;
  let length = decodePostings(index, rarest, candidates);
  for (let k = 1; k < Math.min(3, lists.length) && length > 64; k++) {
    length = keepRanksInList(index, lists[k] as number, candidates, length);
  }
  return candidates.subarray(0, length);
}
