// One loss series as a line over epochs: gaps where a value is not finite, dots for lone points.
import type { PlotMapping } from './lossAxes.ts';
import type { ChartContext } from './canvas.ts';

export interface LineStyle {
  stroke: string;
  lineWidth: number;
  dash: number[];
}

/** Draw `values` (epoch 1 first) through `map`, skipping NaN and infinite values. */
export function drawLossLine(
  ctx: ChartContext,
  values: readonly number[],
  map: PlotMapping,
  style: LineStyle,
): void {
  const ok = (i: number) => i >= 0 && i < values.length && Number.isFinite(values[i]);
  ctx.save();
  ctx.strokeStyle = style.stroke;
  ctx.fillStyle = style.stroke;
  ctx.lineWidth = style.lineWidth;
  ctx.lineJoin = 'round';
  ctx.setLineDash(style.dash);
  ctx.beginPath();
  values.forEach((value, i) => {
    if (!ok(i)) return;
    const x = map.x(i + 1);
    const y = map.y(value);
    if (ok(i - 1)) ctx.lineTo(x, y);
    else ctx.moveTo(x, y);
  });
  ctx.stroke();
  values.forEach((value, i) => {
    if (!ok(i) || ok(i - 1) || ok(i + 1)) return;
    ctx.beginPath();
    ctx.arc(map.x(i + 1), map.y(value), style.lineWidth + 1.5, 0, 2 * Math.PI);
    ctx.fill();
  });
  ctx.restore();
}
