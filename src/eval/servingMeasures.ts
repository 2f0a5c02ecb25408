// What a listener gets from the served catalog: genre agreement of the served ranking beside
// latent-only, raw features and chance, then the listener section (similarity shown, reasons,
// popularity). Shared by `npm run evaluate` and the full-data test of issue 13's must-shows.
import type { TrackCatalog } from '../core/catalog/index.ts';
import type { PopularityMode } from '../core/queries/index.ts';
import { POPULARITY_MODES } from '../core/queries/index.ts';
import type { CanonicalVersionReport } from './canonicalVersions.ts';
import { canonicalVersionRate } from './canonicalVersions.ts';
import type { ResultPopularity } from './popularQueries.ts';
import { mostPopularSongs, resultPopularity } from './popularQueries.ts';
import type { RankingComparison } from './rankingPrecision.ts';
import { compareRankings } from './rankingPrecision.ts';
import type { ReasonVariety } from './reasonVariety.ts';
import { reasonVariety } from './reasonVariety.ts';
import type { AgreementBucket, SimilaritySpread } from './shownSimilarity.ts';
import {
  agreementBySimilarity,
  isMonotone,
  randomQueries,
  shownResults,
  similaritySpread,
} from './shownSimilarity.ts';

export interface ListenerMeasures {
  /** Whether the most popular multi-version titles, typed, open on their most popular version. */
  canonicalVersions: CanonicalVersionReport;
  randomQueries: number;
  similarity: SimilaritySpread;
  agreement: AgreementBucket[];
  /** Buckets with fewer results are left out of `agreementMonotone`. */
  agreementMinResults: number;
  agreementMonotone: boolean;
  reasons: ReasonVariety;
  popularQueries: number;
  /** One entry per popularity mode, the default (balanced) first. */
  popularity: ResultPopularity[];
}

export interface ServingMeasures {
  rankings: RankingComparison;
  listener: ListenerMeasures;
  seconds: number;
  /** CPU time of this process meanwhile: on a shared machine, wall time includes waiting. */
  cpuSeconds: number;
}

export interface ServingOptions {
  seed: number;
  /** Random queries for the similarity and reason measures (default 1,000). */
  randomQueries?: number;
  /** Random track pairs for the similarity of unrelated songs (default 10,000). */
  randomPairs?: number;
  /** Most popular songs used as queries (default 300). */
  popularQueries?: number;
}

/** Every serving measure on `catalog`; `queries` and `chance` are the split's (genre precision). */
export function measureServing(
  catalog: TrackCatalog,
  queries: Int32Array,
  chance: number,
  options: ServingOptions,
): ServingMeasures {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const rankings = compareRankings(catalog, queries, chance);
  const listener = measureListener(catalog, options);
  const { user, system } = process.cpuUsage(cpu);
  return {
    rankings,
    listener,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (user + system) / 1e6,
  };
}

/** The listener section: similarity shown, its agreement, reason variety, popularity of results. */
export function measureListener(catalog: TrackCatalog, options: ServingOptions): ListenerMeasures {
  const { seed, randomQueries: count = 1000, randomPairs = 10_000 } = options;
  const shown = shownResults(catalog, randomQueries(catalog, count, seed));
  const agreement = agreementBySimilarity(catalog, shown);
  const agreementMinResults = Math.max(20, Math.round(shown.length / 100));
  const popular = mostPopularSongs(catalog, options.popularQueries ?? 300);
  const modes: PopularityMode[] = ['balanced', ...POPULARITY_MODES.filter((m) => m !== 'balanced')];
  return {
    canonicalVersions: canonicalVersionRate(catalog, { titles: 300 }),
    randomQueries: count,
    similarity: similaritySpread(catalog, shown, randomPairs, seed + 1),
    agreement,
    agreementMinResults,
    agreementMonotone: isMonotone(agreement, agreementMinResults),
    reasons: reasonVariety(shown.map((r) => r.reason)),
    popularQueries: popular.length,
    popularity: modes.map((mode) => resultPopularity(catalog, popular, mode)),
  };
}
