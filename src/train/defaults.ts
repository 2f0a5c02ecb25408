// The training settings NextBeat ships with: what `npm run train` uses when no flag says otherwise.
import { DEFAULT_FEATURES } from '../data/track.ts';
import type { TrainingOptions } from './trainingOptions.ts';

/** Every TrainingOptions value that is not a path, a URL or the backend. */
export type TrainingSettings = Omit<
  TrainingOptions,
  'dataPath' | 'datasetUrl' | 'dbPath' | 'modelsDir' | 'backend'
>;

/**
 * Chosen by `npm run evaluate` (README, Evaluation; reports/evaluation.md): hidden 32
 * reconstructs well below PCA-3's error, where hidden 8 does not get as far; batch 256 at
 * learning rate 0.01 for 10 epochs fits better (and agrees more with genres) than batch 2048 for
 * 20, in about the same time.
 */
export const DEFAULT_TRAINING: Readonly<TrainingSettings> = {
  features: DEFAULT_FEATURES,
  epochs: 10,
  batchSize: 256,
  learningRate: 0.01,
  hidden: 32,
  latentDim: 3,
  seed: 42,
  patience: 3,
  maxBadRowShare: 0.5,
};
