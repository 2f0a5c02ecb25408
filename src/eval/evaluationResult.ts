// What `npm run evaluate` measures, as one JSON-ready result, and what the pictures are drawn from.
import type { AudioFeature } from '../data/track.ts';
import type { EmbeddingQuality } from './embeddingQuality.ts';
import type { ServingMeasures } from './servingMeasures.ts';
import type { ModelMeasurement } from './trainedModel.ts';

export interface EvaluationOptions {
  dataPath: string;
  /** Fewer queries, epochs and variants: a smoke run. */
  quick?: boolean;
  /** Seed of the split, the queries and the first model (the others use seed + 1, seed + 2). */
  seed?: number;
  log?: (line: string) => void;
}

/** One row of the "what was tried" table (one training, seed = options.seed). */
export interface TriedRow {
  variant: string;
  featureSet: string;
  latentDim: number;
  metric: 'euclidean' | 'cosine';
  heldOutMse: number;
  pcaMse: number;
  meanMse: number;
  aePrecisionAt10: number;
  pcaPrecisionAt10: number;
  rawPrecisionAt10: number;
  overlapAt10: number;
  trainSeconds: number;
}

/** A measured model without its codes and weights, for JSON. */
export type ModelSummary = Omit<ModelMeasurement, 'codes' | 'encoderWeights'>;

/** The seed's recipe, with PCA-3 and the mean on its own feature set beside it. */
export type SeedRecipeSummary = ModelSummary & {
  pcaMse: number;
  meanMse: number;
  pcaQuality: EmbeddingQuality;
};

/** PCA-3, raw features, chance and the direct vibe scan on the shipped feature set. */
export interface Baselines {
  pca: { mse: number; quality: EmbeddingQuality; vibeGap: number };
  raw: { precisionAt5: number; precisionAt10: number };
  chance: number;
  scanVibeGap: number;
}

export interface EvaluationResult extends Baselines {
  dataPath: string;
  tracks: number;
  heldOut: number;
  queries: number;
  trustQueries: number;
  vibes: number;
  seed: number;
  quick: boolean;
  featureSet: string;
  features: readonly AudioFeature[];
  meanMse: number;
  shipped: ModelSummary[];
  seedRecipe: SeedRecipeSummary;
  tried: TriedRow[];
  /** The served ranking and the listener section, on a catalog of the first shipped model. */
  serving: ServingMeasures;
  seconds: number;
  /** CPU time of the process (training threads included): wall time on a busy machine is more. */
  cpuSeconds: number;
}

/** Codes and history of the first shipped model, for the pictures. */
export interface EvaluationArtefacts {
  codes: Float32Array;
  latentDim: number;
  familyGenres: readonly string[][];
  history: { loss: number[]; valLoss: number[] };
  bestEpoch: number;
}

/** A measurement as its JSON summary: the codes and weights stay out of the report. */
export function summaryOf(m: ModelMeasurement): ModelSummary {
  const summary: Partial<ModelMeasurement> = { ...m };
  delete summary.codes;
  delete summary.encoderWeights;
  return summary as ModelSummary;
}
