import { describe, expect, it } from 'vitest';
import {
  buildPostings,
  decodePostings,
  keepRanksInList,
  postingCount,
  postingListsProblem,
} from '../../src/core/titles/index.ts';

// Texts whose trigram lists have gaps of 1, 2 and 3 varint bytes: "zzz" is in every 20,000th text.
const SONGS = 70_000;
const texts = Array.from({ length: SONGS }, (_, rank) =>
  rank % 20_000 === 7 ? 'zzz' : rank % 100 === 0 ? 'abc' : `t${rank % 7}`,
);
const lists = buildPostings(texts);

function idOf(trigram: string): number {
  const [a, b, c] = [0, 1, 2].map((k) => trigram.charCodeAt(k)) as [number, number, number];
  return lists.trigrams.idOf(a, (b << 16) | c);
}

function ranksOf(trigram: string): number[] {
  const into = new Int32Array(postingCount(lists, idOf(trigram)));
  return [...into.subarray(0, decodePostings(lists, idOf(trigram), into))];
}

describe('trigram posting lists', () => {
  it('give back every rank holding the trigram, ascending, whatever the gap', () => {
    expect(ranksOf('zzz')).toEqual([7, 20_007, 40_007, 60_007]);
    expect(ranksOf('abc')).toEqual(Array.from({ length: 700 }, (_, k) => k * 100));
    expect(ranksOf(' t3')).toEqual(
      Array.from({ length: SONGS }, (_, r) => r).filter(
        (r) => r % 7 === 3 && r % 100 !== 0 && r % 20_000 !== 7,
      ),
    );
  });

  it('are stored as varint gaps, far smaller than 4 bytes a rank', () => {
    const ranks = lists.postingCounts.reduce((sum, n) => sum + n, 0);
    expect(lists.postings.byteLength).toBeLessThan(ranks * 1.5);
  });

  it('intersect by merging: keeps, in order, the ranks also in the list', () => {
    const sorted = Int32Array.from([0, 7, 100, 101, 20_007, 60_007, 69_999]);
    const kept = keepRanksInList(lists, idOf('zzz'), sorted, sorted.length);
    expect([...sorted.subarray(0, kept)]).toEqual([7, 20_007, 60_007]);
    const none = Int32Array.from([69_999]);
    expect(keepRanksInList(lists, idOf('zzz'), none, 1)).toBe(0);
  });

  it('say what is wrong when a byte or a count is damaged', () => {
    expect(postingListsProblem(lists, SONGS)).toBeNull();
    expect(postingListsProblem(lists, 60_000)).toMatch(/below 60000/);
    const counts = lists.postingCounts.slice();
    counts[idOf('abc')] = 699;
    expect(postingListsProblem({ ...lists, postingCounts: counts }, SONGS)).toMatch(
      /does not hold 699 ascending ranks/,
    );
    const bytes = lists.postings.slice();
    bytes[bytes.length - 1] = 0x80; // a varint that runs past its list's end
    expect(postingListsProblem({ ...lists, postings: bytes }, SONGS)).toMatch(/Posting list/);
    const offsets = lists.postingOffsets.slice(0, -1);
    expect(postingListsProblem({ ...lists, postingOffsets: offsets }, SONGS)).toMatch(
      /one per trigram/,
    );
  });
});
