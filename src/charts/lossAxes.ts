// The frame of the loss chart: horizontal grid lines with loss ticks, epoch ticks, axis names.
import { CHART_THEME } from './theme.ts';
import { font } from './fonts.ts';
import { formatTick } from './niceScale.ts';
import type { NiceScale } from './niceScale.ts';
import type { Box } from './legend.ts';
import type { ChartContext } from './canvas.ts';

export interface PlotMapping {
  box: Box;
  x: (epoch: number) => number;
  y: (loss: number) => number;
}

/** Draw grid lines at each loss tick, the epoch ticks under the plot and the axis names. */
export function drawLossAxes(
  ctx: ChartContext,
  map: PlotMapping,
  yScale: NiceScale,
  epochs: readonly number[],
): void {
  const { box } = map;
  ctx.font = font(11);
  ctx.lineWidth = 1;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const tick of yScale.ticks) {
    const y = Math.round(map.y(tick)) + 0.5;
    ctx.strokeStyle = tick === yScale.min ? CHART_THEME.axis : CHART_THEME.grid;
    ctx.beginPath();
    ctx.moveTo(box.x, y);
    ctx.lineTo(box.x + box.width, y);
    ctx.stroke();
    ctx.fillStyle = CHART_THEME.mutedText;
    ctx.fillText(formatTick(tick, yScale.step), box.x - 6, y);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const epoch of epochs) {
    const x = Math.round(map.x(epoch)) + 0.5;
    ctx.strokeStyle = CHART_THEME.axis;
    ctx.beginPath();
    ctx.moveTo(x, box.y + box.height);
    ctx.lineTo(x, box.y + box.height + 4);
    ctx.stroke();
    ctx.fillText(String(epoch), x, box.y + box.height + 6);
  }
  ctx.fillText('epoch', box.x + box.width / 2, box.y + box.height + 21);
}

/** Width the loss tick labels need left of the plot. */
export function lossLabelWidth(ctx: ChartContext, yScale: NiceScale): number {
  ctx.font = font(11);
  return Math.max(...yScale.ticks.map((t) => ctx.measureText(formatTick(t, yScale.step)).width));
}
