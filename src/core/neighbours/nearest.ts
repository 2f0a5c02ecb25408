// Exact k nearest neighbours in latent space, with a filter applied in distance order.
//
// Metric: Euclidean. In a 3-D latent space, cosine distance would keep only the direction of a
// vector and throw away its length: one of the three dimensions the autoencoder learned.
import type { KdTree } from './kdTree.ts';
import { NeighbourCursor } from './neighbourCursor.ts';
import { squaredDistance } from './squaredDistance.ts';

/** One neighbour: a point index and its Euclidean distance to the query. */
export interface Neighbour {
  index: number;
  distance: number;
}

/**
 * Decides whether a candidate joins the result. Called in increasing (distance, index) order and
 * only until k candidates are accepted, so it may keep state (e.g. a per-artist cap).
 */
export type AcceptNeighbour = (index: number, distance: number) => boolean;

const acceptAll: AcceptNeighbour = () => true;

/** The k nearest accepted points, using the k-d tree. */
export function nearestNeighbours(
  tree: KdTree,
  query: ArrayLike<number>,
  k: number,
  accept: AcceptNeighbour = acceptAll,
): Neighbour[] {
  const cursor = new NeighbourCursor(tree, query);
  const result: Neighbour[] = [];
  while (result.length < k) {
    const index = cursor.next();
    if (index < 0) break;
    const distance = cursor.distance;
    if (accept(index, distance)) result.push({ index, distance });
  }
  return result;
}

/** Reference implementation: distance to every point, full sort, then the same filtered walk. */
export function bruteForceNearest(
  points: Float32Array,
  dim: number,
  query: ArrayLike<number>,
  k: number,
  accept: AcceptNeighbour = acceptAll,
): Neighbour[] {
  const n = Math.floor(points.length / dim);
  const squared = new Float64Array(n);
  for (let i = 0; i < n; i++) squared[i] = squaredDistance(points, dim, i, query);
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => (squared[a] as number) - (squared[b] as number) || a - b);
  const result: Neighbour[] = [];
  for (const index of order) {
    if (result.length >= k) break;
    const distance = Math.sqrt(squared[index] as number);
    if (accept(index, distance)) result.push({ index, distance });
  }
  return result;
}
