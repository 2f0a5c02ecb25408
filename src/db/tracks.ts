// Writing tracks with their genres, and reading one back.
import type { Track } from '../data/track.ts';
import { genresOf, isTrackTable, type TrackTable } from '../data/trackTable.ts';
import { tableFromTracks } from '../data/trackTableBuilder.ts';
import { BatchInserter } from './batchInsert.ts';
import type { Database } from './open.ts';
import { sortedLastRowPerId } from './idOrder.ts';
import { TRACK_COLUMNS, rowHash, rowToTrack, tableRowValues, trackToRow } from './trackRows.ts';
import type { TrackRow } from './trackRows.ts';

const UPSERT_SUFFIX = `ON CONFLICT (id) DO UPDATE SET
  ${[...TRACK_COLUMNS.slice(1), 'row_hash'].map((column) => `${column} = excluded.${column}`).join(', ')}`;

/**
 * Inserts or updates tracks and replaces their genres, skipping tracks whose stored row and genres
 * are unchanged (by row_hash). Of several tracks with one id the last wins. `order`, the table's
 * rows by id (sortedLastRowPerId), saves sorting again. Joins the caller's transaction if any;
 * returns how many were written.
 */
export function upsertTracks(
  db: Database,
  tracks: TrackTable | readonly Track[],
  order?: Int32Array,
): number {
  if (!isTrackTable(tracks)) tracks.forEach(trackToRow); // names the bad track, as rows are checked
  const table = isTrackTable(tracks) ? tracks : tableFromTracks(tracks);
  // In id order: rows go into the id-keyed tables in key order, much faster than random order.
  const byId = order ?? sortedLastRowPerId(table.ids);
  const stored = storedRowHashes(db);
  const written = new Uint8Array(table.size);
  let count = 0;
  // Nested in an outer transaction this is a savepoint; alone it still batches every row.
  db.transaction(() => {
    const clearGenres = db.prepare('DELETE FROM track_genres WHERE track_id = ?');
    const columns = `tracks (${TRACK_COLUMNS.join(', ')}, row_hash)`;
    const trackRows = new BatchInserter(db, columns, TRACK_COLUMNS.length + 1, UPSERT_SUFFIX);
    const row: TrackRow = new Array<string | number | null>(TRACK_COLUMNS.length);
    for (const r of byId) {
      tableRowValues(table, r, row);
      const hash = rowHash(row, genresOf(table, r));
      const before = stored.get(table.ids[r] as string);
      if (before === hash) continue;
      if (before !== undefined) clearGenres.run(table.ids[r]);
      row.push(hash);
      trackRows.add(row);
      row.pop();
      written[r] = 1;
      count += 1;
    }
    trackRows.finish();
    // After every track row, so each genre row finds its track (the foreign key is checked at once).
    const genreRows = new BatchInserter(db, 'track_genres (track_id, genre, position)', 3);
    for (const r of byId) {
      if (written[r] === 0) continue;
      genresOf(table, r).forEach((genre, position) => genreRows.add([table.ids[r], genre, position]));
    }
    genreRows.finish();
  })();
  return count;
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

// Every stored track's row hash by id (none on a first training).
function storedRowHashes(db: Database): Map<string, number | null> {
  const stored = new Map<string, number | null>();
  for (const [id, hash] of db.prepare('SELECT id, row_hash FROM tracks').raw().iterate() as Iterable<
    [string, number | null]
  >) {
    stored.set(id, hash);
  }
  return stored;
}
