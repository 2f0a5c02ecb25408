// The radar (spider) chart of audio features: a song or a requested vibe beside its recommendations.
import { createChartCanvas, encodePng } from './canvas.ts';
import { font } from './fonts.ts';
import { byDrawOrder, byLegendOrder, styleOfSeries } from './theme.ts';
import { drawLegendRow } from './legend.ts';
import type { LegendEntry } from './legend.ts';
import { axisValues } from './radarGeometry.ts';
import { AXIS_LABEL_GAP, drawRadarFrame } from './radarFrame.ts';
import { drawRadarSeries } from './radarSeries.ts';
import { featureAxisLabel } from './featureLabels.ts';
import { fitRadarRadius } from './radarFit.ts';
import { PADDING, TITLE_HEIGHT, drawNotice, drawTitle } from './text.ts';
import type { AudioFeature } from '../data/track.ts';
import type { Emphasis } from './theme.ts';
import type { ChartContext } from './canvas.ts';

export interface RadarSeries {
  label: string;
  /** Values already scaled to 0-1; missing or NaN features are left out of the series. */
  values: Partial<Record<AudioFeature, number>>;
  emphasis: Emphasis;
  /** A '#rrggbb' stroke instead of the emphasis's colour, to tell several seeds apart. */
  colour?: string;
}

export interface FeatureRadarInput {
  title: string;
  series: readonly RadarSeries[];
  /** The axes, clockwise from the top. */
  features: readonly AudioFeature[];
  width?: number;
  height?: number;
}

/** Render a radar chart of audio features as a PNG of exactly `width` x `height` pixels. */
export async function renderFeatureRadar({
  title,
  series,
  features,
  width = 600,
  height = 440,
}: FeatureRadarInput): Promise<Buffer> {
  const canvas = createChartCanvas(width, height);
  const ctx = canvas.getContext('2d');
  drawTitle(ctx, title, width);
  const legend = { x: PADDING, y: TITLE_HEIGHT - 6, width: width - 2 * PADDING, height: 60 };
  const top = TITLE_HEIGHT + drawLegendRow(ctx, legendEntries(series), legend);
  const plot = { x: PADDING, y: top, width: width - 2 * PADDING, height: height - top - PADDING };
  const labels = features.map(featureAxisLabel);
  const radius = radarRadius(ctx, labels, plot.width, plot.height);
  if (features.length === 0 || radius < 10) {
    drawNotice(ctx, 'No features to compare', plot);
    return encodePng(canvas);
  }
  const center = { x: plot.x + plot.width / 2, y: plot.y + plot.height / 2 };
  drawRadarFrame(ctx, center, radius, labels);
  for (const s of byDrawOrder(series)) {
    const values = axisValues(s.values, features);
    drawRadarSeries(ctx, center, radius, values, s.emphasis, styleOfSeries(s));
  }
  return encodePng(canvas);
}

// Faint series all look alike, so several of them share one legend entry.
function legendEntries(series: readonly RadarSeries[]): LegendEntry[] {
  const entry = (label: string, s: Pick<RadarSeries, 'emphasis' | 'colour'>) => ({
    label,
    ...styleOfSeries(s),
    dot: s.emphasis !== 'faint',
  });
  const faint = series.filter((s) => s.emphasis === 'faint');
  const entries = byLegendOrder(series)
    .filter((s) => s.emphasis !== 'faint')
    .map((s) => entry(s.label, s));
  if (faint.length === 1 && faint[0] !== undefined) entries.push(entry(faint[0].label, faint[0]));
  if (faint.length > 1) {
    entries.push(entry(`Each of the ${faint.length} results`, { emphasis: 'faint' }));
  }
  return entries;
}

// Measures the axis labels in the font radarFrame writes them with.
function radarRadius(ctx: ChartContext, labels: readonly string[], width: number, height: number) {
  ctx.font = font(12, 500);
  const sizes = labels.map((l) => ({ width: ctx.measureText(l).width, height: 15 }));
  return fitRadarRadius(sizes, width, height, AXIS_LABEL_GAP);
}
