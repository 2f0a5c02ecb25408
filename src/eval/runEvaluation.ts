// The whole evaluation, step by step: read and split the data, baselines, the shipped recipe over
// 3 seeds, the seed's recipe, the variants tried, then what the first shipped model would serve.
import { readTracks } from '../data/readTracks.ts';
import type { Track } from '../data/track.ts';
import type { FeatureSetData, SplitData } from './evaluationContext.ts';
import { featureSetCache, makeSplit } from './evaluationContext.ts';
import type {
  Baselines,
  EvaluationArtefacts,
  EvaluationOptions,
  EvaluationResult,
} from './evaluationResult.ts';
import { summaryOf } from './evaluationResult.ts';
import { FEATURE_SETS, SEED_RECIPE, SHIPPED_RECIPE } from './featureSets.ts';
import { measureBaselines } from './baselineMeasures.ts';
import { servedCatalog } from './servedCatalog.ts';
import type { ServingMeasures } from './servingMeasures.ts';
import { measureServing } from './servingMeasures.ts';
import type { RunSettings } from './shippedModels.ts';
import { measureSeedRecipe, measureShippedSeeds } from './shippedModels.ts';
import type { ModelMeasurement } from './trainedModel.ts';
import { measureTried } from './triedVariants.ts';
import { randomVibes } from './vibeAccuracy.ts';

/** The evaluated tracks, their split, and each feature set of them (prepared on first use). */
export interface EvaluationData {
  tracks: readonly Track[];
  split: SplitData;
  dataFor: (featureSet: string) => FeatureSetData;
}

/** Runs everything on one data file; pure apart from reading it. */
export async function runEvaluation(
  options: EvaluationOptions,
): Promise<{ result: EvaluationResult; artefacts: EvaluationArtefacts }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const settings: RunSettings = {
    seed: options.seed ?? 42,
    quick: options.quick ?? false,
    log: options.log ?? (() => {}),
  };
  const data = await loadEvaluationData(options.dataPath, settings);
  const main = data.dataFor(SHIPPED_RECIPE.featureSet);
  const vibes = randomVibes(main.x, main.dim, settings.quick ? 100 : 200, settings.seed);
  const baselines = logged(measureBaselines(main, data.split, vibes), settings);
  const shipped = await measureShippedSeeds(main, vibes, settings);
  const first = shipped[0] as ModelMeasurement;
  const seedRecipe = await measureSeedRecipe(data.dataFor(SEED_RECIPE.featureSet), settings);
  const tried = await measureTried(
    { shipped: first, seedRecipe: seedRecipe.run },
    data.split,
    data.dataFor,
    settings,
  );
  const serving = measureServedCatalog(data, first, baselines.chance, settings);
  const result: EvaluationResult = {
    ...describeRun(options.dataPath, data, main, settings),
    ...baselines,
    vibes: vibes.features.length,
    shipped: shipped.map(summaryOf),
    seedRecipe: seedRecipe.summary,
    tried,
    serving,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: cpuSecondsSince(cpu),
  };
  return { result, artefacts: artefactsOf(first, data.tracks) };
}

/** Reads the data file with every feature any feature set uses, and splits it. */
export async function loadEvaluationData(
  dataPath: string,
  { seed, quick, log }: RunSettings,
): Promise<EvaluationData> {
  const allFeatures = [...new Set(Object.values(FEATURE_SETS).flat())];
  const { tracks } = await readTracks(dataPath, { features: allFeatures });
  log(`read ${tracks.length} tracks`);
  const split = makeSplit(tracks, seed, quick);
  return { tracks, split, dataFor: featureSetCache(split, FEATURE_SETS) };
}

/** The served ranking and listener measures on a catalog of `model` (built as training would). */
export function measureServedCatalog(
  data: EvaluationData,
  model: ModelMeasurement,
  chance: number,
  { seed, quick, log }: RunSettings,
): ServingMeasures {
  const catalog = servedCatalog(data.tracks, data.dataFor(model.recipe.featureSet), model);
  const serving = measureServing(catalog, data.split.queries, chance, {
    seed,
    randomQueries: quick ? 300 : 2000,
  });
  const [served, , raw] = serving.rankings.rankings;
  log(
    `served: p@5 ${served?.precisionAt5.toFixed(4)} (raw ${raw?.precisionAt5.toFixed(4)}), ${serving.seconds.toFixed(1)} s`,
  );
  return serving;
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}

function logged(baselines: Baselines, { log }: RunSettings): Baselines {
  log(
    `baselines: PCA-3 MSE ${baselines.pca.mse.toFixed(5)}, raw p@10 ${baselines.raw.precisionAt10.toFixed(4)}, chance ${baselines.chance.toFixed(4)}`,
  );
  return baselines;
}

function describeRun(
  dataPath: string,
  { tracks, split }: EvaluationData,
  main: FeatureSetData,
  { seed, quick }: RunSettings,
) {
  return {
    dataPath,
    tracks: tracks.length,
    heldOut: split.testIdx.length,
    queries: split.queries.length,
    trustQueries: split.trustQueries,
    seed,
    quick,
    featureSet: SHIPPED_RECIPE.featureSet,
    features: main.features,
    meanMse: main.meanMse,
  };
}

function artefactsOf(first: ModelMeasurement, tracks: readonly Track[]): EvaluationArtefacts {
  return {
    codes: first.codes,
    latentDim: first.recipe.latentDim,
    familyGenres: tracks.map((t) => t.genres),
    history: first.history,
    bestEpoch: first.bestEpoch,
  };
}
