// Genre agreement of neighbours: the share of a query's k nearest that share a genre with it.
import type { GenreTable } from '../core/catalog/index.ts';
import { tracksShareGenre } from '../core/catalog/index.ts';

/** Mean over queries of the share of the first k neighbours (of queries x width) sharing a genre. */
export function genrePrecisionAtK(
  genres: GenreTable,
  queries: Int32Array,
  neighbours: Int32Array,
  width: number,
  k: number,
): number {
  let hits = 0;
  queries.forEach((query, qi) => {
    for (let j = 0; j < k; j++) {
      const other = neighbours[qi * width + j] as number;
      if (other >= 0 && tracksShareGenre(genres, query, other)) hits++;
    }
  });
  return hits / (queries.length * k);
}

/**
 * Chance level: the precision of neighbours drawn at random, i.e. for each query the share of all
 * other tracks (other songs) sharing a genre with it, averaged over queries. Exact, no sampling.
 */
export function chanceGenrePrecision(
  genres: GenreTable,
  queries: Int32Array,
  songIds: Int32Array,
): number {
  const marked = new Uint8Array(genres.names.length);
  const rows = genres.offsets.length - 1;
  let total = 0;
  for (const query of queries) {
    const from = genres.offsets[query] as number;
    const to = genres.offsets[query + 1] as number;
    for (let g = from; g < to; g++) marked[genres.ids[g] as number] = 1;
    let sharing = 0;
    let candidates = 0;
    for (let r = 0; r < rows; r++) {
      if (songIds[r] === songIds[query]) continue;
      candidates++;
      for (let g = genres.offsets[r] as number; g < (genres.offsets[r + 1] as number); g++) {
        if (marked[genres.ids[g] as number]) {
          sharing++;
          break;
        }
      }
    }
    for (let g = from; g < to; g++) marked[genres.ids[g] as number] = 0;
    total += candidates > 0 ? sharing / candidates : 0;
  }
  return total / queries.length;
}
