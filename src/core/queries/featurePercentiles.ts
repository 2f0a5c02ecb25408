// Where a scaled feature value sits among the catalog's tracks, so reasons can tell a telling
// agreement (both at 174 BPM) from a common one (both sung, as most songs are).
import type { TrackCatalog } from '../catalog/index.ts';
import { scaledFeaturesOf } from './featureSpace.ts';

/** Tracks sampled per feature (every n/SAMPLE-th track): percentiles to within a fraction of 1%. */
const SAMPLE = 4096;

/** Buckets of the [0, 1] range indexing a sample: a search looks only inside one bucket. */
const BUCKETS = 256;

/** One feature's sorted sample, and where each bucket of values starts in it. */
export interface FeatureSample {
  sorted: Float64Array;
  /** starts[b]: the first position whose value is at least b / BUCKETS (BUCKETS + 2 entries). */
  starts: Int32Array;
}

/** Sorted scaled values of each training feature over a fixed sample of tracks. */
export type FeatureSamples = FeatureSample[];

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
      sampleOf(
        Float64Array.from(rows, (row) => row[f] as number)
          .filter((v) => !Number.isNaN(v))
          .sort(),
      ),
    );
    samplesOf.set(catalog, samples);
  }
  return samples;
}

/** A sorted sample with its bucket starts. */
export function sampleOf(sorted: Float64Array): FeatureSample {
  const starts = new Int32Array(BUCKETS + 2);
  let position = 0;
  for (let b = 0; b <= BUCKETS; b++) {
    while (position < sorted.length && (sorted[position] as number) < b / BUCKETS) position++;
    starts[b] = position;
  }
  starts[BUCKETS + 1] = sorted.length;
  return { sorted, starts };
}

/** Share of tracks whose value is below `value`, counting equal values half (0-1). */
export function percentileOf(sample: FeatureSample, value: number): number {
  const { length } = sample.sorted;
  if (length === 0) return 0.5;
  return (lowerBound(sample, value) + upperBound(sample, value)) / 2 / length;
}

/** Share of tracks within `radius` of `value` (0-1): small means agreeing that closely is rare. */
export function shareWithin(sample: FeatureSample, value: number, radius: number): number {
  const { length } = sample.sorted;
  if (length === 0) return 1;
  return (upperBound(sample, value + radius) - lowerBound(sample, value - radius)) / length;
}

/** The first position whose value is at least `value`. */
function lowerBound({ sorted, starts }: FeatureSample, value: number): number {
  const b = bucketOf(value);
  if (b < 0) return 0;
  let lo = starts[b] as number;
  let hi = starts[b + 1] as number;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first position whose value is above `value`. */
function upperBound({ sorted, starts }: FeatureSample, value: number): number {
  const b = bucketOf(value);
  if (b < 0) return 0;
  let lo = starts[b] as number;
  let hi = starts[b + 1] as number;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The bucket of `value` (-1 below 0): both bounds of `value` lie between the bucket's start and
 * the next one's, as values of lower buckets are smaller and values of higher ones larger.
 */
function bucketOf(value: number): number {
  return value < 0 ? -1 : value >= 1 ? BUCKETS : Math.floor(value * BUCKETS);
}
