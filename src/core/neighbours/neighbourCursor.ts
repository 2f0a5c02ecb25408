// Walks a k-d tree's points in increasing distance from a query (best-first search), one at a time,
// so callers can skip filtered points and stop as soon as they have enough.
import type { KdTree } from './kdTree.ts';
import { boxDistance } from './kdTree.ts';
import { MinPairQueue } from './minPairQueue.ts';
import { squaredDistance } from './squaredDistance.ts';

/**
 * Yields point indices ordered by (distance, index), exactly like sorting every point. The heap
 * holds both tree nodes (keyed by the distance to their box, a lower bound) and points; at equal
 * keys nodes pop first (they are stored as negative items), so a point is only yielded once every
 * point at least as close is already in the heap.
 */
export class NeighbourCursor {
  private readonly heap = new MinPairQueue();
  private lastSquared = NaN;

  constructor(
    private readonly tree: KdTree,
    private readonly query: ArrayLike<number>,
  ) {
    if (tree.nodeCount > 0) this.heap.push(boxDistance(tree, 0, query), -1);
  }

  /** Euclidean distance of the point last returned by next(). */
  get distance(): number {
    return Math.sqrt(this.lastSquared);
  }

  /** Squared distance of the point last returned by next(). */
  get squaredDistance(): number {
    return this.lastSquared;
  }

  /** The next closest point's index, or -1 when every point has been returned. */
  next(): number {
    const { tree, heap, query } = this;
    while (heap.size > 0) {
      const key = heap.topKey;
      const item = heap.pop();
      if (item >= 0) {
        this.lastSquared = key;
        return item;
      }
      const node = -item - 1;
      const left = tree.left[node] as number;
      if (left >= 0) {
        const right = tree.right[node] as number;
        heap.push(boxDistance(tree, left, query), -left - 1);
        heap.push(boxDistance(tree, right, query), -right - 1);
        continue;
      }
      for (let k = tree.start[node] as number; k < (tree.end[node] as number); k++) {
        const index = tree.order[k] as number;
        heap.push(squaredDistance(tree.points, tree.dim, index, query), index);
      }
    }
    return -1;
  }
}
