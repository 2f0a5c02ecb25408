// Fitting an autoencoder epoch by epoch in a seeded order, stopping early and keeping the best weights.
import * as tf from '@tensorflow/tfjs';
import { gatherRows } from './gatherRows.ts';
import { orderedIndices, shuffleInPlace } from './seededShuffle.ts';

/** Row-major training and validation rows of `dim` features. */
export interface TrainingSplit {
  dim: number;
  trainX: Float32Array;
  trainRows: number;
  valX: Float32Array;
  valRows: number;
}

export interface EarlyStoppingOptions {
  epochs: number;
  batchSize: number;
  /** Epochs without a better validation loss before stopping. */
  patience: number;
  /** Orders each epoch's rows; the caller's seeded source, so a seed reproduces the run. */
  random: () => number;
  onEpoch: (epoch: number, loss: number, valLoss: number) => void;
}

const EVAL_BATCH = 8192;

/** Fits until `epochs` or `patience` epochs without progress, then puts the best epoch's weights back. */
export async function fitWithEarlyStopping(
  model: tf.LayersModel,
  data: TrainingSplit,
  valTensor: tf.Tensor,
  { epochs, batchSize, patience, random, onEpoch }: EarlyStoppingOptions,
): Promise<{ history: { loss: number[]; valLoss: number[] }; bestEpoch: number }> {
  const history = { loss: [] as number[], valLoss: [] as number[] };
  let best = { valLoss: Infinity, epoch: 0, weights: [] as Float32Array[] };
  // tfjs's own fit shuffle uses Math.random; shuffling here keeps a seed reproducible.
  const epochOrder = orderedIndices(data.trainRows);
  const epochX = new Float32Array(data.trainX.length);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffleInPlace(epochOrder, random);
    gatherRows(data.trainX, data.dim, epochOrder, epochX);
    const loss = await fitOneEpoch(model, epochX, data.trainRows, data.dim, batchSize);
    const valLoss = evaluateMse(model, valTensor);
    history.loss.push(loss);
    history.valLoss.push(valLoss);
    onEpoch(epoch, loss, valLoss);
    if (valLoss < best.valLoss) best = { valLoss, epoch, weights: snapshot(model) };
    else if (epoch - best.epoch >= patience) break;
  }
  if (best.epoch !== history.loss.length) restore(model, best.weights);
  return { history, bestEpoch: best.epoch };
}

/** The model's reconstruction MSE on `x`, leaving no tensor behind. */
export function evaluateMse(model: tf.LayersModel, x: tf.Tensor): number {
  const loss = tf.tidy(() => model.evaluate(x, x, { batchSize: EVAL_BATCH }) as tf.Scalar);
  const value = loss.dataSync()[0] as number;
  loss.dispose();
  return value;
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

// Copies the weights out of tfjs, so keeping the best epoch costs no tensors.
function snapshot(model: tf.LayersModel): Float32Array[] {
  return model.getWeights().map((w) => w.dataSync().slice() as Float32Array);
}

function restore(model: tf.LayersModel, weights: Float32Array[]): void {
  const tensors = model.getWeights().map((w, i) => tf.tensor(weights[i] as Float32Array, w.shape));
  model.setWeights(tensors);
  tf.dispose(tensors);
}
