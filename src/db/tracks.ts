// Writing tracks with their genres, and reading one back.
import type { Track } from '../data/track.ts';
import { insertRows } from './batchInsert.ts';
import type { Database } from './open.ts';
import { TRACK_COLUMNS, rowHash, rowToTrack, trackToRow } from './trackRows.ts';

const UPSERT_SUFFIX = `ON CONFLICT (id) DO UPDATE SET
  ${[...TRACK_COLUMNS.slice(1), 'row_hash'].map((column) => `${column} = excluded.${column}`).join(', ')}`;

/**
 * Inserts or updates tracks and replaces their genres, skipping tracks whose stored row and genres
 * are unchanged (by row_hash). Joins the caller's transaction if any; returns how many were written.
 */
export function upsertTracks(db: Database, tracks: readonly Track[]): number {
  const stored = new Map(
    db.prepare('SELECT id, row_hash FROM tracks').raw().all() as [string, number | null][],
  );
  const trackValues: unknown[] = [];
  const genreValues: unknown[] = [];
  const replaced: string[] = [];
  const written = new Set<string>();
  // The last of several tracks with one id wins, as with one upsert per track. In id order, so
  // rows go into the id-keyed tables in key order, which is much faster than random order.
  const byId = new Map(tracks.map((t) => [t.id, t]));
  for (const id of [...byId.keys()].sort()) {
    const track = byId.get(id) as Track;
    const row = trackToRow(track);
    const genres = [...new Set(track.genres)];
    const hash = rowHash(row, genres);
    const before = stored.get(track.id);
    if (before === hash) continue;
    written.add(track.id);
    if (before !== undefined) replaced.push(track.id);
    trackValues.push(...row, hash);
    genres.forEach((genre, position) => genreValues.push(track.id, genre, position));
  }
  // Nested in an outer transaction this is a savepoint; alone it still batches every row.
  db.transaction(() => {
    const clearGenres = db.prepare('DELETE FROM track_genres WHERE track_id = ?');
    for (const id of replaced) clearGenres.run(id);
    const columns = `tracks (${TRACK_COLUMNS.join(', ')}, row_hash)`;
    insertRows(db, columns, TRACK_COLUMNS.length + 1, trackValues, UPSERT_SUFFIX);
    insertRows(db, 'track_genres (track_id, genre, position)', 3, genreValues);
  })();
  return written.size;
}

/** The stored track with this id, with its genres in their stored order, or null. */
export function getTrack(db: Database, id: string): Track | null {
  const row = db
    .prepare(`SELECT ${TRACK_COLUMNS.join(', ')} FROM tracks WHERE id = ?`)
    .raw()
    .get(id) as unknown[] | undefined;
  if (!row) return null;
  const genres = db
    .prepare('SELECT genre FROM track_genres WHERE track_id = ? ORDER BY position')
    .pluck()
    .all(id) as string[];
  return rowToTrack(row, genres);
}
