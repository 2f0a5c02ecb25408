// Training loop: seeded split and shuffling, Adam on MSE, early stopping that keeps the best weights.
import * as tf from '@tensorflow/tfjs';
import { createAutoencoder } from './autoencoder.ts';
import type { AutoencoderModels } from './autoencoder.ts';
import { featureMeans, meanBaselineMse } from './meanBaseline.ts';
import { gatherRows } from './gatherRows.ts';
import { mulberry32, shuffleInPlace } from './seededShuffle.ts';

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

const EVAL_BATCH = 8192;

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
  const { epochs = 20, batchSize = 1024, learningRate = 0.01, validationSplit = 0.1 } = options;
  const { patience = 3, seed = 42, hidden = 8, latentDim = 3, onEpoch } = options;
  const valRows = Math.round(rows * validationSplit);
  checkInput(x, rows, dim, valRows, validationSplit, epochs);
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;

  // Shuffle before splitting so validation is a random sample, not the file's last genres.
  const random = mulberry32(seed);
  const order = shuffleInPlace(range(rows), random);
  const valX = gatherRows(x, dim, order.subarray(0, valRows));
  const trainX = gatherRows(x, dim, order.subarray(valRows));
  const trainRows = rows - valRows;

  const { latentActivation = 'linear' } = options;
  const models = createAutoencoder({ inputDim: dim, hidden, latentDim, latentActivation, seed });
  const { autoencoder } = models;
  const optimizer = tf.train.adam(learningRate);
  autoencoder.compile({ optimizer, loss: 'meanSquaredError' });
  const valTensor = tf.tensor2d(valX, [valRows, dim]);
  const history: TrainResult['history'] = { loss: [], valLoss: [] };
  let best = { valLoss: Infinity, epoch: 0, weights: [] as Float32Array[] };
  try {
    // tfjs's own fit shuffle uses Math.random; shuffling here keeps a seed reproducible.
    const epochOrder = range(trainRows);
    const epochX = new Float32Array(trainX.length);
    for (let epoch = 1; epoch <= epochs; epoch++) {
      shuffleInPlace(epochOrder, random);
      gatherRows(trainX, dim, epochOrder, epochX);
      const loss = await fitOneEpoch(autoencoder, epochX, trainRows, dim, batchSize);
      const valLoss = evaluateMse(autoencoder, valTensor);
      history.loss.push(loss);
      history.valLoss.push(valLoss);
      onEpoch?.({ epoch, epochs, loss, valLoss, seconds: elapsed() });
      if (valLoss < best.valLoss) best = { valLoss, epoch, weights: snapshot(autoencoder) };
      else if (epoch - best.epoch >= patience) break;
    }
    if (best.epoch !== history.loss.length) restore(autoencoder, best.weights);
    const trainTensor = tf.tensor2d(trainX, [trainRows, dim]);
    const trainMse = evaluateMse(autoencoder, trainTensor);
    trainTensor.dispose();
    return {
      ...models,
      history,
      trainMse,
      valMse: evaluateMse(autoencoder, valTensor),
      meanBaselineMse: meanBaselineMse(featureMeans(trainX, dim), valX),
      epochsRun: history.loss.length,
      bestEpoch: best.epoch,
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

async function fitOneEpoch(
  model: tf.LayersModel,
  x: Float32Array,
  rows: number,
  dim: number,
  batchSize: number,
): Promise<number> {
  const xs = tf.tensor2d(x, [rows, dim]);
  try {
    const h = await model.fit(xs, xs, {
      epochs: 1,
      batchSize,
      shuffle: false,
      verbose: 0,
      // Training runs outside the bot's event loop; yielding per batch only costs time.
      yieldEvery: 'never',
    });
    return h.history.loss?.[0] as number;
  } finally {
    xs.dispose();
  }
}

function evaluateMse(model: tf.LayersModel, x: tf.Tensor): number {
  const loss = tf.tidy(() => model.evaluate(x, x, { batchSize: EVAL_BATCH }) as tf.Scalar);
  const value = loss.dataSync()[0] as number;
  loss.dispose();
  return value;
}

// Copies the weights out of tfjs, so keeping the best epoch costs no tensors.
function snapshot(model: tf.LayersModel): Float32Array[] {
  return model.getWeights().map((w) => w.dataSync().slice() as Float32Array);
}

function restore(model: tf.LayersModel, weights: Float32Array[]): void {
  const tensors = model.getWeights().map((w, i) => tf.tensor(weights[i] as Float32Array, w.shape));
  model.setWeights(tensors);
  tf.dispose(tensors);
}

function range(n: number): Uint32Array {
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
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
