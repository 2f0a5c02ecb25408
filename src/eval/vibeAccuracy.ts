// Vibe accuracy: how close the top 5 tracks returned for a target vibe are to its targets.
//
// Targets: 2-4 random features of the model's feature set, valued as a random track's features
// (so every vibe is one real music can have). The gap is the mean absolute difference, in scaled
// [0, 1] units, between each target and the value of each of the top 5 tracks, over targeted
// features. Routes compared: a direct scan over the targeted features (what src/core/vibe.ts does),
// and through a latent space (untargeted features set to the training mean, encoded, 5 nearest).
import { TopK } from '../core/neighbours/index.ts';
import { buildKdTree } from '../core/neighbours/index.ts';
import { nearestNeighbours } from '../core/neighbours/index.ts';
import { mulberry32 } from '../ml/seededShuffle.ts';

/** Random vibes: for each, targeted feature indices and their scaled target values. */
export interface VibeTargets {
  features: number[][];
  values: number[][];
}

/** Draws `count` vibes over `dim` scaled features from the rows of `x`. */
export function randomVibes(
  x: Float32Array,
  dim: number,
  count: number,
  seed: number,
): VibeTargets {
  const random = mulberry32(seed);
  const rows = x.length / dim;
  const features: number[][] = [];
  const values: number[][] = [];
  for (let v = 0; v < count; v++) {
    const size = 2 + Math.floor(random() * 3);
    const pool = Array.from({ length: dim }, (_, i) => i);
    const chosen: number[] = [];
    for (let s = 0; s < size; s++)
      chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as number);
    const row = Math.floor(random() * rows);
    features.push(chosen);
    values.push(chosen.map((f) => x[row * dim + f] as number));
  }
  return { features, values };
}

/** Mean absolute gap between targets and the given result rows (vibes x 5, -1 = none). */
export function vibeGap(
  x: Float32Array,
  dim: number,
  vibes: VibeTargets,
  results: Int32Array[],
): number {
  let sum = 0;
  let count = 0;
  vibes.features.forEach((features, v) => {
    for (const row of results[v] as Int32Array) {
      features.forEach((f, t) => {
        sum += Math.abs((x[row * dim + f] as number) - (vibes.values[v]?.[t] as number));
        count++;
      });
    }
  });
  return sum / count;
}

/** Top `k` rows by squared distance over each vibe's targeted features only (a full scan). */
export function scanVibes(x: Float32Array, dim: number, vibes: VibeTargets, k = 5): Int32Array[] {
  const rows = x.length / dim;
  return vibes.features.map((features, v) => {
    const targets = vibes.values[v] as number[];
    const top = new TopK(k);
    for (let r = 0; r < rows; r++) {
      let d = 0;
      features.forEach((f, t) => (d += ((x[r * dim + f] as number) - (targets[t] as number)) ** 2));
      if (!top.rejects(d)) top.push(d, r);
    }
    const found = top.sorted();
    return Int32Array.from({ length: k }, (_, j) => found[j]?.index ?? -1);
  });
}

/** Full input rows for each vibe: its targets, the other features at `means`. */
export function vibeInputs(vibes: VibeTargets, means: Float64Array): Float32Array {
  const dim = means.length;
  const out = new Float32Array(vibes.features.length * dim);
  vibes.features.forEach((features, v) => {
    for (let d = 0; d < dim; d++) out[v * dim + d] = means[d] as number;
    features.forEach((f, t) => (out[v * dim + f] = vibes.values[v]?.[t] as number));
  });
  return out;
}

/** The k rows nearest each encoded vibe in a latent space (codes: rows x latentDim). */
export function latentVibeResults(
  codes: Float32Array,
  latentDim: number,
  encodedVibes: Float32Array,
  k = 5,
): Int32Array[] {
  const tree = buildKdTree(codes, latentDim);
  const out: Int32Array[] = [];
  for (let v = 0; v < encodedVibes.length / latentDim; v++) {
    const query = encodedVibes.subarray(v * latentDim, (v + 1) * latentDim);
    out.push(Int32Array.from(nearestNeighbours(tree, query, k), (n) => n.index));
  }
  return out;
}
