// The radar's frame: concentric rings, spokes and the feature name at the end of each spoke.
import { CHART_THEME } from './theme.ts';
import { font } from './fonts.ts';
import { axisAngle, radarPoint } from './radarGeometry.ts';
import type { Point } from './radarGeometry.ts';
import type { ChartContext } from './canvas.ts';

const RINGS = [0.25, 0.5, 0.75, 1];
export const AXIS_LABEL_GAP = 8;

/** Draw rings at 25/50/75/100 %, one spoke per axis, and the axis labels outside the rim. */
export function drawRadarFrame(
  ctx: ChartContext,
  center: Point,
  radius: number,
  labels: readonly string[],
): void {
  const n = labels.length;
  ctx.strokeStyle = CHART_THEME.grid;
  ctx.lineWidth = 1;
  for (const ring of RINGS) {
    ctx.beginPath();
    if (n >= 3) {
      for (let i = 0; i < n; i++) {
        const p = radarPoint(center, radius, i, n, ring);
        if (i === 0) ctx.moveTo(p.x, p.y);
        else ctx.lineTo(p.x, p.y);
      }
      ctx.closePath();
    } else {
      ctx.arc(center.x, center.y, radius * ring, 0, 2 * Math.PI);
    }
    ctx.stroke();
  }
  ctx.strokeStyle = CHART_THEME.axis;
  for (let i = 0; i < n; i++) {
    const rim = radarPoint(center, radius, i, n, 1);
    ctx.beginPath();
    ctx.moveTo(center.x, center.y);
    ctx.lineTo(rim.x, rim.y);
    ctx.stroke();
  }
  drawAxisLabels(ctx, center, radius, labels);
}

// Labels sit just past the rim, aligned away from the centre so they never cross the chart.
function drawAxisLabels(
  ctx: ChartContext,
  center: Point,
  radius: number,
  labels: readonly string[],
) {
  ctx.font = font(12, 500);
  ctx.fillStyle = CHART_THEME.mutedText;
  labels.forEach((label, i) => {
    const angle = axisAngle(i, labels.length);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const p = radarPoint(center, radius + AXIS_LABEL_GAP, i, labels.length, 1);
    ctx.textAlign = cos > 0.25 ? 'left' : cos < -0.25 ? 'right' : 'center';
    ctx.textBaseline = sin > 0.25 ? 'top' : sin < -0.25 ? 'bottom' : 'middle';
    ctx.fillText(label, p.x, p.y);
  });
}
