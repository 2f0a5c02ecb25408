// The served ranking, one for every surface (/recommend and its buttons, the CLI, evaluation,
// benchmarks): the 3-D DNA picks the neighbourhood, the full audio features order it.
//
// 1. Neighbourhood: the NEIGHBOURHOOD_SIZE tracks nearest in latent space that pass the filters
//    (exact, k-d tree, ties by index).
// 2. Order: score = feature distance - popularityWeight * popularity / 100, ties by index.
// Measured on the 114k data set (README, Evaluation): 1,000 neighbours keep 0.99x the genre
// agreement of a scan over every track's features, 500 keep 0.97x, the 3-D code alone 0.59x.
import type { TrackCatalog } from '../catalog/index.ts';
import { MinPairQueue, nearestUnordered, squaredDistance } from '../neighbours/index.ts';
import type { FeatureSpace } from './featureSpace.ts';
import { featureDistance, featureDistances, featureSpaceOf } from './featureSpace.ts';

export const NEIGHBOURHOOD_SIZE = 1000;

/** Where to look and what to prefer. */
export interface RankingQuery {
  /** The latent vector the neighbourhood is centred on. */
  latent: ArrayLike<number>;
  /** Scaled training-feature values the neighbourhood is ordered by (catalog.features order). */
  features: Float64Array;
  /** Subtracted from the feature distance, times popularity / 100 (0: sound only). */
  popularityWeight: number;
  /** Added to the score of each candidate, when given. */
  adjustScore?: (index: number) => number;
}

/** A ranked candidate: its feature distance to the query and its score (lower ranks first). */
export interface RankedTrack {
  index: number;
  distance: number;
  score: number;
}

/** A neighbourhood handed out best first, ordering only as much of it as is asked for. */
export class RankedNeighbourhood {
  private readonly queue: MinPairQueue;
  /** How many candidates the neighbourhood holds. */
  readonly size: number;

  /** `scores[k]` is the score of track `candidates[k]`; both arrays are taken over. */
  constructor(
    private readonly space: FeatureSpace,
    private readonly features: Float64Array,
    candidates: Int32Array,
    scores: Float64Array,
  ) {
    this.size = candidates.length;
    this.queue = MinPairQueue.of(scores, candidates);
  }

  /** The next best candidate by (score, index), or undefined when all were handed out. */
  next(): RankedTrack | undefined {
    if (this.queue.size === 0) return undefined;
    const score = this.queue.topKey;
    const index = this.queue.pop();
    // Recomputed for the few handed out: the same arithmetic as the score's, so the same value.
    return { index, distance: featureDistance(this.space, this.features, index), score };
  }
}

/** The `size` latent neighbours passing `accept`, ranked by (score, index). */
export function rankNeighbourhood(
  catalog: TrackCatalog,
  query: RankingQuery,
  accept: ((index: number) => boolean) | undefined,
  size = NEIGHBOURHOOD_SIZE,
): RankedNeighbourhood {
  return score(catalog, query, nearestUnordered(catalog.tree, query.latent, size, accept));
}

/** Reference for tests: the same ranking by sorting every track, no tree; the whole list. */
export function rankByBruteForce(
  catalog: TrackCatalog,
  query: RankingQuery,
  accept: ((index: number) => boolean) | undefined,
  size = NEIGHBOURHOOD_SIZE,
): RankedTrack[] {
  const { vectors, latentDim } = catalog;
  const squared = Float64Array.from({ length: catalog.size }, (_, i) =>
    squaredDistance(vectors, latentDim, i, query.latent),
  );
  const order = Array.from({ length: catalog.size }, (_, i) => i).sort(
    (a, b) => (squared[a] as number) - (squared[b] as number) || a - b,
  );
  const space = featureSpaceOf(catalog);
  const weight = query.popularityWeight / 100;
  return order
    .filter((index) => !accept || accept(index))
    .slice(0, size)
    .map((index) => {
      const distance = featureDistance(space, query.features, index);
      const popularity = Math.max(0, catalog.popularity[index] as number);
      const adjust = query.adjustScore?.(index) ?? 0;
      return { index, distance, score: distance - weight * popularity + adjust };
    })
    .sort((a, b) => a.score - b.score || a.index - b.index);
}

function score(
  catalog: TrackCatalog,
  query: RankingQuery,
  candidates: Int32Array,
): RankedNeighbourhood {
  const space = featureSpaceOf(catalog);
  const weight = query.popularityWeight / 100;
  const { adjustScore } = query;
  const { popularity } = catalog;
  // Rows are k-d tree positions: the candidates' rows lie in a few nearby leaves.
  const scores = featureDistances(
    space,
    query.features,
    candidates,
    new Float64Array(candidates.length),
  );
  for (let k = 0; k < candidates.length; k++) {
    const index = candidates[k] as number;
    const known = Math.max(0, popularity[index] as number);
    scores[k] = (scores[k] as number) - weight * known + (adjustScore ? adjustScore(index) : 0);
  }
  return new RankedNeighbourhood(space, query.features, candidates, scores);
}
