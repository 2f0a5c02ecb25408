// The title search index: one entry per song (its most popular release), ranked by popularity,
// with exact lookups by base title (release suffixes set aside) and by short title (subtitle set
// aside too, see baseTitle.ts), and a trigram index over "title artist" for substring and
// typo-tolerant lookups. All typed arrays and one string per song, so a snapshot restores it by
// copying.
import { baseTitleOf, shortTitleOf } from './baseTitle.ts';
import type { ExactTitleTable } from './exactTitles.ts';
import { buildExactTitles } from './exactTitles.ts';
import { normalizeText } from './normalizeText.ts';
import type { StringList } from './stringList.ts';
import type { TitlePostings } from './titlePostings.ts';
import { buildPostings } from './titlePostings.ts';

/**
 * Entries are "ranks": 0 is the most popular song. Posting lists hold ranks in ascending order,
 * so walking one visits songs from most to least popular.
 */
export interface TitleIndex extends TitlePostings {
  /** rank -> track index of the song's most popular release. */
  trackOfRank: Int32Array;
  /** rank -> normalised "title primary-artist" (just the title when there is no artist). */
  fullTexts: StringList;
  /** rank -> length of the normalised title, which starts fullTexts[rank]. */
  titleLengths: Int32Array;
  /** rank -> length of the normalised base title, which starts the title ("hey jude" of
   * "hey jude remastered 2015"). */
  baseLengths: Int32Array;
  /** rank -> length of the normalised short title, which starts the base title ("sweet dreams" of
   * "sweet dreams are made of this"). */
  shortLengths: Int32Array;
  /** Ranks by normalised base title. */
  exactBases: ExactTitleTable;
  /** Ranks whose short title differs from their base title, by normalised short title. */
  exactShorts: ExactTitleTable;
}

/** Per-track inputs, already normalised by the catalog (`rawTitles` as released, for base titles). */
export interface TitleIndexInput {
  titles: StringList;
  rawTitles: StringList;
  artistKeys: StringList;
  artistIds: Int32Array;
  songIds: Int32Array;
  songCount: number;
  popularity: Int16Array;
}

/** Builds the index: picks each song's most popular release, orders songs, indexes titles. */
export function buildTitleIndex(input: TitleIndexInput): TitleIndex {
  const trackOfRank = pickMostPopularReleases(input.songIds, input.songCount, input.popularity);
  const count = input.songCount;
  const titles = new Array<string>(count);
  const bases = new Array<string>(count);
  const shorts = new Array<string | undefined>(count);
  const fullTexts = new Array<string>(count);
  const titleLengths = new Int32Array(count);
  const baseLengths = new Int32Array(count);
  const shortLengths = new Int32Array(count);
  for (let rank = 0; rank < count; rank++) {
    const track = trackOfRank[rank] as number;
    const title = input.titles.at(track) as string;
    const artist = input.artistKeys.at(input.artistIds[track] as number) as string;
    const rawTitle = input.rawTitles.at(track) as string;
    const baseTitle = baseTitleOf(rawTitle);
    const baseLength = lengthInside(baseTitle, rawTitle, title);
    const shortLength = lengthInside(shortTitleOf(baseTitle), rawTitle, title);
    titles[rank] = title;
    bases[rank] = title.slice(0, baseLength);
    shorts[rank] = shortLength === baseLength ? undefined : title.slice(0, shortLength);
    titleLengths[rank] = title.length;
    baseLengths[rank] = baseLength;
    shortLengths[rank] = shortLength;
    fullTexts[rank] = artist === '' ? title : `${title} ${artist}`;
  }
  return {
    trackOfRank,
    fullTexts,
    titleLengths,
    baseLengths,
    shortLengths,
    exactBases: buildExactTitles(bases),
    exactShorts: buildExactTitles(shorts),
    ...buildPostings(fullTexts),
  };
}

/**
 * Length of the normalised `stripped` (rawTitle with trailing parts removed) inside the normalised
 * `title`. Removing whole trailing parts keeps it a prefix at a word boundary; should normalising
 * ever break that, the whole title stands for itself (found as before, never wrongly).
 */
function lengthInside(stripped: string, rawTitle: string, title: string): number {
  if (stripped.length === rawTitle.trim().length) return title.length;
  const normalized = normalizeText(stripped);
  const fits =
    normalized !== '' && title.startsWith(normalized) && title.charAt(normalized.length) === ' ';
  return fits ? normalized.length : title.length;
}

/** Number of songs in the index. */
export function songCountOf(index: TitleIndex): number {
  return index.trackOfRank.length;
}

/** The normalised title of `rank`. */
export function titleOfRank(index: TitleIndex, rank: number): string {
  return (index.fullTexts.at(rank) as string).slice(0, index.titleLengths[rank]);
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
