// Genre agreement of the served ranking beside latent-only, raw features and chance, with the
// served de-duplication and artist cap on every list (comparedRankings.ts).
import type { TrackCatalog } from '../core/catalog/index.ts';
import type { Ranking, RankingName } from './comparedRankings.ts';
import {
  latentOnlyRanking,
  rawFeatureRanking,
  resultTable,
  servedRanking,
} from './comparedRankings.ts';
import type { FeatureGaps } from './featureGaps.ts';
import { meanFeatureGaps } from './featureGaps.ts';
import { genrePrecisionAtK } from './genrePrecision.ts';

/** One ranking's genre precision and how far its top 5 sit from the query. */
export interface RankingMeasure {
  ranking: RankingName;
  precisionAt5: number;
  precisionAt10: number;
  /** Over the top 5 of each query. */
  gaps: FeatureGaps;
}

export interface RankingComparison {
  queries: number;
  maxPerArtist: number;
  /** Exact chance level of the same queries (genrePrecision.ts). */
  chance: number;
  rankings: RankingMeasure[];
}

/**
 * Asks each ranking for 5 and for 10 results per query, as a listener would (the served list of 5
 * is not the first half of its list of 10: the popularity prior picks, distance orders the page).
 */
export function compareRankings(
  catalog: TrackCatalog,
  queries: Int32Array,
  chance: number,
  maxPerArtist = 1,
): RankingComparison {
  // Latent-only and raw lists of 5 are the first 5 of their lists of 10; the served ones are not.
  const rankings: [RankingName, Ranking, boolean][] = [
    ['served', servedRanking(catalog, maxPerArtist), false],
    ['latent-only', latentOnlyRanking(catalog, maxPerArtist), true],
    ['raw features', rawFeatureRanking(catalog, undefined, maxPerArtist), true],
  ];
  const measures = rankings.map(([name, ranking, prefixes]): RankingMeasure => {
    const top10 = resultTable(ranking, queries, 10);
    const top5 = prefixes ? firstColumns(top10, 10, 5) : resultTable(ranking, queries, 5);
    return {
      ranking: name,
      precisionAt5: genrePrecisionAtK(catalog.genreTable, queries, top5, 5, 5),
      precisionAt10: genrePrecisionAtK(catalog.genreTable, queries, top10, 10, 10),
      gaps: meanFeatureGaps(catalog, queries, top5, 5),
    };
  });
  return { queries: queries.length, maxPerArtist, chance, rankings: measures };
}

/** The measure of one ranking by name (every comparison holds all three). */
export function rankingMeasure(comparison: RankingComparison, name: RankingName): RankingMeasure {
  const found = comparison.rankings.find((r) => r.ranking === name);
  if (!found) throw new RangeError(`No ranking named "${name}" in the comparison`);
  return found;
}

function firstColumns(table: Int32Array, width: number, columns: number): Int32Array {
  const rows = table.length / width;
  const out = new Int32Array(rows * columns);
  for (let r = 0; r < rows; r++)
    out.set(table.subarray(r * width, r * width + columns), r * columns);
  return out;
}
