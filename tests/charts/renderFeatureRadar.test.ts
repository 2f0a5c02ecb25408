import { describe, expect, it } from 'vitest';
import { GlobalFonts } from '@napi-rs/canvas';
import { renderFeatureRadar } from '../../src/charts/index.ts';
import { seriesStyle } from '../../src/charts/theme.ts';
import type { AudioFeature } from '../../src/data/track.ts';
import type { RadarSeries } from '../../src/charts/index.ts';
import { countColour, pixelAt, pngPixels, pngSize } from './pngImage.ts';

const FEATURES: AudioFeature[] = ['danceability', 'energy', 'valence', 'acousticness', 'tempo'];
const SONG: RadarSeries = {
  label: 'Shape of You',
  values: { danceability: 0.825, energy: 0.652, valence: 0.931, acousticness: 0.581, tempo: 0.31 },
  emphasis: 'primary',
};
const AVERAGE: RadarSeries = {
  label: 'Average of 5 results',
  values: { danceability: 0.79, energy: 0.63, valence: 0.88, acousticness: 0.53, tempo: 0.33 },
  emphasis: 'secondary',
};

const radar = (series: RadarSeries[], features = FEATURES, title = 'Shape of You') =>
  renderFeatureRadar({ title, series, features });

describe('renderFeatureRadar', () => {
  it('GIVEN a song and an average WHEN rendered THEN it is a PNG of the default size', async () => {
    expect(pngSize(await radar([SONG, AVERAGE]))).toEqual({ width: 600, height: 440 });
  });

  it('GIVEN a canvas reused from an earlier chart WHEN a chart is drawn on it THEN nothing of the earlier one shows', async () => {
    const empty = () => radar([], [], 'Nothing yet');
    const first = await empty();
    // A chart with dashed lines, text and fills, drawn on the same size of canvas in between.
    await radar([SONG, AVERAGE, { ...AVERAGE, label: 'faint', emphasis: 'faint' }]);
    const again = await Promise.all([empty(), empty()]);
    expect(again[0].equals(first)).toBe(true);
    expect(again[1].equals(first)).toBe(true);
  });

  it('GIVEN a custom size WHEN rendered THEN the PNG header carries exactly that size', async () => {
    const png = await renderFeatureRadar({
      title: 't',
      series: [SONG],
      features: FEATURES,
      width: 321,
      height: 207,
    });
    expect(pngSize(png)).toEqual({ width: 321, height: 207 });
  });

  it('GIVEN a song WHEN rendered THEN its series colour is drawn on the card and the corners stay transparent', async () => {
    const pixels = await pngPixels(await radar([SONG, AVERAGE]));
    expect(countColour(pixels, seriesStyle('primary').stroke, 10)).toBeGreaterThan(300);
    expect(countColour(pixels, seriesStyle('secondary').stroke, 10)).toBeGreaterThan(50);
    expect(pixelAt(pixels, 0, 0)[3]).toBe(0);
    expect(pixelAt(pixels, 300, 435)[3]).toBe(255);
  });

  it('GIVEN two different songs WHEN rendered THEN the images differ', async () => {
    const other = { ...SONG, values: { ...SONG.values, energy: 0.1 } };
    expect((await radar([SONG])).equals(await radar([other]))).toBe(false);
  });

  it.skipIf(GlobalFonts.families.length === 0)(
    'GIVEN two titles WHEN rendered THEN the images differ (text is drawn)',
    async () => {
      expect(
        (await radar([SONG], FEATURES, 'Song A')).equals(await radar([SONG], FEATURES, 'Song B')),
      ).toBe(false);
    },
  );

  it('GIVEN a NaN value WHEN rendered THEN it is skipped like a missing feature', async () => {
    const withNaN = { ...SONG, values: { ...SONG.values, energy: Number.NaN } };
    const rest = Object.fromEntries(Object.entries(SONG.values).filter(([f]) => f !== 'energy'));
    expect((await radar([withNaN])).equals(await radar([{ ...SONG, values: rest }]))).toBe(true);
  });

  it.each<[string, RadarSeries[], AudioFeature[]]>([
    ['no series', [], FEATURES],
    ['no features', [SONG], []],
    ['one feature', [SONG], ['energy']],
    ['two features', [SONG, AVERAGE], ['energy', 'valence']],
    [
      'a requested vibe with two features set',
      [{ ...SONG, values: { energy: 0.8, tempo: 0.5 } }, AVERAGE],
      FEATURES,
    ],
    ['a series with no values', [{ ...SONG, values: {} }], FEATURES],
    [
      'values outside 0-1',
      [{ ...SONG, values: { energy: 3, valence: -2, tempo: Infinity } }],
      FEATURES,
    ],
    [
      'many faint results',
      Array.from({ length: 30 }, (_, i) => ({
        ...AVERAGE,
        label: `r${i}`,
        emphasis: 'faint' as const,
      })),
      FEATURES,
    ],
  ])(
    'GIVEN %s WHEN rendered THEN it still returns a PNG of the requested size',
    async (_name, series, features) => {
      expect(pngSize(await radar(series, features))).toEqual({ width: 600, height: 440 });
    },
  );

  it('GIVEN a very long title and label WHEN rendered THEN it does not throw', async () => {
    const long = 'x'.repeat(500);
    expect(pngSize(await radar([{ ...SONG, label: long }], FEATURES, long))).not.toBeNull();
  });

  it('GIVEN a zero or fractional size WHEN rendered THEN it throws a RangeError', async () => {
    await expect(
      renderFeatureRadar({ title: 't', series: [], features: FEATURES, width: 0 }),
    ).rejects.toThrow(RangeError);
    await expect(
      renderFeatureRadar({ title: 't', series: [], features: FEATURES, height: 10.5 }),
    ).rejects.toThrow(RangeError);
  });
});
