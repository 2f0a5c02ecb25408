// Exact title lookups without a Map: an open-addressing hash table of distinct titles in typed
// arrays, so it can be stored in a snapshot and loaded by copying.

/** Slots hold the lowest rank of each distinct title; `next` chains the other ranks, ascending. */
export interface ExactTitleTable {
  /** Power-of-two length; -1 marks an empty slot. */
  slots: Int32Array;
  /** rank -> the next higher rank with the same title, -1 at the end. */
  next: Int32Array;
}

/** Tells whether `rank`'s title is exactly `title`. */
export type TitleEquals = (rank: number, title: string) => boolean;

/** Builds the table over `titles` (one per rank; an undefined title leaves that rank out). */
export function buildExactTitles(titles: readonly (string | undefined)[]): ExactTitleTable {
  const count = titles.length;
  let present = 0;
  for (const title of titles) if (title !== undefined) present++;
  let size = 16;
  while (size < present * 2) size *= 2;
  const slots = new Int32Array(size).fill(-1);
  const tails = new Int32Array(size);
  const next = new Int32Array(count).fill(-1);
  const mask = size - 1;
  for (let rank = 0; rank < count; rank++) {
    const title = titles[rank];
    if (title === undefined) continue;
    for (let slot = hashTitle(title) & mask; ; slot = (slot + 1) & mask) {
      const first = slots[slot] as number;
      if (first < 0) {
        slots[slot] = rank;
        tails[slot] = rank;
        break;
      }
      if (titles[first] === title) {
        next[tails[slot] as number] = rank;
        tails[slot] = rank;
        break;
      }
    }
  }
  return { slots, next };
}

/** The lowest rank whose title is exactly `title`, or -1. */
export function firstRankWithTitle(
  table: ExactTitleTable,
  title: string,
  equals: TitleEquals,
): number {
  const mask = table.slots.length - 1;
  for (let slot = hashTitle(title) & mask; ; slot = (slot + 1) & mask) {
    const rank = table.slots[slot] as number;
    if (rank < 0 || equals(rank, title)) return rank;
  }
}

/** FNV-1a over UTF-16 code units: fixed, so stored tables stay valid. */
function hashTitle(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
