// The canvas every chart draws on and the PNG it becomes: size checks, the card, the encoding.
import { createCanvas } from '@napi-rs/canvas';
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import { CHART_THEME } from './theme.ts';

export type ChartContext = SKRSContext2D;

// Canvases waiting to be drawn on again, by size. Each new canvas holds its pixels in native memory
// that is only freed when V8 collects the canvas, which a thread drawing little JavaScript does
// rarely: reusing a few keeps that memory flat however many charts are drawn.
const idle = new Map<string, Canvas[]>();
const IDLE_PER_SIZE = 2;

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
  const canvas = idle.get(`${width}x${height}`)?.pop() ?? createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.save(); // restored by encodePng, so the next chart starts from the default state
  ctx.clearRect(0, 0, width, height);
  drawCard(ctx, width, height);
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

let encodeOnThisThread = false;

/** Encode PNGs on the calling thread instead of libuv's pool (for a thread that only draws). */
export function encodePngOnThisThread(): void {
  encodeOnThisThread = true;
}

/**
 * The finished chart as PNG bytes, encoded on libuv's thread pool (unless encodePngOnThisThread
 * was called) so the event loop stays free. The canvas goes back to be reused once encoded:
 * draw nothing more on it.
 */
export async function encodePng(canvas: Canvas): Promise<Buffer> {
  try {
    return encodeOnThisThread ? canvas.encodeSync('png') : await canvas.encode('png');
  } finally {
    canvas.getContext('2d').restore();
    const key = `${canvas.width}x${canvas.height}`;
    const free = idle.get(key) ?? [];
    if (free.length < IDLE_PER_SIZE) idle.set(key, [...free, canvas]);
  }
}
