// Taking a run published elsewhere (a run store's SQLite export, already copied to this replica's
// disk) into this replica's own database: its tracks, run row, vectors and file digests, and the
// active-run switch, in one transaction. The export holds that run alone, written by a trainer
// that started from an empty database, so no listener's data ever travels with it.
import { DatabaseError } from './errors.ts';
import { getSchemaVersion } from './migrate.ts';
import type { Database } from './open.ts';
import { RUN_COLUMNS } from './runRows.ts';
import { pruneRunSnapshots } from './runSnapshots.ts';
import { TRACK_COLUMNS } from './trackRows.ts';

const TRACK_VALUES = [...TRACK_COLUMNS, 'row_hash'].join(', ');
const TRACK_UPDATE = [...TRACK_COLUMNS.slice(1), 'row_hash']
  .map((column) => `${column} = excluded.${column}`)
  .join(', ');

/** Makes run `runId` of the export at `exportPath` this database's active run, its folder `modelDir`. */
export function importRunDatabase(
  db: Database,
  exportPath: string,
  runId: string,
  modelDir: string,
): void {
  db.prepare('ATTACH DATABASE ? AS exported').run(exportPath);
  // A serving bot keeps a small page cache; ~90k rows into three B-trees want a big one meanwhile.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -65536');
  let previous: string | undefined;
  try {
    checkExport(db, exportPath, runId);
    db.transaction(() => {
      previous = db.prepare('SELECT run_id FROM active_run').pluck().get() as string | undefined;
      const known = db.prepare('SELECT 1 FROM main.runs WHERE id = ?').get(runId);
      if (known) {
        // Run ids are unique and runs immutable: a run already here has the same rows.
        db.prepare('UPDATE main.runs SET model_dir = ? WHERE id = ?').run(modelDir, runId);
      } else {
        copyTracks(db);
        copyRunRows(db, runId, modelDir);
      }
      activateRun(db, runId);
    }).immediate();
  } finally {
    db.prepare('DETACH DATABASE exported').run();
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma('shrink_memory');
  }
  pruneRunSnapshots(db, previous ? [runId, previous] : [runId]);
}

/** Makes `runId` (already in the database) the active run; e.g. back to the served one after a refused swap. */
export function activateRun(db: Database, runId: string): void {
  db.prepare(
    'INSERT INTO active_run (id, run_id) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET run_id = excluded.run_id',
  ).run(runId);
}

function checkExport(db: Database, exportPath: string, runId: string): void {
  const theirs = db.pragma('exported.user_version', { simple: true }) as number;
  const ours = getSchemaVersion(db);
  if (theirs !== ours) {
    throw new DatabaseError(
      `The export ${exportPath} has schema version ${theirs} and this database ${ours}: run the ` +
        'same NextBeat version on the trainer and the replicas.',
    );
  }
  if (!db.prepare('SELECT 1 FROM exported.runs WHERE id = ?').get(runId)) {
    throw new DatabaseError(`The export ${exportPath} holds no run ${runId}.`);
  }
}

// Tracks whose row or genres changed (row_hash differs) are rewritten with their genres; the
// others are left as they are, which is most of them from one retrain to the next.
function copyTracks(db: Database): void {
  db.exec(`
    CREATE TEMP TABLE changed_tracks AS
      SELECT s.id FROM exported.tracks s LEFT JOIN main.tracks m ON m.id = s.id
      WHERE m.id IS NULL OR m.row_hash IS NOT s.row_hash OR s.row_hash IS NULL;
    DELETE FROM main.track_genres WHERE track_id IN (SELECT id FROM temp.changed_tracks);
    INSERT INTO main.tracks (${TRACK_VALUES})
      SELECT ${TRACK_VALUES} FROM exported.tracks WHERE id IN (SELECT id FROM temp.changed_tracks)
      ON CONFLICT (id) DO UPDATE SET ${TRACK_UPDATE};
    INSERT INTO main.track_genres (track_id, genre, position)
      SELECT track_id, genre, position FROM exported.track_genres
      WHERE track_id IN (SELECT id FROM temp.changed_tracks);
    DROP TABLE temp.changed_tracks;
  `);
}

function copyRunRows(db: Database, runId: string, modelDir: string): void {
  const columns = RUN_COLUMNS.split(',').map((column) => column.trim());
  const picked = columns.map((column) => (column === 'model_dir' ? '?' : column)).join(', ');
  db.prepare(
    `INSERT INTO main.runs (${columns.join(', ')}) SELECT ${picked} FROM exported.runs WHERE id = ?`,
  ).run(modelDir, runId);
  // run_vectors carries the run's track list too (migration 7).
  for (const table of ['run_vectors', 'run_files']) {
    db.prepare(`INSERT INTO main.${table} SELECT * FROM exported.${table} WHERE run_id = ?`).run(runId);
  }
}
