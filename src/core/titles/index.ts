// core/titles: what a title means. Normalising text, telling releases of one song apart from
// different songs, and the title index (exact, trigram and typo-tolerant lookups) the search uses.
export * from './fuzzyTitles.ts';
export * from './normalizeText.ts';
export * from './songKey.ts';
export * from './stringList.ts';
export * from './titleIndex.ts';
export * from './trigrams.ts';
export * from './baseTitle.ts';
