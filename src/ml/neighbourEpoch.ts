// One training epoch with a custom step: reconstruction MSE plus a weighted neighbour term.
import * as tf from '@tensorflow/tfjs';
import type { AutoencoderModels } from './autoencoder.ts';
import type { NeighbourGraph } from './approxNeighbours.ts';
import { drawNeighbours } from './approxNeighbours.ts';
import type { NeighbourLossKind } from './neighbourLoss.ts';
import { neighbourLoss, rowDistances, usesOtherRows } from './neighbourLoss.ts';
import { gatherRows } from './seededShuffle.ts';

/** What a neighbour-aware epoch needs besides the models. */
export interface NeighbourEpochInput {
  /** Training rows, row-major (rows x dim). */
  x: Float32Array;
  dim: number;
  /** This epoch's order of training rows. */
  order: Uint32Array;
  batchSize: number;
  weight: number;
  kind: NeighbourLossKind;
  /** Code stretch of the 'tsne' kernel (default 1); see tsneLoss. */
  tsneScale?: number;
  graph: NeighbourGraph;
  random: () => number;
}

/** Mean per-batch reconstruction MSE and neighbour term of one epoch over `order`. */
export function fitNeighbourEpoch(
  models: AutoencoderModels,
  optimizer: tf.Optimizer,
  input: NeighbourEpochInput,
): { loss: number; neighbourLoss: number } {
  const { x, dim, order, batchSize, weight, kind, graph, random, tsneScale = 1 } = input;
  const variables = models.autoencoder.trainableWeights.map((w) => w.read() as tf.Variable);
  const rows = order.length;
  let mseSum = 0;
  let neighbourSum = 0;
  let batches = 0;
  const mates = new Uint32Array(batchSize);
  const others = new Uint32Array(batchSize);
  for (let start = 0; start < rows; start += batchSize) {
    const ids = order.subarray(start, Math.min(rows, start + batchSize));
    const n = ids.length;
    drawNeighbours(graph, ids, random, mates);
    for (let i = 0; i < n; i++) others[i] = ids[Math.floor(random() * n)] as number;
    const xb = gatherRows(x, dim, ids);
    const xMate = gatherRows(x, dim, mates.subarray(0, n));
    const withOthers = usesOtherRows(kind);
    const xOther = withOthers ? gatherRows(x, dim, others.subarray(0, n)) : xb;
    const dxMate = rowDistances(xb, xMate, dim);
    const dxOther = rowDistances(xb, xOther, dim);
    let mse: tf.Scalar | undefined;
    let term: tf.Scalar | undefined;
    tf.tidy(() => {
      const parts = withOthers ? [xb, xMate, xOther] : [xb, xMate];
      const all = tf.tensor2d(concat(...parts), [parts.length * n, dim]);
      const batch = all.slice([0, 0], [n, dim]);
      const cost = optimizer.minimize(
        () => {
          const z = models.encoder.apply(all, { training: true }) as tf.Tensor2D;
          const zb = z.slice([0, 0], [n, -1]);
          const recon = models.decoder.apply(zb, { training: true }) as tf.Tensor2D;
          const m = tf.losses.meanSquaredError(batch, recon) as tf.Scalar;
          const t = neighbourLoss(
            kind,
            zb,
            z.slice([n, 0], [n, -1]),
            withOthers ? z.slice([2 * n, 0], [n, -1]) : zb,
            tf.tensor1d(dxMate),
            tf.tensor1d(dxOther),
            tsneScale,
          );
          mse = tf.keep(m);
          term = tf.keep(t);
          return tf.add(m, tf.mul(t, weight)) as tf.Scalar;
        },
        false,
        variables,
      );
      cost?.dispose();
    });
    mseSum += (mse as unknown as tf.Scalar).dataSync()[0] as number;
    neighbourSum += (term as unknown as tf.Scalar).dataSync()[0] as number;
    tf.dispose([mse as unknown as tf.Scalar, term as unknown as tf.Scalar]);
    batches++;
  }
  return { loss: mseSum / batches, neighbourLoss: neighbourSum / batches };
}

function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
