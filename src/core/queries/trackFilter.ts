// Hard filters shared by recommendations and vibe queries: genre, artist, popularity, explicit.
import type { TrackCatalog } from '../catalog/index.ts';
import { ARTIST_SEPARATOR } from '../catalog/index.ts';
import { InvalidQueryError } from '../errors.ts';
import { trackHasGenre } from '../catalog/index.ts';
import { resolveGenre } from './genres.ts';
import { normalizeText } from '../titles/index.ts';

/** Filters a person can set; every one is a hard constraint on each result. */
export interface TrackFilterOptions {
  /** Only tracks listed under this genre. */
  genre?: string;
  /** Drop tracks where this artist is credited at all. */
  excludeArtist?: string;
  minPopularity?: number;
  maxPopularity?: number;
  /** Drop tracks known to be explicit (tracks of unknown status are kept). */
  noExplicit?: boolean;
}

/** Turns filter options into a predicate over track indices; throws UserFacingErrors on bad input. */
export function compileTrackFilter(
  catalog: TrackCatalog,
  options: TrackFilterOptions,
): (index: number) => boolean {
  const genreId = options.genre ? resolveGenre(catalog, options.genre) : -1;
  const excluded = options.excludeArtist ? normalizeText(options.excludeArtist) : '';
  const minPop = options.minPopularity ?? -Infinity;
  const maxPop = options.maxPopularity ?? Infinity;
  if (minPop > maxPop) {
    throw new InvalidQueryError(`Minimum popularity ${minPop} is above the maximum ${maxPop}.`);
  }
  const popularityBound =
    options.minPopularity !== undefined || options.maxPopularity !== undefined;
  const { popularity, explicit, genreTable } = catalog;
  const { artists } = catalog.columns;
  return (index) => {
    if (genreId >= 0 && !trackHasGenre(genreTable, index, genreId)) return false;
    if (options.noExplicit && explicit[index] === 1) return false;
    if (popularityBound) {
      const p = popularity[index] as number;
      if (p < 0 || p < minPop || p > maxPop) return false;
    }
    if (excluded !== '') {
      for (const artist of (artists.at(index) as string).split(ARTIST_SEPARATOR)) {
        if (normalizeText(artist) === excluded) return false;
      }
    }
    return true;
  };
}
