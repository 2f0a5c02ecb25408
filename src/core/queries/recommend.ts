// "If you like these songs, you'll like these": the served ranking from one to five seed tracks,
// filtered and varied. Several seeds take turns: each seed's neighbourhood (ranking.ts) gives the
// next result in round-robin order, so songs far apart each keep results near them instead of all
// results landing between them, where neither seed's sound is (measured in the README).
import type { AudioFeature, Track } from '../../data/track.ts';
import type { TrackCatalog } from '../catalog/index.ts';
import { featureSpaceOf, scaledFeaturesOf } from './featureSpace.ts';
import { popularityRule } from './popularityMode.ts';
import type { RankedNeighbourhood, RankedTrack } from './ranking.ts';
import { NEIGHBOURHOOD_SIZE, rankNeighbourhood } from './ranking.ts';
import { explainSimilarity } from './reason.ts';
import { compileSeedFilter } from './seedFilter.ts';
import { checkRecommendOptions, checkSeeds } from './recommendChecks.ts';
import { createResultSelector } from './resultSelector.ts';
import { similarityToSeed } from './similarity.ts';
import type { RecommendOptions } from './recommendOptions.ts';

/** One recommended track, and the seed it was found near. */
export interface Recommendation {
  index: number;
  track: Track;
  /** Catalog index of the seed this result is near (the seed its similarity and reason describe). */
  seed: number;
  /** Distance over the scaled audio features to that seed (what the ranking orders by). */
  distance: number;
  /** 0-100, see similarity.ts. */
  similarity: number;
  reason: string;
}

/** The songs that sound most like one track: `recommendFromSeeds` with a single seed. */
export function recommendFromTrack(
  catalog: TrackCatalog,
  trackIndex: number,
  options: RecommendOptions = {},
): Recommendation[] {
  return recommendFromSeeds(catalog, [trackIndex], options);
}

/**
 * The served ranking from 1-5 seeds, excluding every seed's song (all its releases), never two
 * releases of one song, with the per-artist cap, filters and popularity mode applied. Each page is
 * shown closest first.
 */
export function recommendFromSeeds(
  catalog: TrackCatalog,
  seeds: readonly number[],
  options: RecommendOptions = {},
): Recommendation[] {
  const count = options.count ?? 5;
  const offset = options.offset ?? 0;
  const maxPerArtist = options.maxPerArtist ?? 1;
  checkSeeds(catalog, seeds);
  checkRecommendOptions(count, offset, maxPerArtist);
  const rule = popularityRule(options.popularity);
  const accept = compileSeedFilter(catalog, seeds, options, rule);
  const queries = seeds.map((seed) => ({
    latent: catalog.vectorOf(seed),
    features: scaledFeaturesOf(catalog, seed),
    popularityWeight: rule.weight,
    adjustScore: options.adjustScore,
  }));
  const seedSongs = seeds.map((seed) => catalog.songIds[seed] as number);
  const needed = offset + count;
  for (let size = Math.max(NEIGHBOURHOOD_SIZE, 20 * needed); ; size *= 4) {
    const lists = queries.map((query) => rankNeighbourhood(catalog, query, accept, size));
    const select = createResultSelector(catalog, maxPerArtist, seedSongs);
    const chosen = takeTurns(lists, select, needed);
    if (chosen.length >= needed || lists.every((list) => list.size < size)) {
      const named = new Map<AudioFeature, number>();
      return chosen
        .slice(offset)
        .sort((a, b) => a.ranked.distance - b.ranked.distance || a.ranked.index - b.ranked.index)
        .map(({ ranked, seed }) =>
          toRecommendation(catalog, ranked, seeds[seed] as number, queries[seed]!.features, named),
        );
    }
  }
}

/** Seeds take turns giving their next acceptable result until `needed` are chosen. */
function takeTurns(
  lists: readonly RankedNeighbourhood[],
  select: (index: number) => boolean,
  needed: number,
): { ranked: RankedTrack; seed: number }[] {
  const chosen: { ranked: RankedTrack; seed: number }[] = [];
  const open = lists.map(() => true);
  while (chosen.length < needed && open.some(Boolean)) {
    lists.forEach((list, seed) => {
      if (!open[seed] || chosen.length >= needed) return;
      let next = list.next();
      while (next && !select(next.index)) next = list.next();
      if (next) chosen.push({ ranked: next, seed });
      else open[seed] = false;
    });
  }
  return chosen;
}

function toRecommendation(
  catalog: TrackCatalog,
  { index, distance }: RankedTrack,
  seed: number,
  seedFeatures: Float64Array,
  named: Map<AudioFeature, number>,
): Recommendation {
  return {
    index,
    track: catalog.track(index),
    seed,
    distance,
    similarity: similarityToSeed(featureSpaceOf(catalog), seedFeatures, distance),
    reason: explainSimilarity(catalog, seed, index, named),
  };
}
