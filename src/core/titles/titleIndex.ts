// The title search index: one entry per song (its most popular release), ranked by popularity,
// with a trigram index over "title artist" for substring and typo-tolerant lookups. All typed
// arrays and one string per song, so a snapshot restores it by copying.
import type { StringList } from './stringList.ts';
import type { ExactTitleTable } from './exactTitles.ts';
import { buildExactTitles, firstRankWithTitle } from './exactTitles.ts';
import { TrigramTable } from './trigrams.ts';

/**
 * Entries are "ranks": 0 is the most popular song. Posting lists hold ranks in ascending order,
 * so walking one visits songs from most to least popular.
 */
export interface TitleIndex {
  /** rank -> track index of the song's most popular release. */
  trackOfRank: Int32Array;
  /** rank -> normalised "title primary-artist" (just the title when there is no artist). */
  fullTexts: StringList;
  /** rank -> length of the normalised title, which starts fullTexts[rank]. */
  titleLengths: Int32Array;
  exactTitles: ExactTitleTable;
  trigrams: TrigramTable;
  postingOffsets: Int32Array;
  postings: Int32Array;
}

/** Per-track inputs, already normalised by the catalog. */
export interface TitleIndexInput {
  titles: StringList;
  artistKeys: StringList;
  artistIds: Int32Array;
  songIds: Int32Array;
  songCount: number;
  popularity: Int16Array;
}

/** Builds the index: picks each song's most popular release, orders songs, indexes trigrams. */
export function buildTitleIndex(input: TitleIndexInput): TitleIndex {
  const trackOfRank = pickMostPopularReleases(input.songIds, input.songCount, input.popularity);
  const count = input.songCount;
  const titles = new Array<string>(count);
  const fullTexts = new Array<string>(count);
  const titleLengths = new Int32Array(count);
  for (let rank = 0; rank < count; rank++) {
    const track = trackOfRank[rank] as number;
    const title = input.titles.at(track) as string;
    const artist = input.artistKeys.at(input.artistIds[track] as number) as string;
    titles[rank] = title;
    titleLengths[rank] = title.length;
    fullTexts[rank] = artist === '' ? title : `${title} ${artist}`;
  }
  return {
    trackOfRank,
    fullTexts,
    titleLengths,
    exactTitles: buildExactTitles(titles),
    ...buildPostings(fullTexts),
  };
}

/** Number of songs in the index. */
export function songCountOf(index: TitleIndex): number {
  return index.trackOfRank.length;
}

/** The normalised title of `rank`. */
export function titleOfRank(index: TitleIndex, rank: number): string {
  return (index.fullTexts.at(rank) as string).slice(0, index.titleLengths[rank]);
}

/** Calls `visit` on each rank whose title is exactly `title` (ascending) until it returns false. */
export function forEachRankWithTitle(
  index: TitleIndex,
  title: string,
  visit: (rank: number) => boolean,
): void {
  const equals = (rank: number, q: string): boolean =>
    index.titleLengths[rank] === q.length && (index.fullTexts.at(rank) as string).startsWith(q);
  let rank = firstRankWithTitle(index.exactTitles, title, equals);
  for (; rank >= 0 && visit(rank); rank = index.exactTitles.next[rank] as number);
}

/** rank -> track: one release per song, songs ordered by popularity (desc), then track index. */
function pickMostPopularReleases(
  songIds: Int32Array,
  songCount: number,
  popularity: Int16Array,
): Int32Array {
  const best = new Int32Array(songCount).fill(-1);
  for (let i = 0; i < songIds.length; i++) {
    const song = songIds[i] as number;
    const current = best[song] as number;
    if (current < 0 || (popularity[i] as number) > (popularity[current] as number)) best[song] = i;
  }
  return best.sort((a, b) => (popularity[b] as number) - (popularity[a] as number) || a - b);
}

/** Trigram posting lists (CSR layout) over " text ", each list deduplicated and rank-ascending. */
function buildPostings(
  texts: readonly string[],
): Pick<TitleIndex, 'trigrams' | 'postingOffsets' | 'postings'> {
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
