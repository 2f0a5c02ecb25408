// The shipped recipe trained with three seeds, and the seed's original recipe, each measured.
import { embeddingQuality } from './embeddingQuality.ts';
import type { FeatureSetData } from './evaluationContext.ts';
import type { SeedRecipeSummary } from './evaluationResult.ts';
import { summaryOf } from './evaluationResult.ts';
import type { ModelRecipe } from './featureSets.ts';
import { SEED_RECIPE, SHIPPED_RECIPE } from './featureSets.ts';
import { fitPcaBaseline } from './baselineMeasures.ts';
import type { ModelMeasurement } from './trainedModel.ts';
import { trainAndMeasure } from './trainedModel.ts';
import type { VibeTargets } from './vibeAccuracy.ts';

/** How a run of the evaluation goes: its seed, whether it is a smoke run, where lines go. */
export interface RunSettings {
  seed: number;
  quick: boolean;
  log: (line: string) => void;
}

/** The shipped recipe with `changes` (fewer epochs in a quick run). */
export function recipeWith(changes: Partial<ModelRecipe>, quick: boolean): ModelRecipe {
  return { ...SHIPPED_RECIPE, ...(quick ? { epochs: 8 } : {}), ...changes };
}

/**
 * The shipped recipe with seeds seed, seed + 1, seed + 2. The first also keeps its encoder
 * weights (the served catalog is built from it) and is measured with the cosine metric.
 */
export async function measureShippedSeeds(
  main: FeatureSetData,
  vibes: VibeTargets,
  { seed, quick, log }: RunSettings,
): Promise<ModelMeasurement[]> {
  const shipped: ModelMeasurement[] = [];
  for (const s of [seed, seed + 1, seed + 2]) {
    const first = s === seed;
    const m = await trainAndMeasure(main, recipeWith({}, quick), s, {
      withTrust: true,
      withCosine: first,
      withEncoderWeights: first,
      vibes,
    });
    log(
      `shipped seed ${s}: MSE ${m.heldOutMse.toFixed(5)}, p@10 ${m.quality.precisionAt10.toFixed(4)}, ${m.trainSeconds.toFixed(1)} s`,
    );
    shipped.push(m);
  }
  return shipped;
}

/** The seed's recipe on its own 12 features, with PCA-3 and the mean on them beside it. */
export async function measureSeedRecipe(
  seedData: FeatureSetData,
  { seed, log }: RunSettings,
): Promise<{ run: ModelMeasurement; summary: SeedRecipeSummary }> {
  const run = await trainAndMeasure(
    seedData,
    // One epoch, not the seed's 3: batch 32 costs ~25 s an epoch, and its ReLU bottleneck has
    // already collapsed a dimension after one (latent spread 0 in the 3-epoch run as well).
    { ...SEED_RECIPE, epochs: 1 },
    seed,
    { withTrust: true },
  );
  log(
    `seed recipe: MSE ${run.heldOutMse.toFixed(5)}, p@10 ${run.quality.precisionAt10.toFixed(4)}`,
  );
  const pca = fitPcaBaseline(seedData, 3);
  return {
    run,
    summary: {
      ...summaryOf(run),
      pcaMse: pca.mse,
      meanMse: seedData.meanMse,
      pcaQuality: embeddingQuality(seedData, pca.codes, 3),
    },
  };
}
