// Data shared by every model of one feature set: scaled rows, held-out split, raw neighbours, PCA.
import type { GenreTable, ScalerParams } from '../core/catalog/index.ts';
import { buildGenreTable } from '../core/catalog/index.ts';
import type { AudioFeature, Track } from '../data/track.ts';
import { featureMeans, meanBaselineMse } from '../ml/meanBaseline.ts';
import { fitScaler, scaleRows } from '../ml/scaler.ts';
import { gatherRows } from '../ml/gatherRows.ts';
import { mulberry32, shuffleInPlace } from '../ml/seededShuffle.ts';
import { featureMatrix } from '../train/featureMatrix.ts';
import type { NeighbourContext } from './embeddingQuality.ts';
import { nearestForQueries } from './exactNeighbours.ts';
import { songIdsOf } from './songIds.ts';

/** One feature set's view of the data, with its train/held-out parts. */
export interface FeatureSetData extends NeighbourContext {
  features: readonly AudioFeature[];
  /** Fitted on the training rows only; what a run built from this split would serve with. */
  scaler: ScalerParams;
  trainIdx: Uint32Array;
  testIdx: Uint32Array;
  trainX: Float32Array;
  testX: Float32Array;
  /** Per-feature means of the training rows (scaled). */
  means: Float64Array;
  /** Held-out MSE of predicting those means. */
  meanMse: number;
}

/** The shared pieces every feature set uses. */
export interface SplitData {
  tracks: readonly Track[];
  genres: GenreTable;
  songIds: Int32Array;
  trainIdx: Uint32Array;
  testIdx: Uint32Array;
  queries: Int32Array;
  trustQueries: number;
}

/** Scales one feature set (scaler fitted on training rows only) and finds its raw neighbours. */
export function prepareFeatureSet(
  split: SplitData,
  features: readonly AudioFeature[],
): FeatureSetData {
  const dim = features.length;
  const raw = featureMatrix(split.tracks, features);
  const scaler = fitScaler(gatherRows(raw, dim, split.trainIdx), [...features]);
  const x = scaleRows(scaler, raw);
  const trainX = gatherRows(x, dim, split.trainIdx);
  const testX = gatherRows(x, dim, split.testIdx);
  const means = featureMeans(trainX, dim);
  return {
    features,
    scaler,
    x,
    dim,
    genres: split.genres,
    songIds: split.songIds,
    queries: split.queries,
    trustQueries: split.trustQueries,
    rawNeighbours: nearestForQueries(
      { points: x, dim, queries: split.queries, k: 10, songIds: split.songIds },
      'tree',
    ),
    trainIdx: split.trainIdx,
    testIdx: split.testIdx,
    trainX,
    testX,
    means,
    meanMse: meanBaselineMse(means, testX),
  };
}

/** The seeded split: 10% of the tracks held out, the first 2,000 of them (1,000 quick) as queries. */
export function makeSplit(tracks: readonly Track[], seed: number, quick: boolean): SplitData {
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

/** Each named feature set of a split, prepared on first use and then kept. */
export function featureSetCache(
  split: SplitData,
  sets: Record<string, readonly AudioFeature[]>,
): (name: string) => FeatureSetData {
  const cache = new Map<string, FeatureSetData>();
  return (name) => {
    let data = cache.get(name);
    const features = sets[name];
    if (!features) throw new RangeError(`No feature set named "${name}"`);
    if (!data) cache.set(name, (data = prepareFeatureSet(split, features)));
    return data;
  };
}
