// The catalog a run trained on the evaluation's split would serve: every evaluated track, the
// codes of the evaluation's shipped model, its encoder and the split's scaler. Measuring what is
// served means asking this catalog the questions the bot asks (recommendFromTrack).
import { TrackCatalog } from '../core/catalog/index.ts';
import type { Track } from '../data/track.ts';
import type { FeatureSetData } from './evaluationContext.ts';
import type { ModelMeasurement } from './trainedModel.ts';

/** A model that trainAndMeasure kept the encoder weights of (withEncoderWeights). */
export class MissingEncoderWeightsError extends Error {
  override name = 'MissingEncoderWeightsError';
}

/** A TrackCatalog of `tracks` with `model`'s codes, as `npm run train` would publish it. */
export function servedCatalog(
  tracks: readonly Track[],
  data: FeatureSetData,
  model: ModelMeasurement,
): TrackCatalog {
  if (!model.encoderWeights) {
    throw new MissingEncoderWeightsError(
      'The served catalog needs the encoder weights: train with { withEncoderWeights: true }',
    );
  }
  return new TrackCatalog({
    runId: `evaluation-seed-${model.seed}`,
    tracks: [...tracks],
    vectors: model.codes,
    latentDim: model.recipe.latentDim,
    features: [...data.features],
    scaler: data.scaler,
    encoder: model.encoderWeights,
  });
}
