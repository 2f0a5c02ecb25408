// Test helpers that read a rendered PNG: its header size and its pixels.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { ImageData } from '@napi-rs/canvas';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, or null when the bytes do not start like a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | null {
  const ok =
    SIGNATURE.every((byte, i) => png[i] === byte) && png.toString('ascii', 12, 16) === 'IHDR';
  return ok ? { width: png.readUInt32BE(16), height: png.readUInt32BE(20) } : null;
}

/** The decoded RGBA pixels of a PNG. */
export async function pngPixels(png: Buffer): Promise<ImageData> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return ctx.getImageData(0, 0, image.width, image.height);
}

/** How many pixels are within `tolerance` (per channel) of the opaque colour `#rrggbb`. */
export function countColour(pixels: ImageData, hex: string, tolerance = 40): number {
  const target = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let p = 0; p < pixels.data.length; p += 4) {
    const close = target.every((c, k) => Math.abs((pixels.data[p + k] ?? 0) - c) <= tolerance);
    if (close && (pixels.data[p + 3] ?? 0) > 200) count++;
  }
  return count;
}

/** The RGBA value of one pixel. */
export function pixelAt(pixels: ImageData, x: number, y: number): number[] {
  const p = (y * pixels.width + x) * 4;
  return Array.from(pixels.data.slice(p, p + 4));
}
