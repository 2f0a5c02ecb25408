// Exact k nearest neighbours of given query rows over every row: by brute force, or through a
// k-d tree where that is faster. The reference the evaluation measures embeddings against.
//
// Other releases of the query's song (same normalised title and primary artist, see
// src/core/titles/songKey.ts) never count as neighbours, nor does the query itself: a recommender that
// returned them would look good here and be useless in Discord.

import { TopK } from '../core/neighbours/index.ts';
import { buildKdTree } from '../core/neighbours/index.ts';
import { nearestNeighbours } from '../core/neighbours/index.ts';

/** Euclidean, or cosine (Euclidean between unit vectors after centring the cloud on its mean). */
export type Metric = 'euclidean' | 'cosine';

/** Row-major points (rows x dim) prepared for a metric: cosine rows are centred and unit length. */
export function pointsForMetric(points: Float32Array, dim: number, metric: Metric): Float32Array {
  if (metric === 'euclidean') return points;
  const rows = points.length / dim;
  const mean = new Float64Array(dim);
  for (let i = 0; i < points.length; i++) (mean[i % dim] as number) += (points[i] as number) / rows;
  const out = new Float32Array(points.length);
  for (let r = 0; r < rows; r++) {
    let norm = 0;
    for (let d = 0; d < dim; d++) {
      const v = (points[r * dim + d] as number) - (mean[d] as number);
      out[r * dim + d] = v;
      norm += v * v;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dim; d++) (out[r * dim + d] as number) *= scale;
  }
  return out;
}

/** Squared distances from row `query` to every row, into `out`. */
export function squaredDistancesFrom(
  points: Float32Array,
  dim: number,
  query: number,
  out: Float64Array,
): Float64Array {
  const rows = points.length / dim;
  const q = points.subarray(query * dim, query * dim + dim);
  for (let r = 0, at = 0; r < rows; r++, at += dim) {
    let sum = 0;
    for (let d = 0; d < dim; d++) {
      const diff = (points[at + d] as number) - (q[d] as number);
      sum += diff * diff;
    }
    out[r] = sum;
  }
  return out;
}

/** What a neighbour search over prepared rows is asked: see nearestForQueries. */
export interface NeighbourSearch {
  /** Rows prepared with pointsForMetric, `dim` values each. */
  points: Float32Array;
  dim: number;
  /** Row numbers to search from. */
  queries: Int32Array;
  k: number;
  /** A row with the query's song id is never its neighbour. */
  songIds: Int32Array;
}

/**
 * For each query row, its k nearest rows (queries x k, nearest first, ties by index, -1 where
 * fewer exist), skipping rows with the query's song id: through a k-d tree (much faster in 2-4
 * dimensions) or by scanning every row (the reference).
 */
export function nearestForQueries(search: NeighbourSearch, method: 'tree' | 'scan'): Int32Array {
  const { queries, k } = search;
  const out = new Int32Array(queries.length * k).fill(-1);
  const find = method === 'tree' ? treeSearch(search) : scanSearch(search);
  queries.forEach((query, qi) => find(query).forEach((index, j) => (out[qi * k + j] = index)));
  return out;
}

function scanSearch({ points, dim, k, songIds }: NeighbourSearch): (query: number) => number[] {
  const distances = new Float64Array(points.length / dim);
  return (query) => {
    squaredDistancesFrom(points, dim, query, distances);
    const song = songIds[query];
    const top = new TopK(k);
    for (let r = 0; r < distances.length; r++) {
      const d = distances[r] as number;
      if (top.rejects(d) || songIds[r] === song) continue;
      top.push(d, r);
    }
    return top.sorted().map(({ index }) => index);
  };
}

function treeSearch({ points, dim, k, songIds }: NeighbourSearch): (query: number) => number[] {
  const tree = buildKdTree(points, dim);
  return (query) => {
    const song = songIds[query];
    const found = nearestNeighbours(
      tree,
      points.subarray(query * dim, query * dim + dim),
      k,
      (index) => songIds[index] !== song,
    );
    return found.map(({ index }) => index);
  };
}
