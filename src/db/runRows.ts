// How a run maps onto a row of the runs table, and reading one run back.
import type { Database } from './open.ts';
import { parseEncoderWeights, parseLossHistory, parseScalerParams } from './runJsonColumns.ts';
import type { NewRun, RunRecord } from './runTypes.ts';

export const RUN_COLUMNS = `id, created_at, status, data_file, data_sha256, backend, features, scaler,
  params, metrics, timings, counts, encoder, model_dir, latent_dim`;

/** Positional values for RUN_COLUMNS of a run being published. */
export function runToRow(id: string, run: NewRun): unknown[] {
  return [
    id,
    run.createdAt ?? new Date().toISOString(),
    'published',
    run.dataFile,
    run.dataSha256,
    run.backend,
    JSON.stringify(run.features),
    JSON.stringify(run.scaler),
    JSON.stringify(run.params),
    JSON.stringify(run.metrics),
    JSON.stringify(run.timings),
    JSON.stringify(run.counts),
    JSON.stringify(run.encoder),
    run.modelDir,
    run.latentDim,
  ];
}

/** A runs row as better-sqlite3 returns it. */
export interface RunRow {
  id: string;
  created_at: string;
  status: string;
  data_file: string;
  data_sha256: string;
  backend: string;
  features: string;
  scaler: string;
  params: string;
  metrics: string;
  timings: string;
  counts: string;
  encoder: string;
  model_dir: string;
  latent_dim: number;
}

/** Parse a runs row into a RunRecord; MalformedRunError when its scaler or encoder is unusable. */
export function rowToRun(row: RunRow): RunRecord {
  const { history, ...metrics } = JSON.parse(row.metrics) as RunRecord['metrics'];
  return {
    id: row.id,
    createdAt: row.created_at,
    status: row.status as RunRecord['status'],
    dataFile: row.data_file,
    dataSha256: row.data_sha256,
    backend: row.backend,
    features: JSON.parse(row.features) as RunRecord['features'],
    scaler: parseScalerParams(JSON.parse(row.scaler), row.id),
    params: JSON.parse(row.params) as RunRecord['params'],
    metrics: { ...metrics, history: parseLossHistory(history) },
    timings: JSON.parse(row.timings) as RunRecord['timings'],
    counts: JSON.parse(row.counts) as RunRecord['counts'],
    encoder: parseEncoderWeights(JSON.parse(row.encoder), row.id),
    modelDir: row.model_dir,
    latentDim: row.latent_dim,
  };
}

/** The run with this id, or null. */
export function getRun(db: Database, id: string): RunRecord | null {
  const row = db.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`).get(id) as
    | RunRow
    | undefined;
  return row ? rowToRun(row) : null;
}

