// Builds the in-memory catalog the bot and CLIs serve from, out of the active run in the database.
import { TrackCatalog } from '../core/catalog.ts';
import type { ScalerParams } from '../core/catalogSource.ts';
import type { DenseLayerWeights } from '../core/latentEncoder.ts';
import { loadActiveCatalogRows } from './catalogRows.ts';
import type { Database } from './open.ts';
import type { RunRecord } from './runTypes.ts';

export interface ActiveCatalog {
  catalog: TrackCatalog;
  run: RunRecord;
}

/** The active run's catalog, or null when nothing has been trained yet. */
export function loadActiveCatalog(db: Database): ActiveCatalog | null {
  const rows = loadActiveCatalogRows(db);
  if (!rows) return null;
  const { run, tracks, vectors } = rows;
  const catalog = new TrackCatalog({
    runId: run.id,
    tracks,
    vectors,
    latentDim: run.latentDim,
    features: run.features,
    scaler: run.scaler as ScalerParams,
    encoder: run.encoder as DenseLayerWeights[],
  });
  return { catalog, run };
}
