// Walks a k-d tree's points in increasing distance from a query (best-first search), one at a time,
// so callers can skip filtered points and stop as soon as they have enough.
import type { KdTree } from './kdTree.ts';
import { squaredDistance } from './squaredDistance.ts';

/**
 * Yields point indices ordered by (distance, index), exactly like sorting every point. The heap
 * holds both tree nodes (keyed by the distance to their box, a lower bound) and points; at equal
 * keys nodes pop first (they are stored as negative items), so a point is only yielded once every
 * point at least as close is already in the heap.
 */
export class NeighbourCursor {
  private keys = new Float64Array(64);
  private items = new Int32Array(64);
  private size = 0;
  private lastSquared = NaN;

  constructor(
    private readonly tree: KdTree,
    private readonly query: ArrayLike<number>,
  ) {
    if (tree.nodeCount > 0) this.push(this.boxDistance(0), -1);
  }

  /** Euclidean distance of the point last returned by next(). */
  get distance(): number {
    return Math.sqrt(this.lastSquared);
  }

  /** The next closest point's index, or -1 when every point has been returned. */
  next(): number {
    const { tree } = this;
    while (this.size > 0) {
      const key = this.keys[0] as number;
      const item = this.pop();
      if (item >= 0) {
        this.lastSquared = key;
        return item;
      }
      const node = -item - 1;
      const left = tree.left[node] as number;
      if (left >= 0) {
        const right = tree.right[node] as number;
        this.push(this.boxDistance(left), -left - 1);
        this.push(this.boxDistance(right), -right - 1);
        continue;
      }
      for (let k = tree.start[node] as number; k < (tree.end[node] as number); k++) {
        const index = tree.order[k] as number;
        this.push(squaredDistance(tree.points, tree.dim, index, this.query), index);
      }
    }
    return -1;
  }

  /** Squared distance from the query to the node's bounding box (0 inside it). */
  private boxDistance(node: number): number {
    const { dim, boxMin, boxMax } = this.tree;
    let sum = 0;
    for (let d = 0; d < dim; d++) {
      const q = this.query[d] as number;
      const lo = boxMin[node * dim + d] as number;
      const hi = boxMax[node * dim + d] as number;
      const gap = q < lo ? lo - q : q > hi ? q - hi : 0;
      sum += gap * gap;
    }
    return sum;
  }

  private less(a: number, b: number): boolean {
    const ka = this.keys[a] as number;
    const kb = this.keys[b] as number;
    return ka < kb || (ka === kb && (this.items[a] as number) < (this.items[b] as number));
  }

  private push(key: number, item: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    this.keys[i] = key;
    this.items[i] = item;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private pop(): number {
    const top = this.items[0] as number;
    const last = --this.size;
    this.keys[0] = this.keys[last] as number;
    this.items[0] = this.items[last] as number;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < last && this.less(l, best)) best = l;
      if (r < last && this.less(r, best)) best = r;
      if (best === i) break;
      this.swap(i, best);
      i = best;
    }
    return top;
  }

  private swap(a: number, b: number): void {
    const k = this.keys[a] as number;
    this.keys[a] = this.keys[b] as number;
    this.keys[b] = k;
    const t = this.items[a] as number;
    this.items[a] = this.items[b] as number;
    this.items[b] = t;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    const items = new Int32Array(this.items.length * 2);
    items.set(this.items);
    this.items = items;
  }
}
