// Trigram posting lists of the title index: for each trigram of " title artist ", the ranks whose
// text holds it, ascending, so walking a list visits songs from most to least popular.
import { TrigramTable } from './trigrams.ts';

/** Posting lists in CSR layout: list `id` is postings[postingOffsets[id] .. postingOffsets[id + 1]). */
export interface TitlePostings {
  trigrams: TrigramTable;
  postingOffsets: Int32Array;
  postings: Int32Array;
}

/** Trigram posting lists (CSR layout) over " text ", each list deduplicated and rank-ascending. */
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
  return { trigrams, postingOffsets, postings };
}

function grow(array: Int32Array<ArrayBuffer>, fillValue: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2).fill(fillValue);
  grown.set(array);
  return grown;
}
