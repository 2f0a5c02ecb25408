// The bot's SQLite page cache: small, because the bot reads a few rows per interaction.
import type { Database } from '../db/open.ts';

/** SQLite page cache of the bot's connection, in KB. */
export const BOT_PAGE_CACHE_KB = 4096;

/**
 * The bot reads a few rows per interaction (a listener's ratings, a list chain): a 4 MB page
 * cache serves that. The 64 MB that publishing a run wants (db/open.ts) filled up over 5,000
 * listeners' queries and held 15-20 MB of the bot's resident memory (bench-bot-memory.ts).
 */
export function limitPageCache(db: Database): void {
  db.pragma(`cache_size = -${BOT_PAGE_CACHE_KB}`);
  db.pragma('shrink_memory'); // whatever was cached beyond it
}
