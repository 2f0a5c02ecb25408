// Popularity of what the bot recommends for songs people play most: popularity 0 in Spotify
// exports is mostly duplicates and unavailable releases, so a listener should rarely see it.
import type { TrackCatalog } from '../core/catalog/index.ts';
import type { PopularityMode } from '../core/queries/index.ts';
import { recommendFromTrack } from '../core/queries/index.ts';
import { quantile } from './quantile.ts';

export interface ResultPopularity {
  mode: PopularityMode;
  results: number;
  medianPopularity: number;
  /** Share of results with popularity 0. */
  zeroShare: number;
}

/** The most popular release of each of the `count` most popular songs (ties by index). */
export function mostPopularSongs(catalog: TrackCatalog, count: number): Int32Array {
  const best = new Map<number, number>();
  const { popularity, songIds } = catalog;
  for (let i = 0; i < catalog.size; i++) {
    const song = songIds[i] as number;
    const held = best.get(song);
    if (held === undefined || (popularity[i] as number) > (popularity[held] as number)) {
      best.set(song, i);
    }
  }
  const order = [...best.values()].sort(
    (a, b) => (popularity[b] as number) - (popularity[a] as number) || a - b,
  );
  return Int32Array.from(order.slice(0, count));
}

/** Popularity of the default 5 results of each query, in one popularity mode. */
export function resultPopularity(
  catalog: TrackCatalog,
  queries: Int32Array,
  mode: PopularityMode,
): ResultPopularity {
  const values = Array.from(queries).flatMap((query) =>
    recommendFromTrack(catalog, query, { popularity: mode }).map(
      (r) => catalog.popularity[r.index] as number,
    ),
  );
  const sorted = values.sort((a, b) => a - b);
  return {
    mode,
    results: sorted.length,
    medianPopularity: quantile(sorted, 0.5),
    zeroShare: sorted.filter((p) => p === 0).length / Math.max(1, sorted.length),
  };
}
