// Training and validation loss per epoch of the new run beside earlier runs.
import { createChartCanvas, encodePng } from './canvas.ts';
import { CHART_THEME, byDrawOrder, byLegendOrder, seriesStyle } from './theme.ts';
import { drawLegendRow, legendRowWidth } from './legend.ts';
import { drawLossAxes, lossLabelWidth } from './lossAxes.ts';
import { drawLossLine } from './lossLine.ts';
import { epochTicks, niceScale } from './niceScale.ts';
import { PADDING, TITLE_HEIGHT, drawNotice, drawTitle } from './text.ts';
import type { Emphasis } from './theme.ts';
import type { LegendEntry } from './legend.ts';
import type { ChartContext } from './canvas.ts';

export interface LossRun {
  label: string;
  /** Training loss per epoch, epoch 1 first; non-finite values leave a gap. */
  loss: readonly number[];
  valLoss: readonly number[];
  emphasis: Emphasis;
}

export interface LossCurvesInput {
  runs: readonly LossRun[];
  title?: string;
  width?: number;
  height?: number;
}

const VALIDATION_DASH = [6, 4];

/** Render loss curves (solid: training, dashed: validation) as a PNG of `width` x `height`. */
export async function renderLossCurves({
  runs,
  title = 'Training loss per epoch',
  width = 600,
  height = 360,
}: LossCurvesInput): Promise<Buffer> {
  const canvas = createChartCanvas(width, height);
  const ctx = canvas.getContext('2d');
  drawTitle(ctx, title, width);
  const legendHeight = drawLegend(ctx, runs, width);
  const values = runs.flatMap((r) => [...r.loss, ...r.valLoss]).filter(Number.isFinite);
  const epochs = Math.max(0, ...runs.map((r) => Math.max(r.loss.length, r.valLoss.length)));
  const top = TITLE_HEIGHT + legendHeight + 4;
  if (values.length === 0) {
    drawNotice(ctx, 'No training history yet', { x: 0, y: top, width, height: height - top });
    return encodePng(canvas);
  }
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  // Losses are non-negative: start at 0 unless that would flatten a narrow band of values.
  const plotTop = top + 8;
  const plotHeight = height - plotTop - 50; // room for epoch ticks and the axis name
  const tickCount = Math.max(2, Math.min(6, Math.floor(plotHeight / 36) + 1));
  const yScale = niceScale(lo >= 0 && lo < hi * 0.5 ? 0 : lo, hi, tickCount);
  const left = PADDING + lossLabelWidth(ctx, yScale) + 8;
  const box = { x: left, y: plotTop, width: width - left - PADDING - 6, height: plotHeight };
  const span = Math.max(1, epochs - 1);
  const map = {
    box,
    x: (epoch: number) => box.x + (epochs <= 1 ? box.width / 2 : ((epoch - 1) / span) * box.width),
    y: (loss: number) => box.y + box.height * (1 - (loss - yScale.min) / (yScale.max - yScale.min)),
  };
  drawLossAxes(ctx, map, yScale, epochTicks(epochs));
  for (const run of byDrawOrder(runs)) {
    const style = seriesStyle(run.emphasis);
    drawLossLine(ctx, run.loss, map, { ...style, dash: [] });
    drawLossLine(ctx, run.valLoss, map, { ...style, dash: VALIDATION_DASH });
  }
  return encodePng(canvas);
}

// Runs by colour on the left; on the right, a key saying which line style is which loss.
function drawLegend(ctx: ChartContext, runs: readonly LossRun[], width: number): number {
  const box = { x: PADDING, y: TITLE_HEIGHT - 6, width: width - 2 * PADDING, height: 40 };
  const entries: LegendEntry[] = byLegendOrder(runs).map((run) => {
    const style = seriesStyle(run.emphasis);
    return { label: run.label, stroke: style.stroke, lineWidth: style.lineWidth, dash: [] };
  });
  if (runs.length === 0) return 0;
  const key = { stroke: CHART_THEME.mutedText, lineWidth: 1.5, muted: true };
  const keys = [
    { ...key, label: 'training', dash: [] },
    { ...key, label: 'validation', dash: VALIDATION_DASH },
  ];
  const keyWidth = legendRowWidth(ctx, keys, box.width);
  if (legendRowWidth(ctx, entries, box.width) + keyWidth + 24 > box.width) {
    return drawLegendRow(ctx, [...entries, ...keys], box);
  }
  drawLegendRow(ctx, keys, { ...box, x: box.x + box.width - keyWidth, width: keyWidth });
  return drawLegendRow(ctx, entries, box);
}
