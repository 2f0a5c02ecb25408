// The bot's SQLite page cache: small, because the bot reads a few rows per interaction.
import type { Database } from '../db/open.ts';

/** SQLite page cache of the bot's connection, in KB (SQLite's default size). */
export const BOT_PAGE_CACHE_KB = 2048;

/**
 * The bot reads listeners' rows one listener at a time from all over the tables, so a page is
 * rarely read twice soon: the 64 MB cache that publishing a run wants (db/open.ts) filled with
 * them, +78 MB resident with 20,000 listeners' feedback, and quick_check's pages at start-up
 * stayed in glibc's heap (bench-bot-memory.ts). The bot reads nothing else from SQLite that a
 * bigger cache would speed up.
 */
export function limitPageCache(db: Database): void {
  db.pragma(`cache_size = -${BOT_PAGE_CACHE_KB}`);
  db.pragma('shrink_memory'); // whatever was cached beyond it
}
