// Trains one autoencoder recipe on a feature set's training rows and measures it.
import * as tf from '@tensorflow/tfjs';
import type { DenseLayerWeights } from '../core/latent/index.ts';
import { encodeRows } from '../ml/encodeRows.ts';
import { readDenseWeights } from '../ml/encoderWeights.ts';
import { trainAutoencoder } from '../ml/trainAutoencoder.ts';
import type { EmbeddingQuality } from './embeddingQuality.ts';
import { embeddingQuality } from './embeddingQuality.ts';
import type { FeatureSetData } from './evaluationContext.ts';
import type { ModelRecipe } from './featureSets.ts';
import { reconstructionMse } from './reconstructionMse.ts';
import type { VibeTargets } from './vibeAccuracy.ts';
import { latentVibeResults, vibeGap, vibeInputs } from './vibeAccuracy.ts';

/** The measurements of one trained autoencoder. */
export interface ModelMeasurement {
  recipe: ModelRecipe;
  seed: number;
  heldOutMse: number;
  quality: EmbeddingQuality;
  /** Same codes, cosine metric. */
  cosineQuality?: EmbeddingQuality;
  vibeGap?: number;
  trainSeconds: number;
  epochsRun: number;
  bestEpoch: number;
  latentSpread: number[];
  history: { loss: number[]; valLoss: number[] };
  /** n x latentDim codes of every track. */
  codes: Float32Array;
  /** The encoder as plain weights, when asked for: what a served catalog holds. */
  encoderWeights?: DenseLayerWeights[];
}

/** What trainAndMeasure measures besides reconstruction and neighbours. */
export interface MeasureOptions {
  withTrust?: boolean;
  withCosine?: boolean;
  vibes?: VibeTargets;
  withEncoderWeights?: boolean;
}

/** Trains `recipe` with `seed`, encodes every track and measures reconstruction and neighbours. */
export async function trainAndMeasure(
  data: FeatureSetData,
  recipe: ModelRecipe,
  seed: number,
  { withTrust = false, withCosine = false, vibes, withEncoderWeights = false }: MeasureOptions = {},
): Promise<ModelMeasurement> {
  const { dim, trainX, testX } = data;
  const trained = await trainAutoencoder(trainX, trainX.length / dim, dim, {
    epochs: recipe.epochs,
    batchSize: recipe.batchSize,
    learningRate: recipe.learningRate,
    hidden: recipe.hidden,
    latentDim: recipe.latentDim,
    latentActivation: recipe.latentActivation,
    patience: recipe.patience,
    seed,
  });
  try {
    const codes = encodeRows(trained.encoder, data.x, data.x.length / dim, dim);
    const recon = tf.tidy(
      () => trained.autoencoder.predict(tf.tensor2d(testX, [testX.length / dim, dim])) as tf.Tensor,
    );
    const heldOutMse = reconstructionMse(testX, recon.dataSync() as Float32Array);
    recon.dispose();
    const measurement: ModelMeasurement = {
      recipe,
      seed,
      heldOutMse,
      quality: embeddingQuality(data, codes, recipe.latentDim, { withTrust }),
      trainSeconds: trained.seconds,
      epochsRun: trained.epochsRun,
      bestEpoch: trained.bestEpoch,
      latentSpread: spread(codes, recipe.latentDim),
      history: { loss: trained.history.loss, valLoss: trained.history.valLoss },
      codes,
    };
    if (withCosine) {
      measurement.cosineQuality = embeddingQuality(data, codes, recipe.latentDim, {
        metric: 'cosine',
      });
    }
    if (withEncoderWeights) measurement.encoderWeights = readDenseWeights(trained.encoder);
    if (vibes) {
      const inputs = vibeInputs(vibes, data.means);
      const encoded = encodeRows(trained.encoder, inputs, inputs.length / dim, dim);
      measurement.vibeGap = vibeGap(
        data.x,
        dim,
        vibes,
        latentVibeResults(codes, recipe.latentDim, encoded),
      );
    }
    return measurement;
  } finally {
    for (const model of [trained.autoencoder, trained.encoder, trained.decoder]) model.dispose();
  }
}

function spread(codes: Float32Array, dim: number): number[] {
  const rows = codes.length / dim;
  return Array.from({ length: dim }, (_, d) => {
    let sum = 0;
    let squares = 0;
    for (let r = 0; r < rows; r++) {
      const v = codes[r * dim + d] as number;
      sum += v;
      squares += v * v;
    }
    return Math.sqrt(Math.max(0, squares / rows - (sum / rows) ** 2));
  });
}
