// Data shared by every model of one feature set: scaled rows, held-out split, raw neighbours, PCA.
import type { GenreTable } from '../core/catalog/index.ts';
import type { AudioFeature, Track } from '../data/track.ts';
import { featureMeans, meanBaselineMse } from '../ml/meanBaseline.ts';
import { fitScaler, scaleRows } from '../ml/scaler.ts';
import { gatherRows } from '../ml/gatherRows.ts';
import { featureMatrix } from '../train/featureMatrix.ts';
import type { NeighbourContext } from './embeddingQuality.ts';
import { nearestByTree } from './exactNeighbours.ts';

/** One feature set's view of the data, with its train/held-out parts. */
export interface FeatureSetData extends NeighbourContext {
  features: readonly AudioFeature[];
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
    x,
    dim,
    genres: split.genres,
    songIds: split.songIds,
    queries: split.queries,
    trustQueries: split.trustQueries,
    rawNeighbours: nearestByTree(x, dim, split.queries, 10, split.songIds),
    trainIdx: split.trainIdx,
    testIdx: split.testIdx,
    trainX,
    testX,
    means,
    meanMse: meanBaselineMse(means, testX),
  };
}
