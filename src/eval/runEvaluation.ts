// The whole evaluation: baselines, the shipped recipe over 3 seeds, the seed's recipe, and variants.
import { buildGenreTable } from '../core/catalog/index.ts';
import { readTracks } from '../data/readTracks.ts';
import type { AudioFeature } from '../data/track.ts';
import { mulberry32, shuffleInPlace } from '../ml/seededShuffle.ts';
import type { EmbeddingQuality } from './embeddingQuality.ts';
import { embeddingQuality } from './embeddingQuality.ts';
import type { FeatureSetData, SplitData } from './evaluationContext.ts';
import { prepareFeatureSet } from './evaluationContext.ts';
import type { ModelRecipe } from './featureSets.ts';
import { FEATURE_SETS, SEED_RECIPE, SHIPPED_RECIPE } from './featureSets.ts';
import { chanceGenrePrecision, genrePrecisionAtK } from './genrePrecision.ts';
import { fitPca, pcaProject, pcaReconstruct } from './pca.ts';
import { reconstructionMse } from './reconstructionMse.ts';
import { songIdsOf } from './songIds.ts';
import type { ModelMeasurement } from './trainedModel.ts';
import { trainAndMeasure } from './trainedModel.ts';
import { latentVibeResults, randomVibes, scanVibes, vibeGap, vibeInputs } from './vibeAccuracy.ts';

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

/** A measured model without its codes, for JSON. */
export type ModelSummary = Omit<ModelMeasurement, 'codes'>;

export interface EvaluationResult {
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
  pca: { mse: number; quality: EmbeddingQuality; vibeGap: number };
  raw: { precisionAt5: number; precisionAt10: number };
  chance: number;
  scanVibeGap: number;
  shipped: ModelSummary[];
  seedRecipe: ModelSummary & { pcaMse: number; meanMse: number; pcaQuality: EmbeddingQuality };
  tried: TriedRow[];
  seconds: number;
}

/** Codes and history of the first shipped model, for the pictures. */
export interface EvaluationArtefacts {
  codes: Float32Array;
  latentDim: number;
  familyGenres: readonly string[][];
  history: { loss: number[]; valLoss: number[] };
  bestEpoch: number;
}

/** Runs everything on one data file; pure apart from reading it. */
export async function runEvaluation(
  options: EvaluationOptions,
): Promise<{ result: EvaluationResult; artefacts: EvaluationArtefacts }> {
  const { dataPath, quick = false, seed = 42, log = () => {} } = options;
  const started = performance.now();
  const allFeatures = [...new Set(Object.values(FEATURE_SETS).flat())];
  const { tracks } = await readTracks(dataPath, { features: allFeatures });
  log(`read ${tracks.length} tracks`);
  const split = makeSplit(tracks, seed, quick);
  const cache = new Map<string, FeatureSetData>();
  const dataFor = (name: string): FeatureSetData => {
    let data = cache.get(name);
    if (!data) cache.set(name, (data = prepareFeatureSet(split, FEATURE_SETS[name] ?? [])));
    return data;
  };
  const pcaFor = (data: FeatureSetData, latentDim: number) => {
    const model = fitPca(data.trainX, data.dim, latentDim);
    const mse = reconstructionMse(data.testX, pcaReconstruct(model, pcaProject(model, data.testX)));
    return { model, mse, codes: pcaProject(model, data.x) };
  };
  const recipe = (changes: Partial<ModelRecipe>): ModelRecipe => ({
    ...SHIPPED_RECIPE,
    ...(quick ? { epochs: 8 } : {}),
    ...changes,
  });

  const main = dataFor(SHIPPED_RECIPE.featureSet);
  const vibes = randomVibes(main.x, main.dim, quick ? 100 : 200, seed);
  const pca = pcaFor(main, 3);
  const pcaQuality = embeddingQuality(main, pca.codes, 3, { withTrust: true });
  const pcaVibe = vibeGap(
    main.x,
    main.dim,
    vibes,
    latentVibeResults(pca.codes, 3, pcaProject(pca.model, vibeInputs(vibes, main.means))),
  );
  const raw = {
    precisionAt5: genrePrecisionAtK(split.genres, split.queries, main.rawNeighbours, 10, 5),
    precisionAt10: genrePrecisionAtK(split.genres, split.queries, main.rawNeighbours, 10, 10),
  };
  const chance = chanceGenrePrecision(split.genres, split.queries, split.songIds);
  log(
    `baselines: PCA-3 MSE ${pca.mse.toFixed(5)}, raw p@10 ${raw.precisionAt10.toFixed(4)}, chance ${chance.toFixed(4)}`,
  );

  const shipped: ModelMeasurement[] = [];
  for (const s of [seed, seed + 1, seed + 2]) {
    const m = await trainAndMeasure(main, recipe({}), s, {
      withTrust: true,
      withCosine: s === seed,
      vibes,
    });
    log(
      `shipped seed ${s}: MSE ${m.heldOutMse.toFixed(5)}, p@10 ${m.quality.precisionAt10.toFixed(4)}, ${m.trainSeconds.toFixed(1)} s`,
    );
    shipped.push(m);
  }
  const seedData = dataFor(SEED_RECIPE.featureSet);
  const seedPca = pcaFor(seedData, 3);
  const seedRun = await trainAndMeasure(
    seedData,
    // One epoch, not the seed's 3: batch 32 costs ~25 s an epoch, and its ReLU bottleneck has
    // already collapsed a dimension after one (latent spread 0 in the 3-epoch run as well).
    { ...SEED_RECIPE, epochs: 1 },
    seed,
    { withTrust: true },
  );
  log(
    `seed recipe: MSE ${seedRun.heldOutMse.toFixed(5)}, p@10 ${seedRun.quality.precisionAt10.toFixed(4)}`,
  );

  const tried: TriedRow[] = [];
  const first = shipped[0] as ModelMeasurement;
  const pcaP10ByKey = new Map<string, { mse: number; p10: number }>();
  const addRow = (
    variant: string,
    data: FeatureSetData,
    name: string,
    m: ModelMeasurement,
    metric: 'euclidean' | 'cosine' = 'euclidean',
  ) => {
    const key = `${name}/${m.recipe.latentDim}`;
    let p = pcaP10ByKey.get(key);
    if (!p) {
      const fitted = pcaFor(data, m.recipe.latentDim);
      p = {
        mse: fitted.mse,
        p10: embeddingQuality(data, fitted.codes, m.recipe.latentDim).precisionAt10,
      };
      pcaP10ByKey.set(key, p);
    }
    const quality = metric === 'cosine' ? (m.cosineQuality as EmbeddingQuality) : m.quality;
    tried.push({
      variant,
      featureSet: name,
      latentDim: m.recipe.latentDim,
      metric,
      heldOutMse: m.heldOutMse,
      pcaMse: p.mse,
      meanMse: data.meanMse,
      aePrecisionAt10: quality.precisionAt10,
      pcaPrecisionAt10: p.p10,
      rawPrecisionAt10: genrePrecisionAtK(split.genres, split.queries, data.rawNeighbours, 10, 10),
      overlapAt10: quality.overlapAt10,
      trainSeconds: m.trainSeconds,
    });
  };
  addRow('shipped', main, SHIPPED_RECIPE.featureSet, first);
  addRow('shipped, cosine', main, SHIPPED_RECIPE.featureSet, first, 'cosine');
  addRow('seed recipe', seedData, SEED_RECIPE.featureSet, seedRun);
  // Neighbour-preserving losses (UMAP-like, stress, t-SNE-like, parametric UMAP) are not run here:
  // they cost 3-18x the training time and gave no genre precision (reports/issue-7-ceiling.md).
  const variants: [string, Partial<ModelRecipe>][] = [
    ['hidden 16', { hidden: 16 }],
    ['latent 2', { latentDim: 2 }],
    ['latent 4', { latentDim: 4 }],
    ['seed-12 features', { featureSet: 'seed-12' }],
    ['+ duration (clipped)', { featureSet: 'continuous-9+duration' }],
    ['no liveness', { featureSet: 'continuous-8 (no liveness)' }],
  ];
  for (const [variant, changes] of quick ? variants.slice(0, 2) : variants) {
    const r = recipe(changes);
    const data = dataFor(r.featureSet);
    const m = await trainAndMeasure(data, r, seed);
    addRow(variant, data, r.featureSet, m);
    log(`${variant}: MSE ${m.heldOutMse.toFixed(5)}, p@10 ${m.quality.precisionAt10.toFixed(4)}`);
  }

  const result: EvaluationResult = {
    dataPath,
    tracks: tracks.length,
    heldOut: split.testIdx.length,
    queries: split.queries.length,
    trustQueries: split.trustQueries,
    vibes: vibes.features.length,
    seed,
    quick,
    featureSet: SHIPPED_RECIPE.featureSet,
    features: main.features,
    meanMse: main.meanMse,
    pca: { mse: pca.mse, quality: pcaQuality, vibeGap: pcaVibe },
    raw,
    chance,
    scanVibeGap: vibeGap(main.x, main.dim, vibes, scanVibes(main.x, main.dim, vibes)),
    shipped: shipped.map(withoutCodes),
    seedRecipe: {
      ...withoutCodes(seedRun),
      pcaMse: seedPca.mse,
      meanMse: seedData.meanMse,
      pcaQuality: embeddingQuality(seedData, seedPca.codes, 3),
    },
    tried,
    seconds: (performance.now() - started) / 1000,
  };
  const artefacts: EvaluationArtefacts = {
    codes: first.codes,
    latentDim: first.recipe.latentDim,
    familyGenres: tracks.map((t) => t.genres),
    history: first.history,
    bestEpoch: first.bestEpoch,
  };
  return { result, artefacts };
}

function makeSplit(tracks: SplitData['tracks'], seed: number, quick: boolean): SplitData {
  const n = tracks.length;
  const order = shuffleInPlace(
    Uint32Array.from({ length: n }, (_, i) => i),
    mulberry32(seed),
  );
  const testIdx = order.slice(0, Math.max(1, Math.round(n * 0.1)));
  const trainIdx = order.slice(testIdx.length);
  const queries = Int32Array.from(testIdx.subarray(0, quick ? 1000 : 2000));
  return {
    tracks,
    genres: buildGenreTable(tracks),
    songIds: songIdsOf(tracks),
    trainIdx,
    testIdx,
    queries,
    trustQueries: Math.min(queries.length, quick ? 300 : 500),
  };
}

function withoutCodes(m: ModelMeasurement): ModelSummary {
  const summary: Partial<ModelMeasurement> = { ...m };
  delete summary.codes;
  return summary as ModelSummary;
}
