// Builds the in-memory catalog the bot and CLIs serve from, out of the active run in the database.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { TrackCatalog } from '../core/catalog/index.ts';
import { decodeCatalogSnapshot } from '../core/catalog/index.ts';
import { loadRunRows } from './catalogRows.ts';
import { DatabaseError } from './errors.ts';
import type { Database } from './open.ts';
import { openDatabase } from './open.ts';
import { getActiveRun, getRun } from './runs.ts';
import { withRunSnapshot } from './runSnapshots.ts';
import type { RunRecord } from './runTypes.ts';

/** A run with its catalog in memory: what the bot and the CLIs serve, swapped as a whole. */
export interface ServedModel {
  catalog: TrackCatalog;
  run: RunRecord;
}

/**
 * The active run's catalog, or null when nothing has been trained yet. Restored from the run's
 * snapshot when it has one (fast); otherwise built from its rows (runs published before snapshots).
 */
export function loadActiveCatalog(db: Database): ServedModel | null {
  return loadCatalog(db, () => getActiveRun(db));
}

/** The catalog of run `runId`, active or not; DatabaseError when there is no such run. */
export function loadRunCatalog(db: Database, runId: string): ServedModel {
  const loaded = loadCatalog(db, () => getRun(db, runId));
  if (!loaded) throw new DatabaseError(`There is no run ${runId} in the database.`);
  return loaded;
}

function loadCatalog(db: Database, pickRun: () => RunRecord | null): ServedModel | null {
  // One read transaction, so a publish from another process cannot land between the queries.
  const loaded = db.transaction(() => {
    const run = pickRun();
    if (!run) return null;
    return withRunSnapshot(db, run, (snapshot) =>
      snapshot
        ? { run, rows: null, restored: decodeCatalogSnapshot(snapshot) }
        : { run, rows: loadRunRows(db, run), restored: null },
    );
  })();
  if (!loaded) return null;
  const { run } = loaded;
  const runParts = {
    runId: run.id,
    latentDim: run.latentDim,
    features: run.features,
    scaler: run.scaler,
    encoder: run.encoder,
  };
  const { rows, restored } = loaded;
  const catalog = restored
    ? new TrackCatalog({ ...runParts, ...restored })
    : new TrackCatalog({ ...runParts, tracks: rows.tracks, vectors: rows.vectors });
  releaseCache(db);
  return { catalog, run };
}

/** The active catalog of the database at `path`, opened read-only; DatabaseError saying to train when there is none. */
export function openActiveCatalog(path: string): ServedModel {
  if (!existsSync(path)) {
    throw new DatabaseError(`No trained model yet (no database at ${resolve(path)}): run npm run train first.`);
  }
  const db = openDatabase(path, { readonly: true });
  try {
    const active = loadActiveCatalog(db);
    if (!active) {
      throw new DatabaseError(`No trained model yet in ${resolve(path)}: run npm run train first.`);
    }
    return active;
  } finally {
    db.close();
  }
}

// The run's pages (its vectors, or all its rows) sit in SQLite's page cache after loading, for nothing:
// shrink the cache to give them back, then restore its size for later work on this connection.
function releaseCache(db: Database): void {
  const size = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -2000');
  db.pragma('shrink_memory');
  db.pragma(`cache_size = ${size}`);
}
