// Where the served ranking's time goes, stage by stage, on the same queries as the benchmark:
// the latent neighbourhood (k-d tree, 1,000 nearest), scoring it (feature distance + popularity,
// heap), and the per-result work of a reply (reason line, Track object).
import type { TrackCatalog } from '../../src/core/catalog/index.ts';
import { nearestUnordered } from '../../src/core/neighbours/index.ts';
import {
  explainSimilarity,
  NEIGHBOURHOOD_SIZE,
  rankNeighbourhood,
  recommendFromTrack,
  scaledFeaturesOf,
} from '../../src/core/queries/index.ts';
import type { Percentiles } from './timing.ts';
import { fastestOfRepeats } from './timing.ts';

/** p50/p99 wall ms of each stage over `count` picks, each pick's fastest of `repeats` runs. */
export function servedStages(
  catalog: TrackCatalog,
  picks: readonly number[],
  count: number,
  repeats: number,
): Record<string, Percentiles> {
  const pick = (i: number): number => picks[i] as number;
  const rounds = (run: (i: number) => unknown): Percentiles =>
    fastestOfRepeats(count, repeats, run);
  const queryOf = (i: number) => ({
    latent: catalog.vectorOf(pick(i)),
    features: scaledFeaturesOf(catalog, pick(i)),
    popularityWeight: 0.05,
  });
  const results = picks.slice(0, count).map((p) => recommendFromTrack(catalog, p));
  return {
    latentNeighbourhood: rounds((i) =>
      nearestUnordered(catalog.tree, catalog.vectorOf(pick(i)), NEIGHBOURHOOD_SIZE),
    ),
    rankNeighbourhood: rounds((i) => rankNeighbourhood(catalog, queryOf(i), undefined)),
    fiveReasons: rounds((i) =>
      results[i]?.map((r) => explainSimilarity(catalog, pick(i), r.index)),
    ),
    fiveTracks: rounds((i) => results[i]?.map((r) => catalog.track(r.index))),
  };
}
