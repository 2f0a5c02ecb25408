// A listener's likes and dislikes of tracks, read per interaction through prepared statements:
// nothing about listeners is held in memory between interactions.
import type { Database } from './open.ts';

export type Rating = 'like' | 'dislike';

/** One stored rating: which track, which way, and when (ms since 1970). */
export interface StoredRating {
  trackId: string;
  rating: Rating;
  ratedAt: number;
}

/** Reads and writes the listener_ratings table; one instance per connection. */
export class ListenerRatings {
  readonly #upsert;
  readonly #recent;
  readonly #ids;
  readonly #count;

  constructor(db: Database) {
    this.#upsert = db.prepare(
      `INSERT INTO listener_ratings (user_id, track_id, liked, rated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, track_id) DO UPDATE SET liked = excluded.liked, rated_at = excluded.rated_at`,
    );
    this.#recent = db
      .prepare(
        `SELECT track_id, liked, rated_at FROM listener_ratings WHERE user_id = ?
         ORDER BY rated_at DESC, track_id LIMIT ?`,
      )
      .raw();
    this.#ids = db
      .prepare(
        `SELECT track_id FROM listener_ratings WHERE user_id = ? AND liked = ?
         ORDER BY rated_at DESC, track_id LIMIT ?`,
      )
      .pluck();
    this.#count = db
      .prepare('SELECT liked, count(*) FROM listener_ratings WHERE user_id = ? GROUP BY liked')
      .raw();
  }

  /** Stores (or changes) a listener's rating of a track. */
  rate(userId: string, trackId: string, rating: Rating, at = Date.now()): void {
    this.#upsert.run(userId, trackId, rating === 'like' ? 1 : 0, at);
  }

  /** A listener's most recent ratings, newest first. */
  recent(userId: string, limit: number): StoredRating[] {
    return (this.#recent.all(userId, limit) as [string, number, number][]).map(
      ([trackId, liked, ratedAt]) => ({ trackId, rating: liked ? 'like' : 'dislike', ratedAt }),
    );
  }

  /** Ids of the tracks a listener rated this way, newest first (all of them without a limit). */
  trackIds(userId: string, rating: Rating, limit = -1): string[] {
    return this.#ids.all(userId, rating === 'like' ? 1 : 0, limit) as string[];
  }

  /** How many likes and dislikes a listener has stored. */
  counts(userId: string): { likes: number; dislikes: number } {
    const rows = this.#count.all(userId) as [number, number][];
    const of = (liked: number) => rows.find(([l]) => l === liked)?.[1] ?? 0;
    return { likes: of(1), dislikes: of(0) };
  }
}
