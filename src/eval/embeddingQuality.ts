// Neighbour quality of one embedding (codes of every track) against the raw scaled features.
import type { GenreTable } from '../core/catalog/index.ts';
import { genrePrecisionAtK } from './genrePrecision.ts';
import type { Metric } from './exactNeighbours.ts';
import { nearestForQueries, pointsForMetric } from './exactNeighbours.ts';
import { neighbourOverlap, trustworthiness } from './neighbourhoodPreservation.ts';

/** What is shared by every embedding of one feature set: the data and its raw neighbours. */
export interface NeighbourContext {
  /** n x dim scaled features of every track. */
  x: Float32Array;
  dim: number;
  genres: GenreTable;
  songIds: Int32Array;
  queries: Int32Array;
  /** queries x 10 nearest in the raw scaled space (Euclidean). */
  rawNeighbours: Int32Array;
  /** How many of the queries trustworthiness uses (it scans every row per query). */
  trustQueries: number;
}

export interface EmbeddingQuality {
  precisionAt5: number;
  precisionAt10: number;
  overlapAt10: number;
  /** Undefined when not asked for (it costs a full scan per query). */
  trustworthiness?: number;
}

const K = 10;

/** Genre precision, overlap with raw neighbours and (optionally) trustworthiness of `codes`. */
export function embeddingQuality(
  context: NeighbourContext,
  codes: Float32Array,
  latentDim: number,
  { metric = 'euclidean' as Metric, withTrust = false } = {},
): EmbeddingQuality {
  const { genres, songIds, queries, rawNeighbours } = context;
  const points = pointsForMetric(codes, latentDim, metric);
  const low = nearestForQueries({ points, dim: latentDim, queries, k: K, songIds }, 'tree');
  const quality: EmbeddingQuality = {
    precisionAt5: genrePrecisionAtK(genres, queries, low, K, 5),
    precisionAt10: genrePrecisionAtK(genres, queries, low, K, 10),
    overlapAt10: neighbourOverlap(rawNeighbours, low, queries.length, K),
  };
  if (withTrust) {
    const m = context.trustQueries;
    quality.trustworthiness = trustworthiness(
      context.x,
      context.dim,
      queries.subarray(0, m),
      rawNeighbours.subarray(0, m * K),
      low.subarray(0, m * K),
      K,
      songIds,
    );
  }
  return quality;
}
