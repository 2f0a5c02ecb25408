// The space the served ranking orders tracks in: the run's training features, scaled to [0, 1]
// with the run's scaler, compared by Euclidean distance. Built once per catalog, on first use.
import type { TrackCatalog } from '../catalog/index.ts';
import { FEATURE_COUNT, featureColumn, randomPairDistances } from '../catalog/index.ts';

/** Scaling of the training features, and the median distance between two random tracks. */
export interface FeatureSpace {
  /** Column of each training feature in the catalog's feature table. */
  columns: Int32Array;
  lows: Float64Array;
  /** 1 / (max - min) per feature; 0 where the span is 0 (everything scales to 0). */
  inverseSpans: Float64Array;
  /** Median feature distance between two random tracks of the catalog. */
  typicalDistance: number;
}

const spaces = new WeakMap<TrackCatalog, FeatureSpace>();

/** The catalog's feature space (computed once and cached). */
export function featureSpaceOf(catalog: TrackCatalog): FeatureSpace {
  let space = spaces.get(catalog);
  if (!space) {
    const { min, max } = catalog.featureTable;
    const columns = Int32Array.from(catalog.features, featureColumn);
    const lows = Float64Array.from(columns, (c) => min[c] as number);
    const inverseSpans = Float64Array.from(columns, (c, f) => {
      const span = (max[c] as number) - (lows[f] as number);
      return span > 0 ? 1 / span : 0;
    });
    space = { columns, lows, inverseSpans, typicalDistance: 1 };
    space.typicalDistance = medianPairDistance(catalog, space);
    spaces.set(catalog, space);
  }
  return space;
}

/** Track `index`'s training features scaled to [0, 1] (NaN where unknown). */
export function scaledFeaturesOf(catalog: TrackCatalog, index: number): Float64Array {
  const space = featureSpaceOf(catalog);
  return scaledRow(catalog, space, index, new Float64Array(space.columns.length));
}

function scaledRow(
  catalog: TrackCatalog,
  { columns, lows, inverseSpans }: FeatureSpace,
  index: number,
  out: Float64Array,
): Float64Array {
  const { raw } = catalog.featureTable;
  for (let f = 0; f < columns.length; f++) {
    const value = raw[index * FEATURE_COUNT + (columns[f] as number)] as number;
    out[f] = clamp01((value - (lows[f] as number)) * (inverseSpans[f] as number));
  }
  return out;
}

/** Euclidean distance from scaled target values to track `index`; an unknown value counts as 1 apart. */
export function featureDistance(
  catalog: TrackCatalog,
  space: FeatureSpace,
  target: Float64Array,
  index: number,
): number {
  const { columns, lows, inverseSpans } = space;
  const { raw } = catalog.featureTable;
  const row = index * FEATURE_COUNT;
  let sum = 0;
  for (let f = 0; f < columns.length; f++) {
    const value = raw[row + (columns[f] as number)] as number;
    const diff =
      clamp01((value - (lows[f] as number)) * (inverseSpans[f] as number)) - (target[f] as number);
    sum += Number.isNaN(diff) ? 1 : diff * diff;
  }
  return Math.sqrt(sum);
}

function medianPairDistance(catalog: TrackCatalog, space: FeatureSpace): number {
  const target = new Float64Array(space.columns.length);
  const distances = randomPairDistances(catalog.size, (a, b) =>
    featureDistance(catalog, space, scaledRow(catalog, space, a, target), b),
  );
  const median = distances[distances.length >> 1];
  return median !== undefined && median > 0 ? median : 1;
}

function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}
