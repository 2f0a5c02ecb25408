// Bringing a database's schema up to date: PRAGMA user_version says which migrations it has.
import type BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.ts';

type Database = BetterSqlite3.Database;

/** Read the database's PRAGMA user_version. */
export function getSchemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Apply every migration newer than the database, each in its own immediate transaction. */
export function runMigrations(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  for (const migration of migrations) {
    db.transaction(() => {
      // Re-read inside the write lock: another process may have migrated meanwhile.
      if (getSchemaVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return getSchemaVersion(db);
}
