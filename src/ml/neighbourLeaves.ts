// Approximate raw-space neighbours for the neighbour loss: the leaves of random-projection trees.
//
// Exact 10-NN of 80,000 rows in 9-D costs tens of seconds in JavaScript; a leaf of a random-
// projection tree (rows split at the median of a random direction until at most `leafSize` remain)
// holds rows that are close in every direction, and a few trees cost a fraction of a second.

/** Per tree: rows in leaf order, and for each row the [start, end) of its leaf in that order. */
export interface NeighbourLeaves {
  trees: { order: Int32Array; leafStart: Int32Array; leafEnd: Int32Array }[];
}

/** Builds `trees` random-projection trees over row-major rows (rows x dim). */
export function buildNeighbourLeaves(
  x: Float32Array,
  rows: number,
  dim: number,
  random: () => number,
  { trees = 4, leafSize = 12 } = {},
): NeighbourLeaves {
  const projection = new Float64Array(rows);
  const direction = new Float64Array(dim);
  const built: NeighbourLeaves['trees'] = [];
  for (let t = 0; t < trees; t++) {
    const order = Int32Array.from({ length: rows }, (_, i) => i);
    const leafStart = new Int32Array(rows);
    const leafEnd = new Int32Array(rows);
    const stack: [number, number][] = [[0, rows]];
    while (stack.length > 0) {
      const [start, end] = stack.pop() as [number, number];
      if (end - start <= leafSize) {
        for (let k = start; k < end; k++) {
          leafStart[order[k] as number] = start;
          leafEnd[order[k] as number] = end;
        }
        continue;
      }
      randomDirection(direction, random);
      const part = order.subarray(start, end);
      for (const row of part) {
        let sum = 0;
        for (let d = 0; d < dim; d++)
          sum += (x[row * dim + d] as number) * (direction[d] as number);
        projection[row] = sum;
      }
      part.sort((a, b) => (projection[a] as number) - (projection[b] as number) || a - b);
      const mid = (start + end) >> 1;
      stack.push([start, mid], [mid, end]);
    }
    built.push({ order, leafStart, leafEnd });
  }
  return { trees: built };
}

/** For each listed row, a random other row sharing a leaf with it in a random tree (itself if alone). */
export function drawLeafMates(
  leaves: NeighbourLeaves,
  rows: Uint32Array | Int32Array,
  random: () => number,
  out = new Uint32Array(rows.length),
): Uint32Array {
  const { trees } = leaves;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as number;
    const tree = trees[Math.floor(random() * trees.length)] as NeighbourLeaves['trees'][number];
    const start = tree.leafStart[row] as number;
    const size = (tree.leafEnd[row] as number) - start;
    let offset = Math.floor(random() * size);
    if (tree.order[start + offset] === row && size > 1) {
      offset = (offset + 1 + Math.floor(random() * (size - 1))) % size;
    }
    out[i] = tree.order[start + offset] as number;
  }
  return out;
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
