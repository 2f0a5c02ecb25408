// The space the served ranking orders tracks in: the run's training features, scaled to [0, 1]
// with the run's scaler, compared by Euclidean distance. Built once per catalog, on first use:
// every track's scaled row is kept in one Float32Array (4 bytes x features x tracks), so that
// scoring a neighbourhood reads one contiguous row per candidate instead of rescaling raw values.
import type { TrackCatalog } from '../catalog/index.ts';
import { FEATURE_COUNT, featureColumn } from '../catalog/index.ts';
import type { FeatureMoments } from './featureMoments.ts';
import { featureMoments } from './featureMoments.ts';

/** Every track's scaled training features, and how they spread over the catalog. */
export interface FeatureSpace {
  /** Training features per track. */
  width: number;
  /** Track i's scaled features at [i * width, (i + 1) * width); NaN where unknown. */
  scaled: Float32Array;
  moments: FeatureMoments;
}

const spaces = new WeakMap<TrackCatalog, FeatureSpace>();

/** The catalog's feature space (computed once and cached). */
export function featureSpaceOf(catalog: TrackCatalog): FeatureSpace {
  let space = spaces.get(catalog);
  if (!space) {
    const scaled = scaleCatalog(catalog);
    const width = catalog.features.length;
    space = { width, scaled, moments: featureMoments(scaled, width) };
    spaces.set(catalog, space);
  }
  return space;
}

/** Track `index`'s training features scaled to [0, 1] (NaN where unknown). */
export function scaledFeaturesOf(catalog: TrackCatalog, index: number): Float64Array {
  const { scaled, width } = featureSpaceOf(catalog);
  return Float64Array.from(scaled.subarray(index * width, (index + 1) * width));
}

/** Euclidean distance from scaled target values to track `index`; an unknown value counts as 1 apart. */
export function featureDistance(space: FeatureSpace, target: Float64Array, index: number): number {
  const { scaled, width } = space;
  const row = index * width;
  let sum = 0;
  for (let f = 0; f < width; f++) {
    const diff = (scaled[row + f] as number) - (target[f] as number);
    sum += Number.isNaN(diff) ? 1 : diff * diff;
  }
  return Math.sqrt(sum);
}

function scaleCatalog(catalog: TrackCatalog): Float32Array {
  const { min, max, raw } = catalog.featureTable;
  const columns = Int32Array.from(catalog.features, featureColumn);
  const width = columns.length;
  const lows = Float64Array.from(columns, (c) => min[c] as number);
  const inverseSpans = Float64Array.from(columns, (c, f) => {
    const span = (max[c] as number) - (lows[f] as number);
    return span > 0 ? 1 / span : 0;
  });
  const scaled = new Float32Array(catalog.size * width);
  for (let i = 0; i < catalog.size; i++) {
    for (let f = 0; f < width; f++) {
      const value = raw[i * FEATURE_COUNT + (columns[f] as number)] as number;
      scaled[i * width + f] = clamp01((value - (lows[f] as number)) * (inverseSpans[f] as number));
    }
  }
  return scaled;
}

function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}
