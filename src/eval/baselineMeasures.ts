// The references every model is read against: PCA, raw scaled features, chance, a direct vibe scan.
import type { Baselines } from './evaluationResult.ts';
import type { FeatureSetData, SplitData } from './evaluationContext.ts';
import { embeddingQuality } from './embeddingQuality.ts';
import { chanceGenrePrecision, genrePrecisionAtK } from './genrePrecision.ts';
import type { PcaModel } from './pca.ts';
import { fitPca, pcaProject, pcaReconstruct } from './pca.ts';
import { reconstructionMse } from './reconstructionMse.ts';
import type { VibeTargets } from './vibeAccuracy.ts';
import { latentVibeResults, scanVibes, vibeGap, vibeInputs } from './vibeAccuracy.ts';

/** PCA to `latentDim` fitted on the training rows: its held-out MSE and the codes of every track. */
export function fitPcaBaseline(
  data: FeatureSetData,
  latentDim: number,
): { model: PcaModel; mse: number; codes: Float32Array } {
  const model = fitPca(data.trainX, data.dim, latentDim);
  const mse = reconstructionMse(data.testX, pcaReconstruct(model, pcaProject(model, data.testX)));
  return { model, mse, codes: pcaProject(model, data.x) };
}

/** Genre precision of the raw neighbours the feature set already holds. */
export function rawPrecision(data: FeatureSetData, split: SplitData, k: 5 | 10): number {
  return genrePrecisionAtK(split.genres, split.queries, data.rawNeighbours, 10, k);
}

/** Every baseline on the shipped feature set. */
export function measureBaselines(
  main: FeatureSetData,
  split: SplitData,
  vibes: VibeTargets,
): Baselines {
  const pca = fitPcaBaseline(main, 3);
  const pcaCodesOfVibes = pcaProject(pca.model, vibeInputs(vibes, main.means));
  return {
    pca: {
      mse: pca.mse,
      quality: embeddingQuality(main, pca.codes, 3, { withTrust: true }),
      vibeGap: vibeGap(main.x, main.dim, vibes, latentVibeResults(pca.codes, 3, pcaCodesOfVibes)),
    },
    raw: {
      precisionAt5: rawPrecision(main, split, 5),
      precisionAt10: rawPrecision(main, split, 10),
    },
    chance: chanceGenrePrecision(split.genres, split.queries, split.songIds),
    scanVibeGap: vibeGap(main.x, main.dim, vibes, scanVibes(main.x, main.dim, vibes)),
  };
}
