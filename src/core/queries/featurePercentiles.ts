// Where a scaled feature value sits among the catalog's tracks, so reasons can tell a telling
// agreement (both at 174 BPM) from a common one (both sung, as most songs are).
import type { TrackCatalog } from '../catalog/index.ts';
import { scaledFeaturesOf } from './featureSpace.ts';

/** Tracks sampled per feature (every n/SAMPLE-th track): percentiles to within a fraction of 1%. */
const SAMPLE = 4096;

/** Sorted scaled values of each training feature over a fixed sample of tracks. */
export type FeatureSamples = Float64Array[];

const samplesOf = new WeakMap<TrackCatalog, FeatureSamples>();

/** The catalog's sorted samples (computed once and cached). */
export function featureSamplesOf(catalog: TrackCatalog): FeatureSamples {
  let samples = samplesOf.get(catalog);
  if (!samples) {
    const step = Math.max(1, Math.floor(catalog.size / SAMPLE));
    const rows = Array.from({ length: Math.ceil(catalog.size / step) }, (_, k) =>
      scaledFeaturesOf(catalog, k * step),
    );
    samples = catalog.features.map((_, f) =>
      Float64Array.from(rows, (row) => row[f] as number)
        .filter((v) => !Number.isNaN(v))
        .sort(),
    );
    samplesOf.set(catalog, samples);
  }
  return samples;
}

/** Share of tracks whose value is below `value`, counting equal values half (0-1). */
export function percentileOf(sorted: Float64Array, value: number): number {
  if (sorted.length === 0) return 0.5;
  return (lowerBound(sorted, value) + upperBound(sorted, value)) / 2 / sorted.length;
}

/** Share of tracks within `radius` of `value` (0-1): small means agreeing that closely is rare. */
export function shareWithin(sorted: Float64Array, value: number, radius: number): number {
  if (sorted.length === 0) return 1;
  return (upperBound(sorted, value + radius) - lowerBound(sorted, value - radius)) / sorted.length;
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
