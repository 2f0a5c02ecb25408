// The space the served ranking orders tracks in: the run's training features, scaled to [0, 1]
// with the run's scaler, compared by Euclidean distance. Built once per catalog, on first use.
import type { TrackCatalog } from '../catalog/index.ts';
import { FEATURE_COUNT, featureColumn } from '../catalog/index.ts';

/** Random track pairs sampled to find the typical distance (fixed seed: same answer every start). */
const SAMPLE_PAIRS = 20_000;

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
  const n = catalog.size;
  if (n < 2) return 1;
  const pairs = Math.min(SAMPLE_PAIRS, (n * (n - 1)) / 2);
  const distances = new Float64Array(pairs);
  const target = new Float64Array(space.columns.length);
  let seed = 0x9e3779b9;
  const random = (): number => {
    // xorshift32
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  for (let p = 0; p < pairs; p++) {
    const a = Math.floor(random() * n);
    let b = Math.floor(random() * (n - 1));
    if (b >= a) b++;
    distances[p] = featureDistance(catalog, space, scaledRow(catalog, space, a, target), b);
  }
  distances.sort();
  const median = distances[pairs >> 1] as number;
  return median > 0 ? median : 1;
}

function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}
