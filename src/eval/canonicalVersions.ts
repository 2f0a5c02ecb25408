// Canonical-version rate: when a listener types a song's title, do they get its most popular
// version? Measured over the most popular titles that exist in several versions (tracks whose
// title is the same once release suffixes, and by default a bracketed subtitle, are set aside; see
// core/titles/baseTitle.ts), each typed that way: "Bohemian Rhapsody", "Sweet Dreams".
import type { TrackCatalog } from '../core/catalog/index.ts';
import { formatTrackLabel, resolveTrack } from '../core/queries/index.ts';
import { baseTitleOf, normalizeText, shortTitleOf } from '../core/titles/index.ts';

export interface CanonicalVersionOptions {
  /** How many multi-version titles to type, the most popular first; default 300. */
  titles?: number;
  /**
   * What is set aside from a title to type it: 'short' (default) release suffixes and a bracketed
   * subtitle ("Sweet Dreams"), 'base' release suffixes only ("Sweet Dreams (Are Made of This)").
   */
  typed?: 'short' | 'base';
}

/** A title that did not open on its most popular version. */
export interface CanonicalVersionFailure {
  typed: string;
  /** "Title - Artist" of the track it resolved to (or the error it raised), with popularity. */
  got: string;
  expected: string;
}

export interface CanonicalVersionReport {
  /** Titles typed (fewer than asked when the catalog holds fewer multi-version titles). */
  titles: number;
  /** Titles resolved to a version of that title as popular as its most popular one. */
  resolvedToMostPopular: number;
  rate: number;
  failures: CanonicalVersionFailure[];
}

interface TitleGroup {
  /** The most popular version (lowest index among equals). */
  top: number;
  versions: number;
}

/** Types each of the most popular multi-version titles as a listener would; checks what it opens. */
export function canonicalVersionRate(
  catalog: TrackCatalog,
  options: CanonicalVersionOptions = {},
): CanonicalVersionReport {
  const count = options.titles ?? 300;
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`titles must be a positive integer, got ${count}`);
  }
  const popularity = catalog.popularity;
  const typedTitleOf = options.typed === 'base' ? baseTitleOf : shortTitleOf;
  const typedKeyOf = (index: number): string =>
    normalizeText(typedTitleOf(catalog.columns.titles.at(index) as string));
  const groups = groupByTypedTitle(catalog, typedKeyOf);
  const chosen = [...groups.entries()]
    .filter(([, group]) => group.versions > 1)
    .sort(
      ([, a], [, b]) =>
        (popularity[b.top] as number) - (popularity[a.top] as number) || a.top - b.top,
    )
    .slice(0, count);
  const failures: CanonicalVersionFailure[] = [];
  for (const [key, group] of chosen) {
    const typed = typedTitleOf(catalog.columns.titles.at(group.top) as string);
    const expected = labelOf(catalog, group.top);
    let got: number;
    try {
      got = resolveTrack(catalog, typed).index;
    } catch (error) {
      failures.push({ typed, got: `(${(error as Error).message})`, expected });
      continue;
    }
    const sameTitle = typedKeyOf(got) === key;
    if (!sameTitle || popularity[got] !== popularity[group.top]) {
      failures.push({ typed, got: labelOf(catalog, got), expected });
    }
  }
  const resolvedToMostPopular = chosen.length - failures.length;
  return {
    titles: chosen.length,
    resolvedToMostPopular,
    rate: chosen.length === 0 ? 1 : resolvedToMostPopular / chosen.length,
    failures,
  };
}

/** Typed title key -> its most popular track and number of tracks. */
function groupByTypedTitle(
  catalog: TrackCatalog,
  typedKeyOf: (index: number) => string,
): Map<string, TitleGroup> {
  const groups = new Map<string, TitleGroup>();
  const popularity = catalog.popularity;
  for (let i = 0; i < catalog.size; i++) {
    const key = typedKeyOf(i);
    if (key === '') continue;
    const group = groups.get(key);
    if (!group) groups.set(key, { top: i, versions: 1 });
    else {
      group.versions++;
      if ((popularity[i] as number) > (popularity[group.top] as number)) group.top = i;
    }
  }
  return groups;
}

function labelOf(catalog: TrackCatalog, index: number): string {
  return `${formatTrackLabel(catalog.track(index))} (popularity ${catalog.popularity[index]})`;
}
