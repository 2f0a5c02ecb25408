// Loading the active run's tracks and vectors, aligned, for the in-memory catalog.
import type { Track } from '../data/track.ts';
import { DatabaseError } from './errors.ts';
import type { Database } from './open.ts';
import { getActiveRun } from './runs.ts';
import type { RunRecord } from './runTypes.ts';
import { TRACK_COLUMNS, rowToTrack } from './trackRows.ts';

export interface CatalogRows {
  run: RunRecord;
  /** The run's tracks in the order they were published. */
  tracks: Track[];
  /** tracks.length x run.latentDim numbers; row i is the vector of tracks[i]. */
  vectors: Float32Array;
}

const GENRE_SEPARATOR = '\u001f';

// Genres come folded into each track row: one string per track is cheaper than a second
// query returning a row per (track, genre) plus a Map to regroup them. The run's ids are a JSON
// array (migration 7), its positions json_each's keys.
const RUN_TRACKS = `
  SELECT ${TRACK_COLUMNS.map((column) => `t.${column}`).join(', ')},
    (SELECT group_concat(g.genre, char(31) ORDER BY g.position)
     FROM track_genres g WHERE g.track_id = t.id)
  FROM json_each((SELECT track_ids FROM run_vectors WHERE run_id = ?)) r
  JOIN tracks t ON t.id = r.value
  ORDER BY r.key`;

/** The active run with its tracks and vectors aligned, or null before the first training. */
export function loadActiveCatalogRows(db: Database): CatalogRows | null {
  // One read transaction, so a publish from another process cannot land between the queries.
  return db.transaction(() => {
    const run = getActiveRun(db);
    return run ? loadRunRows(db, run) : null;
  })();
}

/** A run's tracks (in published order) and vectors, read row by row. */
export function loadRunRows(db: Database, run: RunRecord): CatalogRows {
  const tracks: Track[] = [];
  const genresColumn = TRACK_COLUMNS.length;
  for (const row of db.prepare(RUN_TRACKS).raw().iterate(run.id) as Iterable<unknown[]>) {
    const genres = row[genresColumn] as string | null;
    tracks.push(rowToTrack(row, genres === null ? [] : genres.split(GENRE_SEPARATOR)));
  }
  return { run, tracks, vectors: readRunVectors(db, run, tracks.length) };
}

/**
 * The run's vectors, checked to hold exactly `trackCount` rows (any whole number of rows when
 * null, for callers that check later); throws DatabaseError otherwise.
 */
export function readRunVectors(
  db: Database,
  run: RunRecord,
  expectedCount: number | null,
): Float32Array {
  const blob = db.prepare('SELECT v FROM run_vectors WHERE run_id = ?').pluck().get(run.id) as
    | Buffer
    | undefined;
  const rowBytes = run.latentDim * Float32Array.BYTES_PER_ELEMENT;
  const trackCount = expectedCount ?? Math.floor((blob?.length ?? 0) / rowBytes);
  const expectedBytes = trackCount * rowBytes;
  if (trackCount === 0 || !blob || blob.length !== expectedBytes) {
    const vectorCount = blob ? blob.length / (run.latentDim * Float32Array.BYTES_PER_ELEMENT) : 0;
    throw new DatabaseError(
      `The active run ${run.id} is incomplete (${trackCount} tracks, ${vectorCount} vectors): ` +
        'run npm run train to publish a new one.',
    );
  }
  const vectors = new Float32Array(trackCount * run.latentDim);
  // Copy byte-wise: the Buffer's offset need not be 4-aligned for a Float32Array view.
  new Uint8Array(vectors.buffer).set(blob);
  return vectors;
}
