import { describe, expect, it } from 'vitest';
import { renderLossCurves } from '../../src/charts/index.ts';
import { seriesStyle } from '../../src/charts/theme.ts';
import type { LossRun } from '../../src/charts/index.ts';
import { countColour, pngPixels, pngSize } from './pngImage.ts';

const curve = (from: number, to: number, epochs: number) =>
  Array.from({ length: epochs }, (_, i) => to + (from - to) * Math.exp((-4 * i) / epochs));
const NEW: LossRun = {
  label: 'New run',
  loss: curve(0.04, 0.01, 20),
  valLoss: curve(0.037, 0.011, 20),
  emphasis: 'primary',
};
const OLD: LossRun = {
  label: 'Previous run',
  loss: curve(0.042, 0.013, 20),
  valLoss: curve(0.04, 0.014, 20),
  emphasis: 'faint',
};

describe('renderLossCurves', () => {
  it('GIVEN two runs WHEN rendered THEN it is a PNG of the default size', async () => {
    expect(pngSize(await renderLossCurves({ runs: [OLD, NEW] }))).toEqual({
      width: 600,
      height: 360,
    });
  });

  it('GIVEN a custom size WHEN rendered THEN the PNG header carries exactly that size', async () => {
    expect(pngSize(await renderLossCurves({ runs: [NEW], width: 480, height: 250 }))).toEqual({
      width: 480,
      height: 250,
    });
  });

  it('GIVEN the new run WHEN rendered THEN its curve is drawn in the primary colour', async () => {
    const pixels = await pngPixels(await renderLossCurves({ runs: [OLD, NEW] }));
    expect(countColour(pixels, seriesStyle('primary').stroke, 10)).toBeGreaterThan(300);
  });

  it('GIVEN different losses WHEN rendered THEN the images differ', async () => {
    const worse = { ...NEW, loss: curve(0.04, 0.03, 20) };
    expect(
      (await renderLossCurves({ runs: [NEW] })).equals(await renderLossCurves({ runs: [worse] })),
    ).toBe(false);
  });

  it('GIVEN a NaN in the middle of a curve WHEN rendered THEN the curve has a gap instead of failing', async () => {
    const gap = { ...NEW, loss: NEW.loss.map((v, i) => (i === 5 ? Number.NaN : v)) };
    const png = await renderLossCurves({ runs: [gap] });
    expect(pngSize(png)).toEqual({ width: 600, height: 360 });
    expect(png.equals(await renderLossCurves({ runs: [NEW] }))).toBe(false);
  });

  it.each<[string, LossRun[]]>([
    ['no runs', []],
    ['a run with no epochs', [{ ...NEW, loss: [], valLoss: [] }]],
    ['a single epoch', [{ ...NEW, loss: [0.03], valLoss: [0.031] }]],
    [
      'runs of different lengths',
      [{ ...OLD, loss: curve(0.04, 0.01, 8), valLoss: curve(0.04, 0.01, 6) }, NEW],
    ],
    ['only NaN losses', [{ ...NEW, loss: [Number.NaN, Number.NaN], valLoss: [Infinity] }]],
    ['a flat loss', [{ ...NEW, loss: [0.02, 0.02, 0.02], valLoss: [] }]],
    ['losses of zero', [{ ...NEW, loss: [0, 0], valLoss: [0, 0] }]],
  ])(
    'GIVEN %s WHEN rendered THEN it still returns a PNG of the requested size',
    async (_name, runs) => {
      expect(pngSize(await renderLossCurves({ runs }))).toEqual({ width: 600, height: 360 });
    },
  );
});
