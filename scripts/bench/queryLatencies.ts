// Latencies of the queries the bot answers, each beside a slower reference measured in the same
// run: the served ranking beside latent-only and a brute-force scan of the raw features, title
// search and vibe queries beside naive versions over arrays of objects.
import type { TrackCatalog } from '../../src/core/catalog/index.ts';
import { featureColumn } from '../../src/core/catalog/index.ts';
import {
  findTracksByVibe,
  recommendFromTrack,
  searchTitles,
} from '../../src/core/queries/index.ts';
import type { AudioFeature } from '../../src/data/track.ts';
import { latentOnlyRanking, rawFeatureRanking } from '../../src/eval/comparedRankings.ts';
import { naiveRecommend, naiveSearch, naiveTracks, naiveVibe } from './baselines.ts';
import { makeQueries } from './queries.ts';
import { servedStages } from './servedStages.ts';
import type { QueryTimes } from './timing.ts';
import { fastestOfRepeats, medianTimes, round, timeQueries } from './timing.ts';

/** How many queries each measurement runs (the slow references run fewer). */
export interface QueryCounts {
  queries: number;
  /** Brute force over the raw features. */
  rawQueries: number;
  /** The naive references over arrays of objects. */
  baselineQueries: number;
  repeats: number;
}

/** Every latency, medians over `repeats` rounds (the naive references: one round). */
export function measureQueries(catalog: TrackCatalog, counts: QueryCounts) {
  const { queries: count, rawQueries, baselineQueries, repeats } = counts;
  const { picks, titles, vibes } = makeQueries(catalog, count);
  const pick = (i: number): number => picks[i] as number;
  const rounds = (run: (i: number) => unknown, n: number): QueryTimes =>
    medianTimes(Array.from({ length: repeats }, () => timeQueries(n, run)));
  const latentOnly = latentOnlyRanking(catalog);
  const raw = rawFeatureRanking(catalog);
  const runs = {
    served: (i: number) => recommendFromTrack(catalog, pick(i)),
    latentOnly: (i: number) => latentOnly(pick(i), 5),
    rawFeaturesBruteForce: (i: number) => raw(pick(i), 5),
  };
  const rawCount = Math.min(count, rawQueries);
  const recommend = {
    served: rounds(runs.served, count),
    latentOnly: rounds(runs.latentOnly, count),
    rawFeaturesBruteForce: rounds(runs.rawFeaturesBruteForce, rawCount),
    fastestOfRepeatsWallMs: {
      served: fastestOfRepeats(count, repeats, runs.served),
      latentOnly: fastestOfRepeats(count, repeats, runs.latentOnly),
      rawFeaturesBruteForce: fastestOfRepeats(rawCount, repeats, runs.rawFeaturesBruteForce),
    },
  };
  const out = {
    recommend,
    servedStages: servedStages(catalog, picks, Math.min(count, 1000), repeats),
    // Same genre makes the 1,000-track neighbourhood reach across the catalog: fewer queries.
    recommendFiltered: rounds(
      (i) => recommendFromTrack(catalog, pick(i), { sameGenre: true, noExplicit: true }),
      Math.min(count, 500),
    ),
    titleSearch: rounds((i) => searchTitles(catalog, titles[i] as string), count),
    vibe: rounds((i) => findTracksByVibe(catalog, vibes[i % vibes.length]!), Math.min(count, 500)),
    baselines: naiveBaselines(catalog, picks, titles, vibes, baselineQueries),
  };
  return {
    ...out,
    speedupAtP50: {
      recommend: round(out.baselines.recommendBruteForce.wallMs.p50 / recommend.served.wallMs.p50),
      titleSearch: round(
        out.baselines.titleSearchLinearScan.wallMs.p50 / out.titleSearch.wallMs.p50,
      ),
      vibe: round(out.baselines.vibeBruteForce.wallMs.p50 / out.vibe.wallMs.p50),
    },
  };
}

function naiveBaselines(
  catalog: TrackCatalog,
  picks: readonly number[],
  titles: readonly string[],
  vibes: ReturnType<typeof makeQueries>['vibes'],
  count: number,
) {
  const naive = naiveTracks(catalog);
  const vibeColumns = (['energy', 'danceability', 'tempo'] as AudioFeature[]).map(featureColumn);
  const { min, max } = catalog.featureTable;
  const scaledTargets = (i: number): number[] => {
    const t = vibes[i]?.targets;
    return [t?.energy, t?.danceability, t?.tempo].map((target, j) => {
      const c = vibeColumns[j] as number;
      return ((target as number) - (min[c] as number)) / ((max[c] as number) - (min[c] as number));
    });
  };
  return {
    recommendBruteForce: timeQueries(count, (i) => naiveRecommend(naive, picks[i] as number)),
    titleSearchLinearScan: timeQueries(count, (i) => naiveSearch(naive, titles[i] as string)),
    vibeBruteForce: timeQueries(count, (i) => naiveVibe(naive, vibeColumns, scaledTargets(i))),
  };
}
