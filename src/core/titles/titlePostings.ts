// Trigram posting lists of the title index: for each trigram of " title artist ", the ranks whose
// text holds it, ascending, so walking a list visits songs from most to least popular. Each list
// is stored as the gaps between its ranks in LEB128 varints: 2.8 MB instead of 8.8 MB of Int32
// on the real data, resident for as long as the bot runs. Lists are only ever walked front to
// back (autocomplete intersects them by merging), so nothing needs random access.
import { TrigramTable } from './trigrams.ts';

/** Posting lists: list `id` is the varints postings[postingOffsets[id] .. postingOffsets[id + 1]),
 * holding postingCounts[id] ranks. */
export interface TitlePostings {
  trigrams: TrigramTable;
  postingOffsets: Int32Array;
  postingCounts: Int32Array;
  postings: Uint8Array;
}

/** Trigram posting lists over " text ", each list deduplicated and rank-ascending. */
export function buildPostings(texts: readonly string[]): TitlePostings {
  const trigrams = new TrigramTable();
  let lastRank = new Int32Array(1024).fill(-1);
  let counts = new Int32Array(1024);
  let idsOfText = new Int32Array(texts.length * 24);
  const textOffsets = new Int32Array(texts.length + 1);
  let length = 0;
  for (let rank = 0; rank < texts.length; rank++) {
    const text = ` ${texts[rank] as string} `;
    for (let j = 0; j + 2 < text.length; j++) {
      const id = trigrams.insert(
        text.charCodeAt(j),
        (text.charCodeAt(j + 1) << 16) | text.charCodeAt(j + 2),
      );
      if (id >= lastRank.length) {
        lastRank = grow(lastRank, -1);
        counts = grow(counts, 0);
      }
      if (lastRank[id] === rank) continue;
      lastRank[id] = rank;
      counts[id] = (counts[id] as number) + 1;
      if (length === idsOfText.length) idsOfText = grow(idsOfText, 0);
      idsOfText[length++] = id;
    }
    textOffsets[rank + 1] = length;
  }
  const postingOffsets = new Int32Array(trigrams.size + 1);
  for (let id = 0; id < trigrams.size; id++) {
    postingOffsets[id + 1] = (postingOffsets[id] as number) + (counts[id] as number);
  }
  const fill = postingOffsets.slice(0, trigrams.size);
  const postings = new Int32Array(length);
  for (let rank = 0; rank < texts.length; rank++) {
    for (let k = textOffsets[rank] as number; k < (textOffsets[rank + 1] as number); k++) {
      const id = idsOfText[k] as number;
      postings[fill[id] as number] = rank;
      fill[id] = (fill[id] as number) + 1;
    }
  }
  return { trigrams, ...encodeLists(postingOffsets, postings) };
}

/** Ranks in list `id`. */
export function postingCount(lists: TitlePostings, id: number): number {
  return lists.postingCounts[id] as number;
}

/** Reads one list's ranks front to back, undoing the varint gaps. */
class PostingReader {
  private readonly postings: Uint8Array;
  /** Where the next varint starts; past `end` only if the last one ran over its list. */
  at: number;
  private readonly end: number;
  private rank = 0;

  constructor(lists: TitlePostings, id: number) {
    this.postings = lists.postings;
    this.at = lists.postingOffsets[id] as number;
    this.end = lists.postingOffsets[id + 1] as number;
  }

  get more(): boolean {
    return this.at < this.end;
  }

  /** The next rank (call only while `more`). */
  next(): number {
    const { postings } = this;
    let byte = postings[this.at++] as number;
    let gap = byte & 0x7f;
    for (let shift = 7; byte >= 0x80; shift += 7) {
      byte = postings[this.at++] as number; // undefined past the bytes: the varint ends there
      gap |= (byte & 0x7f) << shift;
    }
    return (this.rank += gap);
  }
}

/** Writes list `id`'s ranks into `into` from index 0 (it must hold postingCount); returns the count. */
export function decodePostings(lists: TitlePostings, id: number, into: Int32Array): number {
  const reader = new PostingReader(lists, id);
  let n = 0;
  while (reader.more) into[n++] = reader.next();
  return n;
}

/**
 * Keeps, in order, the ranks of sorted[0 .. length) that list `id` also holds, by merging the two;
 * returns how many are kept (they are moved to the front of `sorted`).
 */
export function keepRanksInList(
  lists: TitlePostings,
  id: number,
  sorted: Int32Array,
  length: number,
): number {
  const reader = new PostingReader(lists, id);
  let rank = -1;
  let kept = 0;
  for (let k = 0; k < length; k++) {
    const wanted = sorted[k] as number;
    while (rank < wanted && reader.more) rank = reader.next();
    if (rank === wanted) sorted[kept++] = wanted;
    else if (rank < wanted) break; // the list ended below wanted
  }
  return kept;
}

/** What is wrong with these lists for an index of `songs` songs (as a sentence), or null: each list
 * must fit in the bytes, hold its count of ranks, ascending and below `songs`. */
export function postingListsProblem(lists: TitlePostings, songs: number): string | null {
  const { postingOffsets: offsets, postingCounts: counts, postings } = lists;
  if (offsets.length !== lists.trigrams.size + 1 || counts.length !== lists.trigrams.size) {
    return `The posting lists do not number ${lists.trigrams.size}, one per trigram`;
  }
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== postings.length) {
    return 'The posting lists do not cover their bytes';
  }
  for (let id = 0; id < counts.length; id++) {
    const reader = new PostingReader(lists, id);
    const end = offsets[id + 1] as number;
    let rank = -1;
    let n = 0;
    while (reader.more) {
      const next = reader.next();
      if (next <= rank || reader.at > end) break;
      rank = next;
      n++;
    }
    if (reader.at !== end || n !== counts[id] || rank >= songs) {
      return `Posting list ${id} does not hold ${counts[id]} ascending ranks below ${songs}`;
    }
  }
  return null;
}

// The lists of buildPostings' Int32 layout (list id is ranks[offsets[id] .. offsets[id + 1])) as
// varint gaps, one list after another; the first gap of a list is its first rank.
function encodeLists(offsets: Int32Array, ranks: Int32Array): Omit<TitlePostings, 'trigrams'> {
  const lists = offsets.length - 1;
  const postingCounts = new Int32Array(lists);
  const gapAt = (k: number, first: number) =>
    k === first ? (ranks[k] as number) : (ranks[k] as number) - (ranks[k - 1] as number);
  let bytes = 0;
  for (let id = 0; id < lists; id++) {
    const first = offsets[id] as number;
    postingCounts[id] = (offsets[id + 1] as number) - first;
    for (let k = first; k < (offsets[id + 1] as number); k++)
      bytes += varintLength(gapAt(k, first));
  }
  const postings = new Uint8Array(bytes);
  const postingOffsets = new Int32Array(lists + 1);
  let at = 0;
  for (let id = 0; id < lists; id++) {
    const first = offsets[id] as number;
    for (let k = first; k < (offsets[id + 1] as number); k++) {
      let gap = gapAt(k, first);
      while (gap >= 0x80) {
        postings[at++] = (gap & 0x7f) | 0x80;
        gap >>>= 7;
      }
      postings[at++] = gap;
    }
    postingOffsets[id + 1] = at;
  }
  return { postingOffsets, postingCounts, postings };
}

function varintLength(value: number): number {
  let length = 1;
  while (value >= 0x80) {
    value >>>= 7;
    length++;
  }
  return length;
}

function grow(array: Int32Array<ArrayBuffer>, fillValue: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2).fill(fillValue);
  grown.set(array);
  return grown;
}
