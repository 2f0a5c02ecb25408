// The canvas every chart draws on and the PNG it becomes: size checks, the card, the encoding.
import { createCanvas } from '@napi-rs/canvas';
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import { CHART_THEME } from './theme.ts';

export type ChartContext = SKRSContext2D;

/** A canvas of exactly `width` x `height` pixels with the rounded dark card already drawn. */
export function createChartCanvas(width: number, height: number): Canvas {
  for (const [name, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 4096) {
      throw new RangeError(`Chart ${name} must be an integer from 1 to 4096, got ${value}`);
    }
  }
  const canvas = createCanvas(width, height);
  drawCard(canvas.getContext('2d'), width, height);
  return canvas;
}

// Corners stay transparent, so the card looks the same on Discord's dark and light themes.
function drawCard(ctx: ChartContext, width: number, height: number): void {
  const radius = Math.min(CHART_THEME.cornerRadius, width / 2, height / 2);
  ctx.beginPath();
  ctx.roundRect(0.5, 0.5, width - 1, height - 1, radius);
  ctx.fillStyle = CHART_THEME.card;
  ctx.fill();
  ctx.strokeStyle = CHART_THEME.cardBorder;
  ctx.lineWidth = 1;
  ctx.stroke();
}

/** The finished chart as PNG bytes, encoded on libuv's thread pool so the bot's event loop stays free. */
export function encodePng(canvas: Canvas): Promise<Buffer> {
  return canvas.encode('png');
}
