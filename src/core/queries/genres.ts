// Genre lookups for filters and the bot's genre autocomplete.
import type { TrackCatalog } from '../catalog/index.ts';
import { UnknownGenreError } from '../errors.ts';
import type { GenreCount } from '../catalog/index.ts';
import { compactText } from '../titles/index.ts';

/** Genres whose name starts with, then contains, the query (ignoring case, accents, "-"), biggest first. */
export function searchGenres(catalog: TrackCatalog, query: string, limit = 25): GenreCount[] {
  const q = compactText(query);
  const scored: { genre: GenreCount; tier: number }[] = [];
  for (const genre of catalog.genres) {
    const name = compactText(genre.name);
    const tier = name === q ? 0 : name.startsWith(q) ? 1 : name.includes(q) ? 2 : -1;
    if (tier >= 0) scored.push({ genre, tier });
  }
  scored.sort((a, b) => a.tier - b.tier || b.genre.count - a.genre.count);
  return scored.slice(0, limit).map((s) => s.genre);
}

/** The id of the genre a person named ("K-Pop", "kpop"); throws UnknownGenreError with suggestions. */
export function resolveGenre(catalog: TrackCatalog, name: string): number {
  const exact = catalog.genreIdOf(name);
  if (exact >= 0) return exact;
  const matches = searchGenres(catalog, name, 5);
  const first = matches[0];
  if (first && compactText(first.name) === compactText(name)) return catalog.genreIdOf(first.name);
  throw new UnknownGenreError(
    name,
    matches.map((g) => g.name),
  );
}
