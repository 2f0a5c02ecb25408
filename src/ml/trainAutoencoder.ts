// Training loop: seeded split and shuffling, Adam on MSE, early stopping that keeps the best weights.
// The tfjs models give the seeded starting weights and receive the trained ones; the gradient steps
// run on plain typed arrays (denseNetwork.ts says why).
import * as tf from '@tensorflow/tfjs';
import { createAutoencoder } from './autoencoder.ts';
import type { AutoencoderModels } from './autoencoder.ts';
import { DenseNetwork, type DenseLayerShape } from './denseNetwork.ts';
import { featureMeans, meanBaselineMse } from './meanBaseline.ts';
import { fitWithEarlyStopping, meanSquaredError, type TrainingSplit } from './fitEpochs.ts';
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
  /**
   * Training rows each epoch draws, at most (default 300,000). On the 1.2M-row benchmark file
   * (validation MSE over 5 epochs): 200k 0.00754, 300k 0.00732, 400k 0.00728 at twice 200k's
   * time; past 300k each row buys little (README, "Training").
   */
  rowsPerEpoch?: number;
  onEpoch?: (report: EpochReport) => void;
}

/** Rows per epoch when not given: every training row of the 114k-row data set, a sample of larger ones. */
export const DEFAULT_ROWS_PER_EPOCH = 300_000;

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
  const { epochs, onEpoch } = settings;
  const valRows = Math.round(rows * settings.validationSplit);
  checkInput(x, rows, dim, valRows, settings.validationSplit, epochs);
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const random = mulberry32(settings.seed);
  const data = splitRows(x, rows, dim, valRows, random);
  const models = createAutoencoder({ inputDim: dim, ...settings });
  try {
    const net = new DenseNetwork(layerShapes(dim, settings), readWeights(models.autoencoder));
    const report = (epoch: number, loss: number, valLoss: number) =>
      onEpoch?.({ epoch, epochs, loss, valLoss, seconds: elapsed() });
    const fitted = fitWithEarlyStopping(net, data, { ...settings, random, onEpoch: report });
    writeWeights(models.autoencoder, net.params);
    return {
      ...models,
      history: fitted.history,
      trainMse: meanSquaredError(net, data.trainX, data.trainRows),
      valMse: meanSquaredError(net, data.valX, data.valRows),
      meanBaselineMse: meanBaselineMse(featureMeans(data.trainX, dim), data.valX),
      epochsRun: fitted.history.loss.length,
      bestEpoch: fitted.bestEpoch,
      seconds: elapsed(),
    };
  } catch (error) {
    for (const model of Object.values(models)) model.dispose();
    throw error;
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
  const { rowsPerEpoch = DEFAULT_ROWS_PER_EPOCH, onEpoch } = options;
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
    rowsPerEpoch,
    onEpoch,
  };
}

// The autoencoder's dense layers, as createAutoencoder builds them.
function layerShapes(dim: number, settings: TrainSettings): DenseLayerShape[] {
  const { hidden, latentDim, latentActivation } = settings;
  return [
    { inputDim: dim, outputDim: hidden, activation: 'relu' },
    { inputDim: hidden, outputDim: latentDim, activation: latentActivation },
    { inputDim: latentDim, outputDim: hidden, activation: 'relu' },
    { inputDim: hidden, outputDim: dim, activation: 'sigmoid' },
  ];
}

function readWeights(model: tf.LayersModel): Float32Array[] {
  return model.getWeights().map((w) => w.dataSync() as Float32Array);
}

// The encoder and decoder share the autoencoder's layers, so they get the weights too.
function writeWeights(model: tf.LayersModel, params: readonly Float64Array[]): void {
  const tensors = model
    .getWeights()
    .map((w, i) => tf.tensor(Float32Array.from(params[i] as Float64Array), w.shape));
  model.setWeights(tensors);
  tf.dispose(tensors);
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
