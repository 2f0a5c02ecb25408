// One series on a radar: a filled polygon when every axis has a value, else dots and partial edges.
import { seriesStyle } from './theme.ts';
import { presentEdges, radarPoint } from './radarGeometry.ts';
import type { Emphasis } from './theme.ts';
import type { Point } from './radarGeometry.ts';
import type { ChartContext } from './canvas.ts';

/** Draw `values` (one per axis, null where missing) in the style of `emphasis`. */
export function drawRadarSeries(
  ctx: ChartContext,
  center: Point,
  radius: number,
  values: readonly (number | null)[],
  emphasis: Emphasis,
  style = seriesStyle(emphasis),
): void {
  const n = values.length;
  const at = (i: number) => radarPoint(center, radius, i, n, values[i] ?? 0);
  ctx.save();
  ctx.strokeStyle = style.stroke;
  ctx.lineWidth = style.lineWidth;
  ctx.lineJoin = 'round';
  ctx.setLineDash(style.dash);
  const complete = n >= 3 && values.every((v) => v !== null);
  if (complete) {
    ctx.beginPath();
    values.forEach((_, i) =>
      i === 0 ? ctx.moveTo(at(i).x, at(i).y) : ctx.lineTo(at(i).x, at(i).y),
    );
    ctx.closePath();
    ctx.fillStyle = style.fill;
    ctx.fill();
    ctx.stroke();
  } else {
    for (const [i, j] of presentEdges(values)) {
      ctx.beginPath();
      ctx.moveTo(at(i).x, at(i).y);
      ctx.lineTo(at(j).x, at(j).y);
      ctx.stroke();
    }
  }
  // A partial series (a requested vibe) is mostly its points: draw them larger.
  if (emphasis !== 'faint') drawDots(ctx, values, at, style.stroke, complete ? 3.5 : 5);
  ctx.restore();
}

function drawDots(
  ctx: ChartContext,
  values: readonly (number | null)[],
  at: (i: number) => Point,
  colour: string,
  size: number,
) {
  ctx.fillStyle = colour;
  values.forEach((value, i) => {
    if (value === null) return;
    ctx.beginPath();
    ctx.arc(at(i).x, at(i).y, size, 0, 2 * Math.PI);
    ctx.fill();
  });
}
