// The three rankings the evaluation and the benchmark compare, each returning the indices of a
// result list with the served rules: never the query's song, never two releases of one song, at
// most `maxPerArtist` songs per primary artist.
// - served: recommendFromTrack, the code the bot runs (latent neighbourhood, feature order, prior);
// - latent-only: nearest in the 3-D latent space (k-d tree), the ranking before issue 13;
// - raw features: brute force over every track's scaled training features, the reference.
import type { TrackCatalog } from '../core/catalog/index.ts';
import { nearestNeighbours, TopK } from '../core/neighbours/index.ts';
import {
  createResultSelector,
  recommendFromTrack,
  scaledFeaturesOf,
} from '../core/queries/index.ts';
import { squaredDistancesFrom } from './exactNeighbours.ts';

/** Names of the compared rankings, in the order reports show them. */
export const RANKINGS = ['served', 'latent-only', 'raw features'] as const;
export type RankingName = (typeof RANKINGS)[number];

/** One ranking: the indices of the first `count` results for `query`. */
export type Ranking = (query: number, count: number) => number[];

/** The served ranking at its defaults (balanced popularity), as indices. */
export function servedRanking(catalog: TrackCatalog, maxPerArtist = 1): Ranking {
  return (query, count) =>
    recommendFromTrack(catalog, query, { count, maxPerArtist }).map((r) => r.index);
}

/** Nearest in the latent space, walked in (distance, index) order through the result rules. */
export function latentOnlyRanking(catalog: TrackCatalog, maxPerArtist = 1): Ranking {
  return (query, count) => {
    const select = createResultSelector(catalog, maxPerArtist, [catalog.songIds[query] as number]);
    const found = nearestNeighbours(catalog.tree, catalog.vectorOf(query), count, (index) =>
      select(index),
    );
    return found.map((n) => n.index);
  };
}

/** Every track's scaled training features (n x features), the space the raw ranking scans. */
export function scaledFeatureRows(catalog: TrackCatalog): Float32Array {
  const dim = catalog.features.length;
  const rows = new Float32Array(catalog.size * dim);
  for (let i = 0; i < catalog.size; i++) rows.set(scaledFeaturesOf(catalog, i), i * dim);
  return rows;
}

/** Brute force over `rows` (scaledFeatureRows): exact, ties by index, then the result rules. */
export function rawFeatureRanking(
  catalog: TrackCatalog,
  rows: Float32Array = scaledFeatureRows(catalog),
  maxPerArtist = 1,
): Ranking {
  const dim = catalog.features.length;
  const distances = new Float64Array(catalog.size);
  return (query, count) => {
    squaredDistancesFrom(rows, dim, query, distances);
    const song = catalog.songIds[query] as number;
    // The nearest few hundred nearly always hold `count` results; widen the net when they do not.
    for (let capacity = Math.max(64, 16 * count); ; capacity *= 4) {
      const top = new TopK(capacity);
      for (let r = 0; r < distances.length; r++) {
        const d = distances[r] as number;
        if (!top.rejects(d) && catalog.songIds[r] !== song) top.push(d, r);
      }
      const select = createResultSelector(catalog, maxPerArtist, [song]);
      const chosen: number[] = [];
      for (const { index } of top.sorted()) {
        if (chosen.length < count && select(index)) chosen.push(index);
      }
      if (chosen.length === count || top.length < capacity) return chosen;
    }
  };
}

/** `ranking`'s first `count` results for each query, as queries x count (-1 where none). */
export function resultTable(ranking: Ranking, queries: Int32Array, count: number): Int32Array {
  const out = new Int32Array(queries.length * count).fill(-1);
  queries.forEach((query, q) => out.set(ranking(query, count), q * count));
  return out;
}
