// Exact title matches: songs whose title, release suffixes (and subtitle) set aside, is what was
// typed. What the person typed may carry a suffix itself ("Cheap Thrills (feat. Sean Paul)").
import { baseTitleOf, shortTitleOf } from './baseTitle.ts';
import { firstRankWithTitle } from './exactTitles.ts';
import { normalizeText } from './normalizeText.ts';
import type { TitleIndex } from './titleIndex.ts';

/**
 * Typed text longer than this is no title (the longest in the 114k data set has 511 characters):
 * its suffixes are not looked for, which keeps pasted junk from costing milliseconds.
 */
const MAX_TITLE_LENGTH = 600;

/**
 * Ranks matching `typed` exactly, at most `max`, in three tiers, each most popular first: songs
 * whose base or short title is the typed text; then, when the typed text carries a suffix, songs
 * whose whole title it is ("Bohemian Rhapsody - Live Aid"); then songs whose base or short title
 * is the typed text's own ("Bohemian Rhapsody"), so another release of the song, or the song
 * typed with a credit its most popular release lacks, is still found.
 */
export function exactRanks(index: TitleIndex, typed: string, max: number): number[] {
  const q = normalizeText(typed);
  const ranks: number[] = [];
  const seen = new Set<number>();
  const add = (rank: number): boolean => {
    if (!seen.has(rank)) {
      seen.add(rank);
      ranks.push(rank);
    }
    return ranks.length < max;
  };
  if (q === '') return ranks;
  forEachExactRank(index, q, add);
  if (typed.length > MAX_TITLE_LENGTH) return ranks;
  // Most typed text has no suffix: then both are q, with no second normalisation.
  const trimmed = typed.trim();
  const baseTitle = baseTitleOf(trimmed);
  const shortTitle = shortTitleOf(baseTitle);
  const base = baseTitle === trimmed ? q : normalizeText(baseTitle);
  const short = shortTitle === baseTitle ? base : normalizeText(shortTitle);
  if (base !== q && base !== '' && ranks.length < max) {
    const titleIs = (rank: number): boolean =>
      index.titleLengths[rank] === q.length && (index.fullTexts.at(rank) as string).startsWith(q);
    forEachExactRank(index, base, (rank) => !titleIs(rank) || add(rank));
  }
  for (const key of [base, short]) {
    if (key !== q && key !== '' && ranks.length < max) forEachExactRank(index, key, add);
  }
  return ranks;
}

/**
 * Calls `visit` on each rank whose base title or short title is exactly `text`, ascending (most
 * popular first), until it returns false: "hey jude" visits "Hey Jude - Remastered 2015" and
 * covers titled "Hey Jude" by popularity; "sweet dreams" and "sweet dreams are made of this" both
 * visit "Sweet Dreams (Are Made of This) - Remastered".
 */
export function forEachExactRank(
  index: TitleIndex,
  text: string,
  visit: (rank: number) => boolean,
): void {
  const { baseLengths, shortLengths, exactBases, exactShorts } = index;
  const startsWith = (rank: number, q: string): boolean =>
    (index.fullTexts.at(rank) as string).startsWith(q);
  const shortIs = (rank: number, q: string): boolean =>
    shortLengths[rank] === q.length && startsWith(rank, q);
  const baseIs = (rank: number, q: string): boolean =>
    baseLengths[rank] === q.length && startsWith(rank, q);
  // The two chains never share a rank: the short one holds only short titles that differ from
  // their base title. Merged in rank order, most popular first.
  let byShort = firstRankWithTitle(exactShorts, text, shortIs);
  let byBase = firstRankWithTitle(exactBases, text, baseIs);
  while (byShort >= 0 || byBase >= 0) {
    const fromShort = byBase < 0 || (byShort >= 0 && byShort < byBase);
    if (!visit(fromShort ? byShort : byBase)) return;
    if (fromShort) byShort = exactShorts.next[byShort] as number;
    else byBase = exactBases.next[byBase] as number;
  }
}
