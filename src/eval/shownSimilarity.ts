// The similarity a listener reads beside each result: its spread over random queries, what two
// random tracks score, and whether a higher number means more agreement (shared genre).
import type { TrackCatalog } from '../core/catalog/index.ts';
import { tracksShareGenre } from '../core/catalog/index.ts';
import {
  featureDistance,
  featureSpaceOf,
  recommendFromTrack,
  scaledFeaturesOf,
  similarityToSeed,
} from '../core/queries/index.ts';
import { mulberry32 } from '../ml/seededShuffle.ts';
import { quantile } from './quantile.ts';

/** One result as the bot shows it. */
export interface ShownResult {
  query: number;
  index: number;
  similarity: number;
  reason: string;
}

export interface SimilaritySpread {
  results: number;
  shareAt100: number;
  p10: number;
  p50: number;
  p90: number;
  /** p90 - p10, in points. */
  spread: number;
  randomPairs: number;
  /** Median similarity of two tracks drawn at random. */
  randomPairMedian: number;
}

/** Results in similarity buckets and how often they share a genre with the query. */
export interface AgreementBucket {
  /** Displayed similarity from..to, both included. */
  from: number;
  to: number;
  results: number;
  sharedGenre: number;
}

/** `count` seeded random tracks of the catalog, as queries. */
export function randomQueries(catalog: TrackCatalog, count: number, seed: number): Int32Array {
  const random = mulberry32(seed);
  return Int32Array.from({ length: count }, () => Math.floor(random() * catalog.size));
}

/** What the bot shows for each query with its defaults (5 results, balanced popularity). */
export function shownResults(catalog: TrackCatalog, queries: Int32Array): ShownResult[] {
  return Array.from(queries).flatMap((query) =>
    recommendFromTrack(catalog, query).map(({ index, similarity, reason }) => ({
      query,
      index,
      similarity,
      reason,
    })),
  );
}

/** Spread of the displayed similarity, and the median for `pairs` seeded random track pairs. */
export function similaritySpread(
  catalog: TrackCatalog,
  shown: readonly ShownResult[],
  pairs: number,
  seed: number,
): SimilaritySpread {
  const values = Float64Array.from(shown, (r) => r.similarity).sort();
  const random = randomPairSimilarities(catalog, pairs, seed).sort();
  const p10 = quantile(values, 0.1);
  const p90 = quantile(values, 0.9);
  return {
    results: values.length,
    shareAt100: values.filter((v) => v >= 100).length / Math.max(1, values.length),
    p10,
    p50: quantile(values, 0.5),
    p90,
    spread: p90 - p10,
    randomPairs: random.length,
    randomPairMedian: quantile(random, 0.5),
  };
}

/** The similarity the bot would show for `pairs` seeded random pairs of distinct tracks. */
export function randomPairSimilarities(
  catalog: TrackCatalog,
  pairs: number,
  seed: number,
): Float64Array {
  const space = featureSpaceOf(catalog);
  const random = mulberry32(seed);
  return Float64Array.from({ length: pairs }, () => {
    const a = Math.floor(random() * catalog.size);
    const b = (a + 1 + Math.floor(random() * (catalog.size - 1))) % catalog.size;
    const seed = scaledFeaturesOf(catalog, a);
    return similarityToSeed(space, seed, featureDistance(space, seed, b));
  });
}

/** Results grouped by displayed similarity in steps of `width` points (empty buckets left out). */
export function agreementBySimilarity(
  catalog: TrackCatalog,
  shown: readonly ShownResult[],
  width = 5,
): AgreementBucket[] {
  const buckets = new Map<number, AgreementBucket>();
  for (const { query, index, similarity } of shown) {
    // 100 gets a bucket of its own: "100% similar" is what a listener reads as "the same".
    const from = similarity >= 100 ? 100 : Math.floor(similarity / width) * width;
    let bucket = buckets.get(from);
    if (!bucket) {
      bucket = { from, to: Math.min(from + width - 1, 100), results: 0, sharedGenre: 0 };
      buckets.set(from, bucket);
    }
    bucket.results++;
    if (tracksShareGenre(catalog.genreTable, query, index)) bucket.sharedGenre++;
  }
  return [...buckets.values()].sort((a, b) => a.from - b.from);
}

/**
 * Whether genre agreement never falls as similarity rises, beyond sampling noise: over buckets
 * holding at least `minResults` results, no bucket shares a genre significantly less often than
 * any lower bucket (one-sided two-proportion z-test at 95%). Every pair is compared, not only
 * neighbours, so a slow slide over several buckets counts as a fall too.
 */
export function isMonotone(buckets: readonly AgreementBucket[], minResults: number): boolean {
  const kept = buckets.filter((b) => b.results >= minResults);
  return kept.every((higher, j) => kept.slice(0, j).every((lower) => !fallsBelow(lower, higher)));
}

const ONE_SIDED_95 = 1.645;

function fallsBelow(lower: AgreementBucket, higher: AgreementBucket): boolean {
  const pooled = (lower.sharedGenre + higher.sharedGenre) / (lower.results + higher.results);
  const error = Math.sqrt(pooled * (1 - pooled) * (1 / lower.results + 1 / higher.results));
  const drop = lower.sharedGenre / lower.results - higher.sharedGenre / higher.results;
  return error > 0 ? drop / error > ONE_SIDED_95 : drop > 0;
}
