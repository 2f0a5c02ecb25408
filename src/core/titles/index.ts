// core/titles: what a title means. Normalising text, telling releases of one song apart from
// different songs, the title a listener types (release suffixes set aside), and the title index
// (exact, trigram and typo-tolerant lookups) the search uses.
export * from './baseTitle.ts';
export * from './exactMatches.ts';
export * from './fuzzyTitles.ts';
export * from './normalizeText.ts';
export * from './songKey.ts';
export * from './stringList.ts';
export * from './titleIndex.ts';
export * from './titlePostings.ts';
export * from './trigrams.ts';
