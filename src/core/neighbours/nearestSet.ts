// The k nearest points of a k-d tree as a set, for callers that re-order them anyway: a
// depth-first search, nearer child first, that gathers candidates in a buffer of 2k and cuts it
// back to the best k by quickselect when it fills. Measured at k = 1,000 on 89.7k tracks, this is
// 40% faster than keeping a bounded heap (a heap pays log k per candidate; the buffer pays a
// store, and a linear select per k candidates). Leaves are scanned in tree order, contiguous.
import type { KdTree } from './kdTree.ts';
import { boxDistance } from './kdTree.ts';
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
  if (tree.nodeCount === 0 || k < 1) return new Int32Array(0);
  const capacity = 2 * k;
  const keys = new Float64Array(capacity);
  const items = new Int32Array(capacity);
  let count = 0;
  // Candidates further than `bound` cannot be among the k nearest; ties can (they win on index).
  let bound = Infinity;
  const { dim, order, leafPoints } = tree;
  const q = new Float64Array(dim);
  for (let d = 0; d < dim; d++) q[d] = query[d] as number;
  const scanLeaf = (node: number): void => {
    for (let j = tree.start[node] as number; j < (tree.end[node] as number); j++) {
      let key = 0;
      for (let d = 0; d < dim; d++) {
        const diff = (leafPoints[j * dim + d] as number) - (q[d] as number);
        key += diff * diff;
      }
      if (key > bound) continue;
      const index = order[j] as number;
      if (accept && !accept(index)) continue;
      keys[count] = key;
      items[count++] = index;
      if (count === capacity) {
        selectSmallest(keys, items, count, k);
        count = k;
        bound = largestKey(keys, k);
      }
    }
  };
  const visit = (node: number): void => {
    const left = tree.left[node] as number;
    if (left < 0) return scanLeaf(node);
    const right = tree.right[node] as number;
    const toLeft = boxDistance(tree, left, q);
    const toRight = boxDistance(tree, right, q);
    if (toLeft <= toRight) {
      if (toLeft <= bound) visit(left);
      if (toRight <= bound) visit(right);
    } else {
      if (toRight <= bound) visit(right);
      if (toLeft <= bound) visit(left);
    }
  };
  visit(0);
  if (count > k) selectSmallest(keys, items, count, k);
  return items.slice(0, Math.min(count, k)).sort();
}
