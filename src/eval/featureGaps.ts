// How far results sit from their query on the features a listener hears most: tempo, energy and
// loudness, in their own units (BPM, 0-1, dB), as a mean over every result shown.
import type { TrackCatalog } from '../core/catalog/index.ts';
import { FEATURE_COUNT, featureColumn } from '../core/catalog/index.ts';

/** Mean absolute difference between a query and its results, per feature. */
export interface FeatureGaps {
  tempoBpm: number;
  energy: number;
  loudnessDb: number;
}

const GAP_FEATURES = { tempoBpm: 'tempo', energy: 'energy', loudnessDb: 'loudness' } as const;

/** Mean gaps over a queries x width result table (-1 entries skipped, unknown values too). */
export function meanFeatureGaps(
  catalog: TrackCatalog,
  queries: Int32Array,
  results: Int32Array,
  width: number,
): FeatureGaps {
  const { raw } = catalog.featureTable;
  const gapOf = (feature: (typeof GAP_FEATURES)[keyof FeatureGaps]): number => {
    const column = featureColumn(feature);
    let sum = 0;
    let count = 0;
    queries.forEach((query, q) => {
      const from = raw[query * FEATURE_COUNT + column] as number;
      for (let j = 0; j < width; j++) {
        const result = results[q * width + j] as number;
        if (result < 0) continue;
        const gap = Math.abs((raw[result * FEATURE_COUNT + column] as number) - from);
        if (Number.isNaN(gap)) continue;
        sum += gap;
        count++;
      }
    });
    return count > 0 ? sum / count : NaN;
  };
  return {
    tempoBpm: gapOf(GAP_FEATURES.tempoBpm),
    energy: gapOf(GAP_FEATURES.energy),
    loudnessDb: gapOf(GAP_FEATURES.loudnessDb),
  };
}
