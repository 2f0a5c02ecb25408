// Publishing a training run: tracks, run, vectors and the active-run switch in one transaction.
import type { Track } from '../data/track.ts';
import { isTrackTable, type TrackTable } from '../data/trackTable.ts';
import { tableFromTracks } from '../data/trackTableBuilder.ts';
import { DatabaseError, InvalidRunError } from './errors.ts';
import type { Database } from './open.ts';
import { createRunId } from './runFolder.ts';
import { RUN_COLUMNS, getRun, runToRow } from './runRows.ts';
import type { NewRun, RunRecord } from './runTypes.ts';
import { sortedLastRowPerId } from './idOrder.ts';
import { recordRunFiles } from './runFiles.ts';
import { buildRunSnapshot, pruneRunSnapshots, writeRunSnapshot } from './runSnapshots.ts';
import { upsertTracks } from './tracks.ts';

export type PublishStep = 'catalog' | 'tracks' | 'run' | 'vectors' | 'activate';

export interface PublishInput {
  run: NewRun;
  /** Tracks to upsert, as a table (a training run) or objects; must include every id in trackIds. */
  tracks: TrackTable | readonly Track[];
  /** The run's track set, in catalog order: for a table, usually its own `ids`. */
  trackIds: readonly string[];
  /** trackIds.length x run.latentDim numbers, row-major. */
  vectors: Float32Array;
}

export interface PublishHooks {
  /** Called before each step (all but 'catalog' inside the transaction); tests throw here to simulate a crash. */
  beforeStep?: (step: PublishStep) => void;
}

/** Store a run, its tracks and vectors, and make it active, all in one transaction. */
export function publishRun(db: Database, input: PublishInput, hooks: PublishHooks = {}): RunRecord {
  const { run, trackIds, vectors } = input;
  validateVectors(input);
  const tracks = isTrackTable(input.tracks) ? input.tracks : tableFromTracks(input.tracks);
  // Sorted by id: rows then go into the id-keyed tables and indexes in key order, much faster.
  const tracksById = sortedLastRowPerId(tracks.ids);
  const positionsById = trackIds === tracks.ids ? tracksById : sortedLastRowPerId(trackIds);
  if (positionsById.length < trackIds.length) throw listedTwice(trackIds, positionsById);
  const catalogRows = trackIds === tracks.ids ? undefined : rowsOfTrackIds(tracks, trackIds);
  const id = run.id ?? createRunId();
  const step = (name: PublishStep): void => hooks.beforeStep?.(name);
  // Indexing is CPU work: done before taking the write lock, so readers are not held up by it.
  // The snapshot file belongs to the new run alone: nothing reads it before the run is active.
  step('catalog');
  const snapshot = writeRunSnapshot(
    run.modelDir,
    buildRunSnapshot(tracks, catalogRows, vectors, run.latentDim),
  );
  let previous: string | undefined; // keeps its snapshot, for a bot to fall back on
  db.transaction(() => {
    previous = db.prepare('SELECT run_id FROM active_run').pluck().get() as string | undefined;
    step('tracks');
    if (isTrackTable(input.tracks)) upsertTracks(db, tracks, tracksById);
    else upsertTracks(db, input.tracks);
    step('run');
    db.prepare(`INSERT INTO runs (${RUN_COLUMNS}) VALUES (${'?, '.repeat(14)}?)`).run(
      runToRow(id, run),
    );
    step('vectors');
    insertRunVectors(db, id, trackIds, vectors);
    // The files as they are now, so any later change on disk is caught when the run is loaded.
    recordRunFiles(db, id, run.modelDir, snapshot);
    step('activate');
    db.prepare(
      'INSERT INTO active_run (id, run_id) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET run_id = excluded.run_id',
    ).run(id);
  }).immediate();
  pruneRunSnapshots(db, previous ? [id, previous] : [id]);
  const stored = getRun(db, id);
  if (!stored) throw new DatabaseError(`Run ${id} vanished right after it was published.`);
  return stored;
}

/** Check sizes and finiteness before anything is written. */
function validateVectors({ run, trackIds, vectors }: PublishInput): void {
  const dim = run.latentDim;
  if (!Number.isInteger(dim) || dim <= 0) {
    throw new InvalidRunError(`latentDim must be a positive integer, got ${dim}.`);
  }
  if (trackIds.length === 0) throw new InvalidRunError('A run needs at least one track.');
  if (vectors.length !== trackIds.length * dim) {
    throw new InvalidRunError(
      `Expected ${trackIds.length} x ${dim} = ${trackIds.length * dim} vector values, got ${vectors.length}.`,
    );
  }
  for (let i = 0; i < vectors.length; i++) {
    if (!Number.isFinite(vectors[i])) {
      const row = Math.floor(i / dim);
      throw new InvalidRunError(
        `Vector of track ${trackIds[row]} (row ${row}) holds ${vectors[i]}: training diverged.`,
      );
    }
  }
}

/** The table row of each of `trackIds` (the last row with that id); InvalidRunError when one has none. */
function rowsOfTrackIds(table: TrackTable, trackIds: readonly string[]): Int32Array {
  const rowOf = new Map(table.ids.map((trackId, row) => [trackId, row]));
  return Int32Array.from(trackIds, (trackId) => {
    const row = rowOf.get(trackId);
    if (row === undefined) throw new InvalidRunError(`Track ${trackId} has no Track to store.`);
    return row;
  });
}

// Names the first id (in id order) that `trackIds` lists more than once.
function listedTwice(trackIds: readonly string[], positionsById: Int32Array): InvalidRunError {
  const kept = new Set(positionsById);
  const twice = trackIds.find((_, position) => !kept.has(position));
  return new InvalidRunError(`Track ${twice} is listed twice in the run.`);
}

function insertRunVectors(
  db: Database,
  runId: string,
  trackIds: readonly string[],
  vectors: Float32Array,
): void {
  // Native float32 bytes (little-endian on every platform Node ships for), read back as-is.
  const bytes = Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength);
  db.prepare('INSERT INTO run_vectors (run_id, v, track_ids) VALUES (?, ?, ?)').run(
    runId,
    bytes,
    JSON.stringify(trackIds),
  );
}
