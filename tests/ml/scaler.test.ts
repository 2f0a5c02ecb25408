import { describe, expect, it } from 'vitest';
import { fitScaler, scaleRows, scaleValue, ScalerError, unscaleRows } from '../../src/ml/scaler.ts';

// 101 rows of two features: a = 0..100, b = 5 everywhere (constant).
const rows = new Float32Array(Array.from({ length: 101 }, (_, i) => [i, 5]).flat());

describe('fitScaler', () => {
  it('takes min and max at the clipping percentiles', () => {
    // WHEN fitted with 5% / 95% percentiles
    const params = fitScaler(rows, ['a', 'b'], { lowerPercentile: 0.05, upperPercentile: 0.95 });
    // THEN the bounds are those percentiles, and the params survive JSON
    expect(params.min[0]).toBeCloseTo(5);
    expect(params.max[0]).toBeCloseTo(95);
    expect(JSON.parse(JSON.stringify(params))).toEqual(params);
  });

  it('rejects NaN values and bad percentiles with a ScalerError', () => {
    expect(() => fitScaler(new Float32Array([1, NaN]), ['a', 'b'])).toThrow(ScalerError);
    expect(() =>
      fitScaler(rows, ['a', 'b'], { lowerPercentile: 0.9, upperPercentile: 0.1 }),
    ).toThrow(ScalerError);
  });
});

describe('scaleRows', () => {
  const params = fitScaler(rows, ['a', 'b'], { lowerPercentile: 0.05, upperPercentile: 0.95 });

  it('maps to [0, 1], clipping outliers, and a constant feature to 0', () => {
    // WHEN rows below, inside and above the bounds are scaled
    const scaled = scaleRows(params, new Float32Array([0, 5, 50, 5, 100, 5]));
    // THEN outliers clip and the constant feature is 0, not NaN
    expect(Array.from(scaled)).toEqual([0, 0, 0.5, 0, 1, 0]);
  });

  it('round-trips through unscaleRows for values inside the bounds', () => {
    const inside = new Float32Array([10, 5, 42, 5, 90, 5]);
    const back = unscaleRows(params, scaleRows(params, inside));
    back.forEach((v, i) => expect(v).toBeCloseTo(inside[i] as number, 4));
  });

  it('scaleValue agrees with scaleRows for one feature', () => {
    expect(scaleValue(params, 0, 27.5)).toBeCloseTo(0.25);
    expect(scaleValue(params, 0, -1000)).toBe(0);
    expect(() => scaleValue(params, 7, 1)).toThrow(ScalerError);
  });
});
