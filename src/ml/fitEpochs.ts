// Fitting a dense autoencoder epoch by epoch in a seeded order, stopping early and keeping the best weights.
import { Adam } from './adam.ts';
import type { DenseNetwork } from './denseNetwork.ts';
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
  /** Adam's learning rate at the start; it decays to a tenth by the last epoch (see learningRateAt). */
  learningRate: number;
  /** Epochs without a better validation loss before stopping. */
  patience: number;
  /** Training rows drawn (without replacement, anew each epoch) per epoch, at most. */
  rowsPerEpoch: number;
  /** Orders each epoch's rows; the caller's seeded source, so a seed reproduces the run. */
  random: () => number;
  onEpoch: (epoch: number, loss: number, valLoss: number) => void;
}

/** Fits until `epochs` or `patience` epochs without progress, then puts the best epoch's weights back. */
export function fitWithEarlyStopping(
  net: DenseNetwork,
  data: TrainingSplit,
  options: EarlyStoppingOptions,
): { history: { loss: number[]; valLoss: number[] }; bestEpoch: number } {
  const { epochs, patience, random, onEpoch } = options;
  const history = { loss: [] as number[], valLoss: [] as number[] };
  let best = { valLoss: Infinity, epoch: 0, weights: [] as Float64Array[] };
  const adam = new Adam(net.params);
  const order = orderedIndices(data.trainRows);
  const epochRows = Math.min(options.rowsPerEpoch, data.trainRows);
  const epochX = new Float32Array(epochRows * data.dim);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffleInPlace(order, random);
    gatherRows(data.trainX, data.dim, order.subarray(0, epochRows), epochX);
    const rate = learningRateAt(options.learningRate, epoch, epochs);
    const loss = fitOneEpoch(net, adam, epochX, epochRows, options.batchSize, rate);
    const valLoss = meanSquaredError(net, data.valX, data.valRows);
    history.loss.push(loss);
    history.valLoss.push(valLoss);
    onEpoch(epoch, loss, valLoss);
    if (valLoss < best.valLoss)
      best = { valLoss, epoch, weights: net.params.map((p) => p.slice()) };
    else if (epoch - best.epoch >= patience) break;
  }
  best.weights.forEach((weights, i) => (net.params[i] as Float64Array).set(weights));
  return { history, bestEpoch: best.epoch };
}

/**
 * The learning rate of an epoch: `initial` for the first, falling linearly to a tenth for the
 * last. Large steps early cover ground; small ones late settle instead of bouncing between
 * epochs (measured: README, "Training").
 */
export function learningRateAt(initial: number, epoch: number, epochs: number): number {
  if (epochs <= 1) return initial;
  return initial * (1 - (0.9 * (epoch - 1)) / (epochs - 1));
}

/** The network's reconstruction MSE on row-major rows (mean over rows and features). */
export function meanSquaredError(net: DenseNetwork, x: Float32Array, rows: number): number {
  return net.squaredError(x, 0, rows) / x.length;
}

// One pass over the rows in batches; returns the mean training loss, weighted by batch size.
function fitOneEpoch(
  net: DenseNetwork,
  adam: Adam,
  x: Float32Array,
  rows: number,
  batchSize: number,
  learningRate: number,
): number {
  const dim = x.length / rows;
  let squared = 0;
  for (let start = 0; start < rows; start += batchSize) {
    const end = Math.min(start + batchSize, rows);
    // The loss is the mean over the batch's values, so each squared error counts 1 / (rows x dim).
    const scale = 1 / ((end - start) * dim);
    net.zeroGrads();
    squared += net.trainBatch(x, start, end - start, scale);
    adam.step(net.grads, learningRate);
  }
  return squared / x.length;
}
