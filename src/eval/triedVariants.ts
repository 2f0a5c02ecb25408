// "What was tried": one training per variant of the shipped recipe, each beside PCA and the raw
// features of its own feature set.
import type { EmbeddingQuality } from './embeddingQuality.ts';
import { embeddingQuality } from './embeddingQuality.ts';
import type { FeatureSetData, SplitData } from './evaluationContext.ts';
import type { TriedRow } from './evaluationResult.ts';
import type { ModelRecipe } from './featureSets.ts';
import { fitPcaBaseline, rawPrecision } from './baselineMeasures.ts';
import type { RunSettings } from './shippedModels.ts';
import { recipeWith } from './shippedModels.ts';
import type { ModelMeasurement } from './trainedModel.ts';
import { trainAndMeasure } from './trainedModel.ts';

// Neighbour-preserving losses (UMAP-like, stress, t-SNE-like, parametric UMAP) are not run here:
// they cost 3-18x the training time and gave no genre precision (reports/issue-7-ceiling.md).
/** Changes to the shipped recipe, one training each; a quick run trains the first two. */
export const VARIANTS: readonly [string, Partial<ModelRecipe>][] = [
  ['hidden 16', { hidden: 16 }],
  ['latent 2', { latentDim: 2 }],
  ['latent 4', { latentDim: 4 }],
  ['seed-12 features', { featureSet: 'seed-12' }],
  ['+ duration (clipped)', { featureSet: 'continuous-9+duration' }],
  ['no liveness', { featureSet: 'continuous-8 (no liveness)' }],
];

/** Models already trained that open the table: the shipped one (twice: Euclidean, cosine), the seed's. */
export interface TriedSoFar {
  shipped: ModelMeasurement;
  seedRecipe: ModelMeasurement;
}

/** Trains each variant and returns every row of the table, the models already trained first. */
export async function measureTried(
  trained: TriedSoFar,
  split: SplitData,
  dataFor: (featureSet: string) => FeatureSetData,
  settings: RunSettings,
): Promise<TriedRow[]> {
  const rowOf = triedRowMaker(split);
  const { shipped, seedRecipe } = trained;
  const rows = [
    rowOf('shipped', dataFor(shipped.recipe.featureSet), shipped),
    rowOf('shipped, cosine', dataFor(shipped.recipe.featureSet), shipped, 'cosine'),
    rowOf('seed recipe', dataFor(seedRecipe.recipe.featureSet), seedRecipe),
  ];
  for (const [variant, changes] of settings.quick ? VARIANTS.slice(0, 2) : VARIANTS) {
    const recipe = recipeWith(changes, settings.quick);
    const data = dataFor(recipe.featureSet);
    const m = await trainAndMeasure(data, recipe, settings.seed);
    rows.push(rowOf(variant, data, m));
    settings.log(
      `${variant}: MSE ${m.heldOutMse.toFixed(5)}, p@10 ${m.quality.precisionAt10.toFixed(4)}`,
    );
  }
  return rows;
}

/** Builds table rows, fitting PCA once per feature set and latent size. */
function triedRowMaker(split: SplitData) {
  const pcaByKey = new Map<string, { mse: number; p10: number }>();
  const pcaOf = (data: FeatureSetData, featureSet: string, latentDim: number) => {
    const key = `${featureSet}/${latentDim}`;
    let found = pcaByKey.get(key);
    if (!found) {
      const fitted = fitPcaBaseline(data, latentDim);
      const p10 = embeddingQuality(data, fitted.codes, latentDim).precisionAt10;
      pcaByKey.set(key, (found = { mse: fitted.mse, p10 }));
    }
    return found;
  };
  return (
    variant: string,
    data: FeatureSetData,
    m: ModelMeasurement,
    metric: 'euclidean' | 'cosine' = 'euclidean',
  ): TriedRow => {
    const { featureSet, latentDim } = m.recipe;
    const pca = pcaOf(data, featureSet, latentDim);
    const quality = metric === 'cosine' ? (m.cosineQuality as EmbeddingQuality) : m.quality;
    return {
      variant,
      featureSet,
      latentDim,
      metric,
      heldOutMse: m.heldOutMse,
      pcaMse: pca.mse,
      meanMse: data.meanMse,
      aePrecisionAt10: quality.precisionAt10,
      pcaPrecisionAt10: pca.p10,
      rawPrecisionAt10: rawPrecision(data, split, 10),
      overlapAt10: quality.overlapAt10,
      trainSeconds: m.trainSeconds,
    };
  };
}
