// How a listener's likes and dislikes shape their lists. Read from the database per interaction
// (never cached), applied to the catalog being served; a rated track missing from it is skipped.
//
// - Never again: every disliked track, and every other release of its song, is excluded from every
//   list for that listener (recommend, vibe, for-you, playlists).
// - Steering: each candidate's ranking score (a feature distance, typically 0.05-0.3; lower ranks
//   first) moves by its primary artist's standing among the listener's 500 most recent ratings:
//   -0.02 per liked song of that artist (at most -0.04), +0.04 per disliked one (at most +0.08).
//   A liked artist's song thus wins against a slightly closer one, a disliked artist's needs to
//   be clearly closer; the popularity prior (up to -0.05) is of the same size.
import type { TrackCatalog } from '../../core/catalog/index.ts';
import type { StoredRating } from '../../db/listenerRatings.ts';
import type { Database } from '../../db/open.ts';
import { listenerStores } from './stores.ts';

export const STEERING_RATINGS = 500;
export const LIKED_ARTIST_BONUS = 0.02;
export const MAX_LIKED_ARTIST_BONUS = 0.04;
export const DISLIKED_ARTIST_PENALTY = 0.04;
export const MAX_DISLIKED_ARTIST_PENALTY = 0.08;

/** What one listener's ratings mean for the catalog being served. */
export interface ListenerTaste {
  /** Disliked tracks and the other releases of their songs: never shown to this listener. */
  disliked: ReadonlySet<number>;
  /** Every rated track (liked or not) and the other releases of their songs. */
  rated: ReadonlySet<number>;
  /** Liked tracks in the catalog, newest first. */
  likes: readonly number[];
  /** Added to a candidate's ranking score; undefined when no rating steers anything. */
  adjustScore: ((index: number) => number) | undefined;
}

/** A set of tracks that also holds every other release of their songs. */
class SongSet extends Set<number> {
  readonly #songs = new Set<number>();
  constructor(private readonly songIds: Int32Array) {
    super();
  }
  addTrack(index: number): void {
    super.add(index);
    this.#songs.add(this.songIds[index] as number);
  }
  override has(index: number): boolean {
    return super.has(index) || this.#songs.has(this.songIds[index] as number);
  }
}

/** The taste of a listener read from the database. */
export function listenerTaste(db: Database, catalog: TrackCatalog, userId: string): ListenerTaste {
  return tasteFromRatings(catalog, listenerStores(db).ratings.recent(userId, -1));
}

/** The taste these ratings (newest first) give on this catalog. */
export function tasteFromRatings(
  catalog: TrackCatalog,
  ratings: readonly StoredRating[],
): ListenerTaste {
  const disliked = new SongSet(catalog.songIds);
  const rated = new SongSet(catalog.songIds);
  const likes: number[] = [];
  const artistScore = new Map<number, { liked: number; disliked: number }>();
  ratings.forEach(({ trackId, rating }, position) => {
    const index = catalog.indexOfId(trackId);
    if (index < 0) return; // not in this run: kept in the database, skipped here
    rated.addTrack(index);
    if (rating === 'dislike') disliked.addTrack(index);
    else likes.push(index);
    if (position >= STEERING_RATINGS) return;
    const artist = catalog.artistIds[index] as number;
    const score = artistScore.get(artist) ?? { liked: 0, disliked: 0 };
    score[rating === 'like' ? 'liked' : 'disliked'] += 1;
    artistScore.set(artist, score);
  });
  const adjustByArtist = new Map<number, number>();
  for (const [artist, { liked, disliked: against }] of artistScore) {
    adjustByArtist.set(
      artist,
      Math.min(against * DISLIKED_ARTIST_PENALTY, MAX_DISLIKED_ARTIST_PENALTY) -
        Math.min(liked * LIKED_ARTIST_BONUS, MAX_LIKED_ARTIST_BONUS),
    );
  }
  const { artistIds } = catalog;
  return {
    disliked,
    rated,
    likes,
    adjustScore:
      adjustByArtist.size === 0
        ? undefined
        : (index) => adjustByArtist.get(artistIds[index] as number) ?? 0,
  };
}

/** A listener with no ratings. */
export const NO_TASTE: ListenerTaste = {
  disliked: new Set(),
  rated: new Set(),
  likes: [],
  adjustScore: undefined,
};
