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
 * reconstructs well below PCA-3's error, where hidden 8 does not get as far. Batches of 64 at
 * learning rate 0.02, decaying to a tenth over 5 epochs, reach a lower validation MSE (0.0077-0.0079
 * over seeds 42, 1, 7) than batches of 256 at 0.01 for 10 epochs (0.0082) with half the passes
 * over the data: small batches cost the plain-TypeScript trainer nothing extra (README, "Training
 * benchmark").
 */
export const DEFAULT_TRAINING: Readonly<TrainingSettings> = {
  features: DEFAULT_FEATURES,
  epochs: 5,
  batchSize: 64,
  learningRate: 0.02,
  hidden: 32,
  latentDim: 3,
  seed: 42,
  patience: 3,
  maxBadRowShare: 0.5,
};
