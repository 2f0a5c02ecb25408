// /forget-me's storage side: every row about one listener, deleted in one transaction.
import type { Database } from './open.ts';

/** How many rows of each kind were deleted. */
export interface ForgottenRows {
  likes: number;
  dislikes: number;
  chains: number;
}

/**
 * Deletes the listener's ratings and the list chains they started; returns the counts. The
 * tables listed here are every table holding a user id (tests/bot/forgetMe.test.ts checks all).
 */
export function forgetListener(db: Database, userId: string): ForgottenRows {
  return db.transaction(() => {
    const likes = db
      .prepare('DELETE FROM listener_ratings WHERE user_id = ? AND liked = 1')
      .run(userId).changes;
    const dislikes = db
      .prepare('DELETE FROM listener_ratings WHERE user_id = ? AND liked = 0')
      .run(userId).changes;
    const chains = db.prepare('DELETE FROM list_chains WHERE user_id = ?').run(userId).changes;
    return { likes, dislikes, chains };
  })();
}
