// The plain-TypeScript trainer's gradients against tfjs's own, on the autoencoder's layers.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createAutoencoder } from '../../src/ml/autoencoder.ts';
import { selectBackend } from '../../src/ml/backend.ts';
import { DenseNetwork, DenseNetworkError, MAX_BATCH_ROWS } from '../../src/ml/denseNetwork.ts';
import { syntheticRows } from './syntheticRows.ts';

const DIM = 5;
// More than one block of MAX_BATCH_ROWS, so gradients summed across blocks are checked too.
const ROWS = MAX_BATCH_ROWS + 44;

describe('DenseNetwork', () => {
  it('GIVEN the autoencoder and a batch WHEN loss and gradients are computed THEN they equal tfjs', async () => {
    await selectBackend('cpu');
    const { autoencoder } = createAutoencoder({ inputDim: DIM, hidden: 6, latentDim: 2, seed: 3 });
    const weights = autoencoder.getWeights().map((w) => w.dataSync() as Float32Array);
    const x = syntheticRows(ROWS, DIM);
    // tfjs: mean squared reconstruction error and its gradient with respect to every weight
    const xs = tf.tensor2d(x, [ROWS, DIM]);
    const vars = autoencoder.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(
      () => tf.mean(tf.squaredDifference(autoencoder.apply(xs) as tf.Tensor, xs)) as tf.Scalar,
      vars,
    );
    const expected = vars.map((v) => Array.from(grads[v.name]?.dataSync() ?? []));
    // WHEN the plain network runs the same batch
    const shapes = [
      { inputDim: DIM, outputDim: 6, activation: 'relu' as const },
      { inputDim: 6, outputDim: 2, activation: 'linear' as const },
      { inputDim: 2, outputDim: 6, activation: 'relu' as const },
      { inputDim: 6, outputDim: DIM, activation: 'sigmoid' as const },
    ];
    const net = new DenseNetwork(shapes, weights);
    const squared = net.trainBatch(x, 0, ROWS, 1 / (ROWS * DIM));
    // THEN the loss and every gradient agree to float32 precision
    expect(squared / (ROWS * DIM)).toBeCloseTo(value.dataSync()[0] as number, 6);
    net.grads.forEach((grad, i) => {
      Array.from(grad).forEach((g, k) => expect(g).toBeCloseTo(expected[i]?.[k] as number, 6));
    });
    tf.dispose([xs, value, ...Object.values(grads)]);
    autoencoder.dispose();
  });

  it('GIVEN weights of the wrong size WHEN built THEN a DenseNetworkError names the layer', () => {
    const shapes = [{ inputDim: 2, outputDim: 2, activation: 'linear' as const }];
    expect(() => new DenseNetwork(shapes, [new Float32Array(3), new Float32Array(2)])).toThrow(
      /Layer 0 is 2 x 2/,
    );
    expect(() => new DenseNetwork(shapes, [])).toThrow(DenseNetworkError);
  });
});
