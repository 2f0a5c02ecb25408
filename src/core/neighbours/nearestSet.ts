// The k nearest points of a k-d tree as a set, for callers that re-order them anyway. Best-first:
// nodes are taken nearest box first from a queue, each descended nearer child first to a leaf.
// Candidates gather in a buffer of 2k that is cut back to the best k by quickselect when it fills;
// once it first holds k, their largest key bounds the search (no select needed for that). Measured
// at k = 1,000 on 89.7k tracks: the best-first walk 1.4x faster than a depth-first one (2,500
// points scanned per query instead of 4,150), the first bound without a select 1.2x more; a
// buffer was 40% faster than a bounded heap (a heap pays log k per candidate, the buffer a store).
// 3-D points (the served DNA) take unrolled loops, measured 10-15% faster than the general ones.
import type { KdTree } from './kdTree.ts';
import { boxDistance } from './kdTree.ts';
import { MinPairQueue } from './minPairQueue.ts';
import { largestKey, selectSmallest } from './selectSmallest.ts';

/**
 * The k points nearest `query` that pass `accept`, ascending by index: exactly the first k
 * accepted when every point is sorted by (distance, index). `accept` (all when left out) must
 * not keep state.
 */
export function nearestSet(
  tree: KdTree,
  query: ArrayLike<number>,
  k: number,
  accept?: (index: number) => boolean,
): Int32Array {
  return nearestUnordered(tree, query, k, accept).sort();
}

/** The same set as nearestSet, in no particular order. */
export function nearestUnordered(
  tree: KdTree,
  query: ArrayLike<number>,
  k: number,
  accept?: (index: number) => boolean,
): Int32Array {
  if (tree.nodeCount === 0 || k < 1) return new Int32Array(0);
  const q = Float64Array.from({ length: tree.dim }, (_, d) => query[d] as number);
  const gatherer = new Gatherer(tree, q, k, accept);
  const nodes = new MinPairQueue(64);
  nodes.push(0, 0);
  while (nodes.size > 0 && nodes.topKey <= gatherer.bound) {
    const leaf = descend(tree, nodes.pop(), q, nodes, gatherer.bound);
    if (leaf >= 0) gatherer.scanLeaf(leaf);
  }
  return gatherer.result();
}

/**
 * From `node` down to a leaf, nearer child first, queueing each further child within `bound`.
 * Returns the leaf, or -1 when even the nearer child lies beyond the bound.
 */
function descend(
  tree: KdTree,
  node: number,
  q: Float64Array,
  nodes: MinPairQueue,
  bound: number,
): number {
  const box = tree.dim === 3 ? boxDistance3 : boxDistance;
  for (let left = tree.left[node] as number; left >= 0; left = tree.left[node] as number) {
    const right = tree.right[node] as number;
    const toLeft = box(tree, left, q);
    const toRight = box(tree, right, q);
    if (Math.min(toLeft, toRight) > bound) return -1;
    if (Math.max(toLeft, toRight) <= bound) {
      nodes.push(Math.max(toLeft, toRight), toLeft <= toRight ? right : left);
    }
    node = toLeft <= toRight ? left : right;
  }
  return node;
}

/** The candidate buffer: the best k (key, index) pairs so far, and the bound they set. */
class Gatherer {
  private readonly keys: Float64Array;
  private readonly items: Int32Array;
  private count = 0;
  /** Candidates further than this cannot be among the k nearest; ties can (they win on index). */
  bound = Infinity;
  private bounded = false;

  constructor(
    private readonly tree: KdTree,
    private readonly q: Float64Array,
    private readonly k: number,
    private readonly accept: ((index: number) => boolean) | undefined,
  ) {
    this.keys = new Float64Array(2 * k);
    this.items = new Int32Array(2 * k);
  }

  /** Offers every point of a leaf. */
  scanLeaf(node: number): void {
    const { start, end, dim, leafPoints } = this.tree;
    const { q } = this;
    const last = end[node] as number;
    if (dim === 3) {
      const [q0, q1, q2] = q as unknown as [number, number, number];
      for (let j = start[node] as number; j < last; j++) {
        const a = (leafPoints[3 * j] as number) - q0;
        const b = (leafPoints[3 * j + 1] as number) - q1;
        const c = (leafPoints[3 * j + 2] as number) - q2;
        const key = a * a + b * b + c * c;
        if (key <= this.bound) this.offer(key, j);
      }
    } else {
      for (let j = start[node] as number; j < last; j++) {
        let key = 0;
        for (let d = 0; d < dim; d++) {
          const diff = (leafPoints[j * dim + d] as number) - (q[d] as number);
          key += diff * diff;
        }
        if (key <= this.bound) this.offer(key, j);
      }
    }
    if (!this.bounded && this.count >= this.k) {
      // Any k held bound the k-th nearest: their largest key, without a select (measured 18%
      // faster than cutting to the best k here, as the next cut comes at 2k either way).
      this.bounded = true;
      this.bound = largestKey(this.keys, this.count);
    }
  }

  /** The k best indices gathered, in no particular order. */
  result(): Int32Array {
    if (this.count > this.k) this.cut();
    return this.items.slice(0, this.count);
  }

  private offer(key: number, position: number): void {
    const index = this.tree.order[position] as number;
    if (this.accept && !this.accept(index)) return;
    this.keys[this.count] = key;
    this.items[this.count++] = index;
    if (this.count === this.keys.length) this.cut();
  }

  private cut(): void {
    selectSmallest(this.keys, this.items, this.count, this.k);
    this.count = this.k;
    this.bound = largestKey(this.keys, this.k);
  }
}

/** boxDistance for 3-D trees, unrolled. */
function boxDistance3(tree: KdTree, node: number, q: ArrayLike<number>): number {
  const { boxMin, boxMax } = tree;
  const b = 3 * node;
  const g0 = gap(q[0] as number, boxMin[b] as number, boxMax[b] as number);
  const g1 = gap(q[1] as number, boxMin[b + 1] as number, boxMax[b + 1] as number);
  const g2 = gap(q[2] as number, boxMin[b + 2] as number, boxMax[b + 2] as number);
  return g0 * g0 + g1 * g1 + g2 * g2;
}

function gap(value: number, lo: number, hi: number): number {
  return value < lo ? lo - value : value > hi ? value - hi : 0;
}
