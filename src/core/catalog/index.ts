// core/catalog: one run's tracks held in memory as typed columns plus their indexes, how they
// are built from tracks, and how they are packed to and restored from a snapshot.
export * from './binaryPack.ts';
export * from './catalog.ts';
export * from './catalogColumns.ts';
export * from './catalogIndexes.ts';
export * from './catalogSnapshot.ts';
export * from './catalogSource.ts';
export * from './featureTable.ts';
export * from './genreTable.ts';
export * from './randomPairs.ts';
export * from './scalerParams.ts';
