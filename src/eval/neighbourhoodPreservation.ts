// How well a low-dimensional embedding keeps the neighbourhoods of the original feature space.
//
// Both measures are computed on a sample of m query rows against all n rows (exact ranks, no
// approximation), with the query's own song excluded from ranks as from neighbour lists:
// - overlap@k: |kNN_raw(i) ∩ kNN_low(i)| / k, averaged over the queries;
// - trustworthiness(k) (Venna & Kaski): 1 - 2 / (m k (2n - 3k - 1)) * Σ_i Σ_{j ∈ U_i} (r(i, j) - k),
//   where U_i are the low-dimensional neighbours that are not raw neighbours and r(i, j) is j's
//   rank by raw distance from i. With m = n this is the usual definition.
import { squaredDistancesFrom } from './exactNeighbours.ts';

/** Mean share of each query's k raw neighbours that are also among its k low-dimensional ones. */
export function neighbourOverlap(
  raw: Int32Array,
  low: Int32Array,
  queries: number,
  k: number,
): number {
  let shared = 0;
  for (let q = 0; q < queries; q++) {
    const set = new Set(raw.subarray(q * k, q * k + k));
    for (let j = 0; j < k; j++) if (set.has(low[q * k + j] as number)) shared++;
  }
  return shared / (queries * k);
}

/** Sample-based trustworthiness of low-dimensional neighbour lists (queries x k) against raw points. */
export function trustworthiness(
  rawPoints: Float32Array,
  dim: number,
  queries: Int32Array,
  rawNeighbours: Int32Array,
  lowNeighbours: Int32Array,
  k: number,
  songIds: Int32Array,
): number {
  const n = rawPoints.length / dim;
  const distances = new Float64Array(n);
  const thresholds = new Float64Array(k);
  const below = new Int32Array(k + 1);
  let penalty = 0;
  queries.forEach((query, qi) => {
    const rawSet = new Set(rawNeighbours.subarray(qi * k, qi * k + k));
    const intruders = Array.from(lowNeighbours.subarray(qi * k, qi * k + k)).filter(
      (j) => j >= 0 && !rawSet.has(j),
    );
    if (intruders.length === 0) return;
    squaredDistancesFrom(rawPoints, dim, query, distances);
    intruders.forEach((j, t) => (thresholds[t] = distances[j] as number));
    const count = intruders.length;
    const sorted = Array.from(thresholds.subarray(0, count)).sort((a, b) => a - b);
    below.fill(0);
    const song = songIds[query];
    for (let r = 0; r < n; r++) {
      if (songIds[r] === song) continue;
      const d = distances[r] as number;
      let t = 0;
      while (t < count && d >= (sorted[t] as number)) t++;
      // d is below every threshold from t on: it outranks each of those intruders.
      (below[t] as number)++;
    }
    // rank(t) = 1 + number of rows strictly closer than intruder t = 1 + Σ_{s <= t} below[s].
    let closer = 0;
    for (let t = 0; t < count; t++) {
      closer += below[t] as number;
      penalty += 1 + closer - k;
    }
  });
  const m = queries.length;
  return 1 - (2 / (m * k * (2 * n - 3 * k - 1))) * penalty;
}
