// core/neighbours: exact nearest-neighbour search in the latent space (k-d tree, best-first
// cursor, brute-force reference) and the bounded top-k heap the scans share.
export * from './kdTree.ts';
export * from './pairHeap.ts';
export * from './minPairQueue.ts';
export * from './nearest.ts';
export * from './nearestSet.ts';
export * from './selectSmallest.ts';
export * from './neighbourCursor.ts';
export * from './squaredDistance.ts';
export * from './topK.ts';
