// Training loop: seeded split and shuffling, Adam on MSE, early stopping that keeps the best weights.
import * as tf from '@tensorflow/tfjs';
import { createAutoencoder } from './autoencoder.ts';
import type { AutoencoderModels } from './autoencoder.ts';
import { featureMeans, meanBaselineMse } from './meanBaseline.ts';
import { evaluateMse, fitWithEarlyStopping, type TrainingSplit } from './fitEpochs.ts';
import { gatherRows } from './gatherRows.ts';
import { mulberry32, orderedIndices, shuffleInPlace } from './seededShuffle.ts';

export interface EpochReport {
  /** 1-based. */
  epoch: number;
  epochs: number;
  loss: number;
  valLoss: number;
  /** Since training started. */
  seconds: number;
}

export interface TrainOptions {
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  validationSplit?: number;
  /** Epochs without a better validation loss before stopping. */
  patience?: number;
  seed?: number;
  hidden?: number;
  latentDim?: number;
  /** Bottleneck activation (default 'linear'); see AutoencoderOptions. */
  latentActivation?: 'linear' | 'relu';
  onEpoch?: (report: EpochReport) => void;
}

export interface TrainResult extends AutoencoderModels {
  /** Per epoch: training and validation reconstruction MSE. */
  history: { loss: number[]; valLoss: number[] };
  trainMse: number;
  valMse: number;
  /** MSE on the validation rows of predicting the training rows' per-feature mean. */
  meanBaselineMse: number;
  epochsRun: number;
  /** 1-based epoch whose weights were kept. */
  bestEpoch: number;
  seconds: number;
}

/** The training data or options cannot be trained on. */
export class TrainingInputError extends Error {
  override name = 'TrainingInputError';
}

/**
 * Trains an autoencoder on scaled row-major rows (rows x dim). The returned models are for
 * inference and saving: the optimizer's state is released, so they are not meant to be fit again.
 */
export async function trainAutoencoder(
  x: Float32Array,
  rows: number,
  dim: number,
  options: TrainOptions = {},
): Promise<TrainResult> {
  const settings = withDefaults(options);
  const { epochs, batchSize, patience, onEpoch } = settings;
  const valRows = Math.round(rows * settings.validationSplit);
  checkInput(x, rows, dim, valRows, settings.validationSplit, epochs);
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const random = mulberry32(settings.seed);
  const data = splitRows(x, rows, dim, valRows, random);
  const { models, optimizer } = compileAutoencoder(dim, settings);
  const valTensor = tf.tensor2d(data.valX, [valRows, dim]);
  try {
    const report = (epoch: number, loss: number, valLoss: number) =>
      onEpoch?.({ epoch, epochs, loss, valLoss, seconds: elapsed() });
    const stopping = { epochs, batchSize, patience, random, onEpoch: report };
    const fitted = await fitWithEarlyStopping(models.autoencoder, data, valTensor, stopping);
    return {
      ...models,
      history: fitted.history,
      ...measureMse(models.autoencoder, data, valTensor),
      epochsRun: fitted.history.loss.length,
      bestEpoch: fitted.bestEpoch,
      seconds: elapsed(),
    };
  } catch (error) {
    for (const model of Object.values(models)) model.dispose();
    throw error;
  } finally {
    valTensor.dispose();
    optimizer.dispose();
  }
}

type TrainSettings = Required<Omit<TrainOptions, 'onEpoch'>> & Pick<TrainOptions, 'onEpoch'>;

// The options with their defaults in place (an option given as undefined gets its default too).
function withDefaults(options: TrainOptions): TrainSettings {
  const { epochs = 20, batchSize = 1024, learningRate = 0.01, validationSplit = 0.1 } = options;
  const {
    patience = 3,
    seed = 42,
    hidden = 8,
    latentDim = 3,
    latentActivation = 'linear',
  } = options;
  const { onEpoch } = options;
  return {
    epochs,
    batchSize,
    learningRate,
    validationSplit,
    patience,
    seed,
    hidden,
    latentDim,
    latentActivation,
    onEpoch,
  };
}

// A fresh autoencoder compiled for Adam on MSE; the optimizer comes back to be disposed.
function compileAutoencoder(dim: number, settings: TrainSettings) {
  const { hidden, latentDim, latentActivation, seed } = settings;
  const models = createAutoencoder({ inputDim: dim, hidden, latentDim, latentActivation, seed });
  const optimizer = tf.train.adam(settings.learningRate);
  models.autoencoder.compile({ optimizer, loss: 'meanSquaredError' });
  return { models, optimizer };
}

// Shuffles before splitting so validation is a random sample, not the file's last genres.
function splitRows(
  x: Float32Array,
  rows: number,
  dim: number,
  valRows: number,
  random: () => number,
): TrainingSplit {
  const order = shuffleInPlace(orderedIndices(rows), random);
  const valX = gatherRows(x, dim, order.subarray(0, valRows));
  const trainX = gatherRows(x, dim, order.subarray(valRows));
  return { dim, trainX, trainRows: rows - valRows, valX, valRows };
}

// Reconstruction MSE of the kept weights on both parts, and the mean baseline's on validation.
function measureMse(
  model: tf.LayersModel,
  data: TrainingSplit,
  valTensor: tf.Tensor,
): Pick<TrainResult, 'trainMse' | 'valMse' | 'meanBaselineMse'> {
  const trainTensor = tf.tensor2d(data.trainX, [data.trainRows, data.dim]);
  const trainMse = evaluateMse(model, trainTensor);
  trainTensor.dispose();
  return {
    trainMse,
    valMse: evaluateMse(model, valTensor),
    meanBaselineMse: meanBaselineMse(featureMeans(data.trainX, data.dim), data.valX),
  };
}

function checkInput(
  x: Float32Array,
  rows: number,
  dim: number,
  valRows: number,
  validationSplit: number,
  epochs: number,
): void {
  if (!(rows > 0 && dim > 0) || x.length !== rows * dim) {
    throw new TrainingInputError(`${x.length} values are not ${rows} rows of ${dim} features`);
  }
  if (!(validationSplit > 0 && validationSplit < 1) || valRows < 1 || valRows >= rows) {
    throw new TrainingInputError(
      `A validation split of ${validationSplit} leaves ${valRows} of ${rows} rows for validation; ` +
        'both the training and validation parts need at least one row',
    );
  }
  if (!(epochs >= 1)) throw new TrainingInputError(`epochs must be at least 1, got ${epochs}`);
  const bad = x.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    throw new TrainingInputError(`Row ${Math.floor(bad / dim)} has a non-finite feature value`);
  }
}
