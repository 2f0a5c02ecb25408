// Min-Max scaling of feature rows to [0, 1], fitted after clipping outliers at percentiles.

import type { ScalerParams } from '../core/catalog/index.ts';

export interface ScalerOptions {
  lowerPercentile?: number;
  upperPercentile?: number;
}

/** The rows, feature names or options given to the scaler do not fit together. */
export class ScalerError extends Error {
  override name = 'ScalerError';
}

/** Fits per-feature clipped Min-Max bounds on row-major rows (n x featureNames.length). */
export function fitScaler(
  rows: Float32Array,
  featureNames: string[],
  { lowerPercentile = 0.005, upperPercentile = 0.995 }: ScalerOptions = {},
): ScalerParams {
  const dim = featureNames.length;
  const n = rowCount(rows, dim);
  if (n === 0) throw new ScalerError('Cannot fit a scaler on zero rows');
  if (!(lowerPercentile >= 0 && lowerPercentile < upperPercentile && upperPercentile <= 1)) {
    throw new ScalerError(
      `Percentiles must satisfy 0 <= lower < upper <= 1, got ${lowerPercentile} and ${upperPercentile}`,
    );
  }
  const min: number[] = [];
  const max: number[] = [];
  const column = new Float64Array(n);
  for (let f = 0; f < dim; f++) {
    for (let r = 0; r < n; r++) {
      const v = rows[r * dim + f] as number;
      if (!Number.isFinite(v)) {
        throw new ScalerError(`Feature "${featureNames[f]}" of row ${r} is not a finite number`);
      }
      column[r] = v;
    }
    column.sort();
    min.push(quantile(column, lowerPercentile));
    max.push(quantile(column, upperPercentile));
  }
  return { features: [...featureNames], min, max, lowerPercentile, upperPercentile };
}

/** Scales row-major rows with fitted params, clipping each value to [0, 1]. */
export function scaleRows(params: ScalerParams, rows: Float32Array): Float32Array {
  const dim = params.features.length;
  rowCount(rows, dim);
  const out = new Float32Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = scaleValue(params, i % dim, rows[i] as number);
  return out;
}

/** Maps scaled rows back to feature units (values that were clipped stay at the bounds). */
export function unscaleRows(params: ScalerParams, scaled: Float32Array): Float32Array {
  const dim = params.features.length;
  rowCount(scaled, dim);
  const out = new Float32Array(scaled.length);
  for (let i = 0; i < scaled.length; i++) {
    const f = i % dim;
    const lo = params.min[f] as number;
    out[i] = lo + (scaled[i] as number) * range(params, f);
  }
  return out;
}

/** Scales one value of one feature to [0, 1], e.g. a vibe query's target tempo. */
export function scaleValue(params: ScalerParams, featureIndex: number, value: number): number {
  const lo = params.min[featureIndex];
  if (lo === undefined) throw new ScalerError(`No feature at index ${featureIndex}`);
  const s = (value - lo) / range(params, featureIndex);
  return s < 0 ? 0 : s > 1 ? 1 : s;
}

// A constant feature has max == min; dividing by 1 maps all its values to 0 instead of NaN.
function range(params: ScalerParams, f: number): number {
  const r = (params.max[f] as number) - (params.min[f] as number);
  return r > 0 ? r : 1;
}

function rowCount(rows: Float32Array, dim: number): number {
  if (dim === 0) throw new ScalerError('No features given');
  if (rows.length % dim !== 0) {
    throw new ScalerError(`${rows.length} values do not split into rows of ${dim} features`);
  }
  return rows.length / dim;
}

// Linear interpolation between the closest ranks (numpy's default percentile method).
function quantile(sorted: Float64Array, p: number): number {
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const a = sorted[lo] as number;
  return a + ((sorted[hi] as number) - a) * (pos - lo);
}
