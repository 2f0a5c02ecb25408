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

/**
 * The stores of this connection, prepared on first use. (The bot's connection keeps a small page
 * cache for these reads: see pageCache.ts.)
 */
export function listenerStores(db: Database): ListenerStores {
  let stores = byDatabase.get(db);
  if (!stores) {
    stores = { ratings: new ListenerRatings(db), chains: new ListChains(db) };
    byDatabase.set(db, stores);
  }
  return stores;
}
