// Pictures for replies: the query's audio features beside its results' as a radar chart. A chart
// that fails to render is logged and left out; the text reply never waits on it.
import { AttachmentBuilder } from 'discord.js';
import { chartThread } from '../charts/chartThread.ts';
import type { RadarSeries } from '../charts/index.ts';
import type { FeatureTargets } from '../core/queries/index.ts';
import type { AudioFeature, Track } from '../data/track.ts';
import type { Logger } from '../logger.ts';
import { SLIDERS } from './vibeState.ts';

const AXES: readonly AudioFeature[] = SLIDERS.map((s) => s.feature);

/** Feature values scaled to 0-1 over the slider ranges (tempo 40-220 BPM, loudness -60-0 dB). */
export function chartValues(
  values: FeatureTargets | Track['features'],
): Partial<Record<AudioFeature, number>> {
  const scaled: Partial<Record<AudioFeature, number>> = {};
  for (const { feature, min, max } of SLIDERS) {
    const value = values[feature];
    if (typeof value === 'number' && Number.isFinite(value))
      scaled[feature] = (value - min) / (max - min);
  }
  return scaled;
}

/** The mean of several tracks' chart values, feature by feature. */
export function averageValues(tracks: readonly Track[]): Partial<Record<AudioFeature, number>> {
  const all = tracks.map((track) => chartValues(track.features));
  const mean: Partial<Record<AudioFeature, number>> = {};
  for (const feature of AXES) {
    const values = all.map((v) => v[feature]).filter((v): v is number => v !== undefined);
    if (values.length > 0) mean[feature] = values.reduce((a, b) => a + b, 0) / values.length;
  }
  return mean;
}

/**
 * Radar of a song (or a requested vibe) beside the average of its results. Drawing each result
 * too (faint) tripled the drawing time for little a reader could see.
 */
export function renderComparison(
  title: string,
  label: string,
  values: Partial<Record<AudioFeature, number>>,
  results: readonly Track[],
): Promise<Buffer> {
  const series: RadarSeries[] = [
    {
      label: `Average of ${results.length} results`,
      values: averageValues(results),
      emphasis: 'secondary',
    },
    { label, values, emphasis: 'primary' },
  ];
  return chartThread.render({ kind: 'radar', input: { title, series, features: AXES } });
}

/** Outline colours of seeds 1-5: apart from each other and from the results' orange. */
export const SEED_COLOURS = ['#4cc9f0', '#f15bb5', '#80ed99', '#c77dff', '#e9ecef'] as const;

/**
 * Radar of a list's seeds beside the average of its results: one seed as renderComparison draws
 * it, several each in their own colour, so a reader sees which sound each result sits near.
 */
export function renderSeedsComparison(
  title: string,
  seeds: readonly Track[],
  results: readonly Track[],
): Promise<Buffer> {
  const [only] = seeds;
  if (seeds.length === 1 && only) {
    return renderComparison(title, only.title, chartValues(only.features), results);
  }
  const series: RadarSeries[] = [
    {
      label: `Average of ${results.length} results`,
      values: averageValues(results),
      emphasis: 'secondary',
    },
    ...seeds.map((seed, k) => ({
      label: seed.title.length > 24 ? `${seed.title.slice(0, 23)}…` : seed.title,
      values: chartValues(seed.features),
      emphasis: 'primary' as const,
      colour: SEED_COLOURS[k % SEED_COLOURS.length] as string,
    })),
  ];
  return chartThread.render({ kind: 'radar', input: { title, series, features: AXES } });
}

/** Renders a chart into an attachment, or logs why not and returns undefined. */
export async function chartAttachment(
  name: string,
  render: () => Promise<Buffer>,
  logger: Logger,
): Promise<AttachmentBuilder | undefined> {
  try {
    return new AttachmentBuilder(await render(), { name });
  } catch (error) {
    logger.error({ err: error, chart: name }, 'chart rendering failed; replying without it');
    return undefined;
  }
}
