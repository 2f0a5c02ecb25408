// The shape of a training run as stored: what was trained, on what, how well, and where.
import type { ScalerParams } from '../core/catalog/index.ts';
import type { DenseLayerWeights } from '../core/latent/index.ts';
import type { AudioFeature } from '../data/track.ts';

/** Training parameters; the ml layer may add more fields. */
export interface RunParams {
  epochs: number;
  batchSize: number;
  learningRate: number;
  hidden: number;
  latentDim: number;
  seed: number;
  /** Early-stopping patience in epochs. */
  patience?: number;
  validationSplit?: number;
}

/** Training and validation loss of each epoch run. */
export interface LossHistory {
  loss: number[];
  valLoss: number[];
}

/** Reconstruction quality, and the loss of each epoch. */
export interface RunMetrics {
  trainMse: number;
  valMse: number;
  meanBaselineMse: number;
  epochsRun: number;
  bestEpoch?: number;
  /** Spread (e.g. standard deviation) of each latent dimension. */
  latentSpread?: number[];
  history: LossHistory;
}

/** Seconds spent per stage (read, scale, train, encode, publish, ...). */
export type RunTimings = Partial<Record<string, number>>;

/** Row counts of the ingest that fed the run. */
export interface RunCounts {
  rowsRead: number;
  rowsSkipped: number;
  /** Rows whose track id was already seen, merged into that track. */
  duplicateRows?: number;
  tracks: number;
}

export type RunStatus = 'published';

/** One stored training run, JSON columns parsed. */
export interface RunRecord {
  /** Sortable and readable, e.g. '2026-11-25T14-30-00-abc123'. */
  id: string;
  /** ISO 8601. */
  createdAt: string;
  status: RunStatus;
  dataFile: string;
  dataSha256: string;
  /** tfjs backend that trained it, e.g. 'wasm'. */
  backend: string;
  features: AudioFeature[];
  /** The fitted Min-Max scaler of the training features. */
  scaler: ScalerParams;
  params: RunParams;
  metrics: RunMetrics;
  timings: RunTimings;
  counts: RunCounts;
  /** The encoder's dense layers, for encoding vibe queries without tfjs. */
  encoder: DenseLayerWeights[];
  modelDir: string;
  latentDim: number;
}

/** A run about to be published; id and createdAt default to now. */
export type NewRun = Omit<RunRecord, 'id' | 'createdAt' | 'status'> & {
  id?: string;
  createdAt?: string;
};
