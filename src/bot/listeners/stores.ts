// The listener tables' prepared statements, made once per database connection and reused by every
// interaction (preparing a statement costs more than running it).
import type { Database } from '../../db/open.ts';
import { ListChains } from '../../db/listChains.ts';
import { ListenerRatings } from '../../db/listenerRatings.ts';

export interface ListenerStores {
  ratings: ListenerRatings;
  chains: ListChains;
}

const byDatabase = new WeakMap<Database, ListenerStores>();

/** SQLite's page cache for the bot's connection, in KiB (SQLite's default size). */
export const BOT_PAGE_CACHE_KIB = 2048;

/**
 * The stores of this connection, prepared on first use. The bot reads listeners' rows one
 * listener at a time from all over the tables, so a page is rarely read twice soon: the 64 MB
 * page cache openDatabase sets (for publishing runs) filled with them, +78 MB resident with
 * 20,000 listeners' feedback (scripts/bench-bot-memory.ts). The connection gets SQLite's default
 * 2 MB instead; the bot reads nothing else from SQLite that a bigger cache would speed up.
 */
export function listenerStores(db: Database): ListenerStores {
  let stores = byDatabase.get(db);
  if (!stores) {
    db.pragma(`cache_size = -${BOT_PAGE_CACHE_KIB}`);
    stores = { ratings: new ListenerRatings(db), chains: new ListChains(db) };
    byDatabase.set(db, stores);
  }
  return stores;
}
