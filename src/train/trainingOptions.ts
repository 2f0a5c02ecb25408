// What a training run is asked to do: where its data, database and models are, and how to train.
import type { ColumnMapping } from '../data/columnMapping.ts';
import type { AudioFeature } from '../data/track.ts';
import type { StorageProbe } from '../db/preflight.ts';
import type { RunParams } from '../db/runTypes.ts';
import type { BackendChoice } from '../ml/backendChoice.ts';

/** What a training run needs: where things are, what to learn from, and the run's parameters. */
export interface TrainingOptions extends Omit<RunParams, 'patience' | 'validationSplit'> {
  dataPath: string;
  /** Download from this URL when dataPath is missing; undefined means never download. */
  datasetUrl: string | undefined;
  dbPath: string;
  modelsDir: string;
  features: readonly AudioFeature[];
  patience: number;
  backend: BackendChoice;
  maxBadRowShare: number;
  /** Columns to take for fields over the names NextBeat recognises; none by default. */
  columns?: ColumnMapping;
  /** The file-system calls of the storage checks; tests inject a full or read-only disk here. */
  storageProbe?: StorageProbe;
}

/** The training parameters stored with a run, as the training loop takes them. */
export type TrainingParams = Required<Omit<RunParams, 'validationSplit'>>;

/** Picks the stored training parameters out of the options, in the order they are stored. */
export function trainingParams(options: TrainingOptions): TrainingParams {
  const { epochs, batchSize, learningRate, hidden, latentDim, seed, patience } = options;
  return { epochs, batchSize, learningRate, hidden, latentDim, seed, patience };
}
