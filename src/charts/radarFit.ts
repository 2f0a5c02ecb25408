// How big a radar can be in a box while every axis label still fits outside its rim.
import { axisAngle } from './radarGeometry.ts';

export interface LabelSize {
  width: number;
  height: number;
}

// Labels are aligned away from the centre (see radarFrame): a label's extent past its anchor.
function extent(direction: number, size: number): number {
  return Math.abs(direction) > 0.25 ? size : size / 2;
}

/** The largest radius for which each label, `gap` past its rim, stays inside `width` x `height`. */
export function fitRadarRadius(
  labels: readonly LabelSize[],
  width: number,
  height: number,
  gap: number,
): number {
  const n = labels.length;
  let radius = Math.min(width, height) / 2 - gap;
  labels.forEach((label, i) => {
    const cos = Math.cos(axisAngle(i, n));
    const sin = Math.sin(axisAngle(i, n));
    const roomX = width / 2 - extent(cos, label.width);
    const roomY = height / 2 - extent(sin, label.height);
    if (Math.abs(cos) > 1e-6) radius = Math.min(radius, roomX / Math.abs(cos) - gap);
    if (Math.abs(sin) > 1e-6) radius = Math.min(radius, roomY / Math.abs(sin) - gap);
  });
  return radius;
}
