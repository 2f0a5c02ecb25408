// The k nearest points of a k-d tree as a set, for callers that re-order them anyway: a
// depth-first search with a bounded heap, cheaper than walking them in order one by one.
import type { KdTree } from './kdTree.ts';
import { boxDistance } from './kdTree.ts';
import { squaredDistance } from './squaredDistance.ts';
import { TopK } from './topK.ts';

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
  const top = new TopK(k);
  const { points, dim } = tree;
  const q = Float64Array.from({ length: dim }, (_, d) => query[d] as number);
  const visit = (node: number): void => {
    const left = tree.left[node] as number;
    if (left < 0) {
      for (let j = tree.start[node] as number; j < (tree.end[node] as number); j++) {
        const index = tree.order[j] as number;
        const key = squaredDistance(points, dim, index, q);
        if (!top.rejects(key) && (!accept || accept(index))) top.push(key, index);
      }
      return;
    }
    const right = tree.right[node] as number;
    const toLeft = boxDistance(tree, left, q);
    const toRight = boxDistance(tree, right, q);
    // Nearer child first; equal distances are not pruned: a point there could tie and win on index.
    if (toLeft <= toRight) {
      if (toLeft <= top.worstKey) visit(left);
      if (toRight <= top.worstKey) visit(right);
    } else {
      if (toRight <= top.worstKey) visit(right);
      if (toLeft <= top.worstKey) visit(left);
    }
  };
  visit(0);
  return top.indices().sort();
}
