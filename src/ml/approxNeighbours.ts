// Approximate raw-space k nearest neighbours of every training row, for the neighbour loss.
//
// Exact 10-NN of 80,000 rows in 9-D costs tens of seconds in JavaScript. A random-projection forest
// is much cheaper: each tree splits the rows at the median of a random direction until at most
// `leafSize` remain; the rows sharing a leaf with a row in any tree are its candidates, and the k
// closest candidates by exact distance are kept (the candidate step of Annoy / UMAP's NN-descent).
import { selectNth } from '../core/kdTree.ts';

/** rows x k neighbour indices, row-major, nearest first. */
export interface NeighbourGraph {
  k: number;
  neighbours: Int32Array;
}

/** Builds the approximate k-NN graph of row-major rows (rows x dim), seeded by `random`. */
export function buildNeighbourGraph(
  x: Float32Array,
  rows: number,
  dim: number,
  random: () => number,
  { trees = 6, leafSize = 16, k = 10 } = {},
): NeighbourGraph {
  const bestD = new Float64Array(rows * k).fill(Infinity);
  const bestI = new Int32Array(rows * k).fill(-1);
  const projection = new Float64Array(rows);
  const direction = new Float64Array(dim);
  const order = new Int32Array(rows);
  for (let t = 0; t < trees; t++) {
    for (let i = 0; i < rows; i++) order[i] = i;
    const stack: number[] = [0, rows];
    while (stack.length > 0) {
      const end = stack.pop() as number;
      const start = stack.pop() as number;
      if (end - start <= leafSize) {
        offerLeaf(x, dim, order, start, end, k, bestD, bestI);
        continue;
      }
      randomDirection(direction, random);
      for (let p = start; p < end; p++) {
        const row = order[p] as number;
        let sum = 0;
        for (let d = 0; d < dim; d++)
          sum += (x[row * dim + d] as number) * (direction[d] as number);
        projection[row] = sum;
      }
      const mid = (start + end) >> 1;
      selectNth(order, projection, 1, 0, start, end - 1, mid);
      stack.push(start, mid, mid, end);
    }
  }
  // A row alone in every leaf (only possible with tiny inputs) is its own neighbour.
  for (let i = 0; i < rows * k; i++) if (bestI[i] === -1) bestI[i] = Math.floor(i / k);
  return { k, neighbours: bestI };
}

/** For each listed row, one of its graph neighbours picked at random. */
export function drawNeighbours(
  graph: NeighbourGraph,
  rows: Uint32Array,
  random: () => number,
  out = new Uint32Array(rows.length),
): Uint32Array {
  const { k, neighbours } = graph;
  for (let i = 0; i < rows.length; i++) {
    out[i] = neighbours[(rows[i] as number) * k + Math.floor(random() * k)] as number;
  }
  return out;
}

/** Offers every pair of rows in order[start..end) to each other's top-k lists. */
function offerLeaf(
  x: Float32Array,
  dim: number,
  order: Int32Array,
  start: number,
  end: number,
  k: number,
  bestD: Float64Array,
  bestI: Int32Array,
): void {
  for (let a = start; a < end; a++) {
    const i = order[a] as number;
    for (let b = a + 1; b < end; b++) {
      const j = order[b] as number;
      let sum = 0;
      for (let d = 0; d < dim; d++) {
        const diff = (x[i * dim + d] as number) - (x[j * dim + d] as number);
        sum += diff * diff;
      }
      offer(bestD, bestI, i * k, k, j, sum);
      offer(bestD, bestI, j * k, k, i, sum);
    }
  }
}

/** Inserts candidate j at distance d into the sorted list at [base, base + k), unless present. */
function offer(
  bestD: Float64Array,
  bestI: Int32Array,
  base: number,
  k: number,
  j: number,
  d: number,
): void {
  if (d >= (bestD[base + k - 1] as number)) return;
  for (let s = base; s < base + k; s++) if (bestI[s] === j) return;
  let at = base + k - 1;
  while (at > base && (bestD[at - 1] as number) > d) {
    bestD[at] = bestD[at - 1] as number;
    bestI[at] = bestI[at - 1] as number;
    at--;
  }
  bestD[at] = d;
  bestI[at] = j;
}

function randomDirection(out: Float64Array, random: () => number): void {
  let norm = 0;
  for (let d = 0; d < out.length; d++) {
    // Box-Muller: Gaussian components make the direction uniform on the sphere.
    const g = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    out[d] = g;
    norm += g * g;
  }
  for (let d = 0; d < out.length; d++) (out[d] as number) /= Math.sqrt(norm) || 1;
}
