import { describe, expect, it } from 'vitest';
import { axisValues, presentEdges, radarPoint } from '../../src/charts/radarGeometry.ts';
import { fitRadarRadius } from '../../src/charts/radarFit.ts';
import { epochTicks, formatTick, niceScale } from '../../src/charts/niceScale.ts';
import { byDrawOrder, byLegendOrder } from '../../src/charts/theme.ts';

describe('radar geometry', () => {
  it('GIVEN raw values WHEN read per axis THEN they are clamped and missing or NaN ones are null', () => {
    expect(axisValues({ a: 0.5, b: Number.NaN, d: 2, e: -1 }, ['a', 'b', 'c', 'd', 'e'])).toEqual([
      0.5,
      null,
      null,
      1,
      0,
    ]);
  });

  it('GIVEN the first of four axes WHEN a full value is placed THEN it points straight up', () => {
    const p = radarPoint({ x: 100, y: 100 }, 50, 0, 4, 1);
    expect(p.x).toBeCloseTo(100);
    expect(p.y).toBeCloseTo(50);
  });

  it('GIVEN gaps WHEN edges are listed THEN only neighbours that both have values are joined, wrapping around', () => {
    expect(presentEdges([0.1, 0.2, null, 0.4, 0.5])).toEqual([
      [0, 1],
      [3, 4],
      [4, 0],
    ]);
    expect(presentEdges([0.1, 0.2])).toEqual([[0, 1]]);
  });

  it('GIVEN wide side labels WHEN the radius is fitted THEN each label stays inside the box', () => {
    const labels = Array.from({ length: 9 }, () => ({ width: 90, height: 15 }));
    const r = fitRadarRadius(labels, 560, 360, 8);
    expect(r).toBeGreaterThan(100);
    for (let i = 0; i < 9; i++) {
      const p = radarPoint({ x: 0, y: 0 }, r + 8, i, 9, 1);
      const cos = p.x / (r + 8);
      expect(Math.abs(p.x) + (Math.abs(cos) > 0.25 ? 90 : 45)).toBeLessThanOrEqual(280 + 1e-6);
    }
  });
});

describe('nice scales', () => {
  it('GIVEN losses from 0 to 0.042 WHEN scaled THEN ticks are round hundredths', () => {
    const scale = niceScale(0, 0.042);
    expect(scale.ticks).toEqual([0, 0.01, 0.02, 0.03, 0.04, 0.05]);
    expect(scale.ticks.map((t) => formatTick(t, scale.step))).toContain('0.03');
  });

  it('GIVEN a flat range WHEN scaled THEN the scale still has width', () => {
    const scale = niceScale(0.02, 0.02);
    expect(scale.max).toBeGreaterThan(scale.min);
  });

  it('GIVEN 20 epochs WHEN ticked THEN 1 comes first and round epochs follow', () => {
    expect(epochTicks(20)).toEqual([1, 5, 10, 15, 20]);
    expect(epochTicks(1)).toEqual([1]);
    expect(epochTicks(3)).toEqual([1, 2, 3]);
  });
});

describe('series order', () => {
  const series = [
    { id: 'f1', emphasis: 'faint' as const },
    { id: 'p', emphasis: 'primary' as const },
    { id: 'f2', emphasis: 'faint' as const },
    { id: 's', emphasis: 'secondary' as const },
  ];
  it('GIVEN mixed emphasis WHEN ordered THEN primary is drawn last and listed first, ties kept', () => {
    expect(byDrawOrder(series).map((s) => s.id)).toEqual(['f1', 'f2', 's', 'p']);
    expect(byLegendOrder(series).map((s) => s.id)).toEqual(['p', 's', 'f1', 'f2']);
  });
});
