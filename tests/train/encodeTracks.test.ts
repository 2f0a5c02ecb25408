// encodeTracks: every row of a matrix through the same plain-TypeScript encoder as a vibe query.
import { describe, expect, it } from 'vitest';
import { encodeLatent } from '../../src/core/latent/latentEncoder.ts';
import type { DenseLayerWeights } from '../../src/core/latent/latentEncoder.ts';
import { encodeTracks } from '../../src/train/encodeTracks.ts';

const LAYERS: DenseLayerWeights[] = [
  {
    inputDim: 2,
    outputDim: 3,
    kernel: [1, -1, 0.5, 2, 0, -0.5],
    bias: [0, 0.1, -0.2],
    activation: 'relu',
  },
  {
    inputDim: 3,
    outputDim: 2,
    kernel: [1, 0, 0, 1, 1, 1],
    bias: [0.5, -0.5],
    activation: 'linear',
  },
];

describe('encodeTracks', () => {
  it('GIVEN three rows WHEN encoded THEN row i of the result is encodeLatent of row i', () => {
    const rows = Float32Array.from([0.1, 0.9, 0.5, 0.5, 1, 0]);
    const encoded = encodeTracks(LAYERS, rows, 2);
    expect(encoded).toHaveLength(3 * 2);
    for (let row = 0; row < 3; row++) {
      const expected = encodeLatent(LAYERS, rows.subarray(row * 2, row * 2 + 2));
      expect(Array.from(encoded.subarray(row * 2, row * 2 + 2))).toEqual(
        Array.from(Float32Array.from(expected)),
      );
    }
  });
});
