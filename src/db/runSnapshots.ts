// Catalog snapshots of runs (see core/catalogSnapshot.ts): built at publish, read at load.
import { buildCatalogIndexes } from '../core/catalogIndexes.ts';
import { columnsFromTracks } from '../core/catalogColumns.ts';
import { SNAPSHOT_FORMAT, encodeCatalogSnapshot } from '../core/catalogSnapshot.ts';
import type { Track } from '../data/track.ts';
import type { Database } from './open.ts';

/** The packed catalog of a run about to be published, tracks in `trackIds` order. */
export function buildRunSnapshot(
  tracks: readonly Track[],
  trackIds: readonly string[],
  vectors: Float32Array,
  latentDim: number,
): Uint8Array {
  const byId = new Map(tracks.map((track) => [track.id, track]));
  const columns = columnsFromTracks(trackIds.map((id) => byId.get(id) as Track));
  return encodeCatalogSnapshot(columns, buildCatalogIndexes(columns, vectors, latentDim));
}

/**
 * Stores a run's snapshot and drops those of runs that are neither it nor the active one (about
 * 20 MB each for 90k tracks); a run without one still loads, from rows, only slower.
 */
export function storeRunSnapshot(db: Database, runId: string, data: Uint8Array): void {
  db.prepare('INSERT INTO run_catalogs (run_id, format, data) VALUES (?, ?, ?)').run(
    runId,
    SNAPSHOT_FORMAT,
    data,
  );
  db.prepare(
    'DELETE FROM run_catalogs WHERE run_id <> ? AND run_id NOT IN (SELECT run_id FROM active_run)',
  ).run(runId);
}

/** The run's stored snapshot bytes when they are in the current format, else null. */
export function readRunSnapshot(db: Database, runId: string): Uint8Array | null {
  const row = db.prepare('SELECT format, data FROM run_catalogs WHERE run_id = ?').get(runId) as
    | { format: number; data: Buffer }
    | undefined;
  return row && row.format === SNAPSHOT_FORMAT ? row.data : null;
}
