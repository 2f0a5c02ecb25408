// The next tracks of a list for one listener: never one the chain has shown (nor another release
// of its song), never one the listener disliked, steered by their ratings (listeners/taste.ts).
import type { TrackCatalog } from '../../core/catalog/index.ts';
import { UserFacingError } from '../../core/errors.ts';
import type { Recommendation, VibeMatch } from '../../core/queries/index.ts';
import { findTracksByVibe, recommendFromSeeds } from '../../core/queries/index.ts';
import type { ListenerTaste } from '../listeners/taste.ts';
import type { RecommendListState, VibeListState } from './listState.ts';

/** The core takes at most this many results per call. */
const MOST_PER_CALL = 100;

/** Catalog indices of a list's seeds; a seed missing from the served model is the user's news. */
export function seedIndices(catalog: TrackCatalog, seeds: readonly string[]): number[] {
  return seeds.map((id) => {
    const index = catalog.indexOfId(id);
    if (index < 0) {
      throw new UserFacingError(
        'A song this list was made from is not in the current model any more (it was retrained). Run the command again.',
      );
    }
    return index;
  });
}

/**
 * The `n` best recommendations not yet shown. Each call ranks the whole chain so far plus `n`
 * (offset 0), so the one-song-per-artist rule holds across pages, and keeps those not shown.
 */
export function nextRecommendations(
  catalog: TrackCatalog,
  state: RecommendListState,
  shown: readonly string[],
  taste: ListenerTaste,
  n: number,
): Recommendation[] {
  const seeds = seedIndices(catalog, state.seeds);
  const skip = shownSongs(catalog, shown);
  const out: Recommendation[] = [];
  let offset = 0;
  let window = Math.min(MOST_PER_CALL, shown.length + n);
  // Ratings changed since the last page can move shown tracks out of the window: a few more
  // windows find the rest.
  for (let round = 0; round < 4 && out.length < n; round++) {
    const page = recommendFromSeeds(catalog, seeds, {
      count: window,
      offset,
      sameGenre: state.sameGenre,
      noExplicit: state.noExplicit,
      popularity: state.popularity,
      ...(state.genre ? { genre: state.genre } : {}),
      ...(state.excludeArtist ? { excludeArtist: state.excludeArtist } : {}),
      ...(state.limits ? { limits: state.limits } : {}),
      excludeTracks: state.forYou ? taste.rated : taste.disliked,
      ...(taste.adjustScore ? { adjustScore: taste.adjustScore } : {}),
    });
    for (const result of page) {
      if (out.length < n && takeSong(catalog, skip, result.index)) out.push(result);
    }
    if (page.length < window) break;
    offset += window;
    window = MOST_PER_CALL;
  }
  return out;
}

/**
 * The `n` best vibe matches not yet shown, never one the listener disliked, steered by their
 * ratings as recommendations are; the list's limits are hard bounds beside its own.
 */
export function nextVibeMatches(
  catalog: TrackCatalog,
  state: VibeListState,
  shown: readonly string[],
  taste: ListenerTaste,
  n: number,
): VibeMatch[] {
  const skip = shownSongs(catalog, shown);
  const matches = findTracksByVibe(catalog, {
    targets: state.targets,
    ...(state.limits ? { min: state.limits.min, max: state.limits.max } : {}),
    // Enough for the page after dropping every shown song (one release each at most).
    count: Math.min(MOST_PER_CALL, shown.length + n),
    popularity: state.popularity,
    ...(state.genre ? { genre: state.genre } : {}),
    excludeTracks: taste.disliked,
    ...(taste.adjustScore ? { adjustScore: taste.adjustScore } : {}),
  });
  return matches.filter((m) => takeSong(catalog, skip, m.index)).slice(0, n);
}

function shownSongs(catalog: TrackCatalog, shown: readonly string[]): Set<number> {
  const songs = new Set<number>();
  for (const id of shown) {
    const index = catalog.indexOfId(id);
    if (index >= 0) songs.add(catalog.songIds[index] as number);
  }
  return songs;
}

// True (and remembered) when no release of this track's song was taken yet.
function takeSong(catalog: TrackCatalog, taken: Set<number>, index: number): boolean {
  const song = catalog.songIds[index] as number;
  if (taken.has(song)) return false;
  taken.add(song);
  return true;
}
