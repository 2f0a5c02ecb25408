// Writing tracks with their genres, and reading one back.
import type { Track } from '../data/track.ts';
import type { Database } from './open.ts';
import { TRACK_COLUMNS, rowToTrack, trackToRow } from './trackRows.ts';

const UPSERT_TRACK = `
  INSERT INTO tracks (${TRACK_COLUMNS.join(', ')})
  VALUES (${TRACK_COLUMNS.map(() => '?').join(', ')})
  ON CONFLICT (id) DO UPDATE SET
  ${TRACK_COLUMNS.slice(1)
    .map((column) => `${column} = excluded.${column}`)
    .join(', ')}`;

/** Insert or update tracks and replace their genres; joins the caller's transaction if any. */
export function upsertTracks(db: Database, tracks: readonly Track[]): void {
  const upsertTrack = db.prepare(UPSERT_TRACK);
  const clearGenres = db.prepare('DELETE FROM track_genres WHERE track_id = ?');
  const insertGenre = db.prepare(
    'INSERT INTO track_genres (track_id, genre, position) VALUES (?, ?, ?)',
  );
  // Nested in an outer transaction this is a savepoint; alone it still batches every row.
  db.transaction(() => {
    for (const track of tracks) {
      upsertTrack.run(trackToRow(track));
      clearGenres.run(track.id);
      let position = 0;
      for (const genre of new Set(track.genres)) insertGenre.run(track.id, genre, position++);
    }
  })();
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
