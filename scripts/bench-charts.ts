// Render-time benchmark of the chart renderers (drawing + PNG encoding, which runs off the event
// loop): prints one JSON line per chart (npx tsx scripts/bench-charts.ts).
import { performance } from 'node:perf_hooks';
import { renderFeatureRadar, renderLossCurves } from '../src/charts/index.ts';
import { DEFAULT_FEATURES } from '../src/data/track.ts';

const RUNS = 50;
// The nine training features, the radar's axes in the bot.
const FEATURES = DEFAULT_FEATURES;
const values = (seed: number) =>
  Object.fromEntries(FEATURES.map((f, i) => [f, (Math.sin(seed * 7 + i) + 1) / 2]));
const curve = (from: number, to: number) =>
  Array.from({ length: 20 }, (_, i) => to + (from - to) * Math.exp(-i / 5));

const charts: Record<string, () => Promise<Buffer>> = {
  radarRecommend: () =>
    renderFeatureRadar({
      title: 'Shape of You — Ed Sheeran vs 5 recommendations',
      features: FEATURES,
      series: [
        { label: 'Shape of You', values: values(1), emphasis: 'primary' },
        { label: 'Average of 5 results', values: values(2), emphasis: 'secondary' },
        ...[3, 4, 5, 6, 7].map((s) => ({
          label: `Result ${s}`,
          values: values(s),
          emphasis: 'faint' as const,
        })),
      ],
    }),
  radarVibe: () =>
    renderFeatureRadar({
      title: 'Requested vibe vs 10 results',
      features: FEATURES,
      series: [
        {
          label: 'Requested vibe',
          values: { energy: 0.85, danceability: 0.8, tempo: 0.47 },
          emphasis: 'primary',
        },
        { label: 'Results average', values: values(2), emphasis: 'secondary' },
      ],
    }),
  lossCurves: () =>
    renderLossCurves({
      runs: [
        {
          label: 'Previous run',
          loss: curve(0.042, 0.013),
          valLoss: curve(0.04, 0.014),
          emphasis: 'faint',
        },
        {
          label: 'New run',
          loss: curve(0.04, 0.01),
          valLoss: curve(0.037, 0.011),
          emphasis: 'primary',
        },
      ],
    }),
};

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

for (const [chart, render] of Object.entries(charts)) {
  for (let i = 0; i < 5; i++) await render(); // warm-up: font loading and JIT
  const times: number[] = [];
  const blocking: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const png = render(); // drawing is synchronous; only the PNG encoding runs off the event loop
    blocking.push(performance.now() - start);
    await png;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  blocking.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  console.log(
    JSON.stringify({
      chart,
      medianMs: round(quantile(times, 0.5)),
      p99Ms: round(quantile(times, 0.99)),
      eventLoopBlockedMedianMs: round(quantile(blocking, 0.5)),
    }),
  );
}
