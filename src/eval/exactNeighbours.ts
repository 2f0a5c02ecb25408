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

/**
 * For each query row, its k nearest rows (queries x k, nearest first, ties by index), skipping
 * rows with the query's song id. `points` must already be prepared with pointsForMetric.
 */
export function nearestForQueries(
  points: Float32Array,
  dim: number,
  queries: Int32Array,
  k: number,
  songIds: Int32Array,
): Int32Array {
  const rows = points.length / dim;
  const out = new Int32Array(queries.length * k);
  const distances = new Float64Array(rows);
  queries.forEach((query, qi) => {
    squaredDistancesFrom(points, dim, query, distances);
    const song = songIds[query];
    const top = new TopK(k);
    for (let r = 0; r < rows; r++) {
      const d = distances[r] as number;
      if (top.rejects(d) || songIds[r] === song) continue;
      top.push(d, r);
    }
    out.fill(-1, qi * k, qi * k + k);
    top.sorted().forEach(({ index }, j) => (out[qi * k + j] = index));
  });
  return out;
}

/** Same result as nearestForQueries, through a k-d tree: much faster in 2-4 dimensions. */
export function nearestByTree(
  points: Float32Array,
  dim: number,
  queries: Int32Array,
  k: number,
  songIds: Int32Array,
): Int32Array {
  const tree = buildKdTree(points, dim);
  const out = new Int32Array(queries.length * k).fill(-1);
  queries.forEach((query, qi) => {
    const song = songIds[query];
    const found = nearestNeighbours(
      tree,
      points.subarray(query * dim, query * dim + dim),
      k,
      (index) => songIds[index] !== song,
    );
    found.forEach(({ index }, j) => (out[qi * k + j] = index));
  });
  return out;
}
