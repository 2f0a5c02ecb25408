// core/queries: what a listener asks of a catalog: find a song by title, recommend from a song,
// match a vibe, with filters, similarity scores and reasons.
export * from './featureFormat.ts';
export * from './featureLimits.ts';
export * from './featureMoments.ts';
export * from './featureSpace.ts';
export * from './genres.ts';
export * from './journey.ts';
export * from './popularityMode.ts';
export * from './ranking.ts';
export * from './reason.ts';
export * from './recommend.ts';
export * from './recommendChecks.ts';
export * from './recommendOptions.ts';
export * from './resolveTrack.ts';
export * from './resultSelector.ts';
export * from './similarity.ts';
export * from './titleSearch.ts';
export * from './trackLabel.ts';
export * from './vibe.ts';
export * from './vibeQuery.ts';
