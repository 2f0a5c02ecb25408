// Renders the example charts committed under docs/images/ (npx tsx scripts/render-chart-examples.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFeatureRadar, renderLossCurves } from '../src/charts/index.ts';
import type { AudioFeature } from '../src/data/track.ts';

const OUT = 'docs/images';
const FEATURES: AudioFeature[] = [
  'danceability',
  'energy',
  'valence',
  'acousticness',
  'instrumentalness',
  'speechiness',
  'liveness',
  'tempo',
  'loudness',
];

type Raw = Partial<Record<AudioFeature, number>>;

// Tempo over 40-220 BPM and loudness over -60-0 dB, as the bot scales them for its axes.
function forAxes(raw: Raw): Raw {
  const scaled: Raw = { ...raw };
  if (raw.tempo !== undefined) scaled.tempo = (raw.tempo - 40) / 180;
  if (raw.loudness !== undefined) scaled.loudness = (raw.loudness + 60) / 60;
  return scaled;
}

const shapeOfYou: Raw = {
  danceability: 0.825,
  energy: 0.652,
  valence: 0.931,
  acousticness: 0.581,
  instrumentalness: 0,
  speechiness: 0.0802,
  liveness: 0.0931,
  tempo: 95.977,
  loudness: -3.183,
};
const recommendations: Raw[] = [
  {
    danceability: 0.79,
    energy: 0.61,
    valence: 0.88,
    acousticness: 0.52,
    instrumentalness: 0,
    speechiness: 0.07,
    liveness: 0.11,
    tempo: 100.0,
    loudness: -4.1,
  },
  {
    danceability: 0.84,
    energy: 0.7,
    valence: 0.9,
    acousticness: 0.44,
    instrumentalness: 0.001,
    speechiness: 0.1,
    liveness: 0.09,
    tempo: 97.5,
    loudness: -3.6,
  },
  {
    danceability: 0.77,
    energy: 0.58,
    valence: 0.83,
    acousticness: 0.63,
    instrumentalness: 0,
    speechiness: 0.06,
    liveness: 0.14,
    tempo: 92.0,
    loudness: -5.2,
  },
  {
    danceability: 0.81,
    energy: 0.66,
    valence: 0.95,
    acousticness: 0.49,
    instrumentalness: 0.0004,
    speechiness: 0.09,
    liveness: 0.08,
    tempo: 104.1,
    loudness: -4.4,
  },
  {
    danceability: 0.74,
    energy: 0.63,
    valence: 0.86,
    acousticness: 0.57,
    instrumentalness: 0,
    speechiness: 0.12,
    liveness: 0.1,
    tempo: 94.3,
    loudness: -4.9,
  },
];

function average(rows: Raw[]): Raw {
  return Object.fromEntries(
    FEATURES.map((f) => [f, rows.reduce((sum, row) => sum + (row[f] ?? 0), 0) / rows.length]),
  );
}

function lossCurve(start: number, end: number, epochs: number, wobble: number): number[] {
  return Array.from({ length: epochs }, (_, i) => {
    const t = i / (epochs - 1);
    return end + (start - end) * Math.exp(-4 * t) + wobble * Math.sin(i * 1.7) * (1 - t);
  });
}

mkdirSync(OUT, { recursive: true });
writeFileSync(
  join(OUT, 'radar-recommend.png'),
  await renderFeatureRadar({
    title: 'Shape of You — Ed Sheeran vs 5 recommendations',
    features: FEATURES,
    series: [
      { label: 'Shape of You', values: forAxes(shapeOfYou), emphasis: 'primary' },
      {
        label: 'Average of 5 results',
        values: forAxes(average(recommendations)),
        emphasis: 'secondary',
      },
      ...recommendations.map((values, i) => ({
        label: `Result ${i + 1}`,
        values: forAxes(values),
        emphasis: 'faint' as const,
      })),
    ],
  }),
);
writeFileSync(
  join(OUT, 'radar-vibe.png'),
  await renderFeatureRadar({
    title: 'Requested vibe vs 10 results',
    features: FEATURES,
    series: [
      {
        label: 'Requested vibe',
        values: forAxes({ energy: 0.85, danceability: 0.8, valence: 0.3, tempo: 124 }),
        emphasis: 'primary',
      },
      {
        label: 'Results average',
        values: forAxes({
          danceability: 0.77,
          energy: 0.83,
          valence: 0.34,
          acousticness: 0.06,
          instrumentalness: 0.41,
          speechiness: 0.06,
          liveness: 0.12,
          tempo: 124.6,
          loudness: -6.8,
        }),
        emphasis: 'secondary',
      },
    ],
  }),
);
writeFileSync(
  join(OUT, 'loss-curves.png'),
  await renderLossCurves({
    runs: [
      {
        label: 'Previous run',
        loss: lossCurve(0.042, 0.0125, 20, 0.0006),
        valLoss: lossCurve(0.039, 0.0131, 20, 0.0009),
        emphasis: 'faint',
      },
      {
        label: 'New run',
        loss: lossCurve(0.04, 0.0098, 20, 0.0005),
        valLoss: lossCurve(0.037, 0.0104, 20, 0.0008),
        emphasis: 'primary',
      },
    ],
  }),
);
console.log(`Wrote 3 charts to ${OUT}/`);
