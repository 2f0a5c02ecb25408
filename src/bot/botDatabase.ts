// The bot's connection to the database: its small page cache set before anything reads pages.
import { checkDatabaseIntegrity } from '../db/integrity.ts';
import { openDatabase, type Database } from '../db/open.ts';
import { limitPageCache } from './pageCache.ts';

/**
 * Opens the bot's database and checks it is sound. The page cache is limited first: quick_check
 * reads every page, and with the 64 MB cache publishing wants, the pages it cached stayed in
 * glibc's heap after the cache shrank (start-up 170 -> 137 MB resident, bench-bot-memory.ts).
 */
export function openBotDatabase(path: string, check = checkDatabaseIntegrity): Database {
  const db = openDatabase(path);
  try {
    limitPageCache(db);
    check(db, path);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
