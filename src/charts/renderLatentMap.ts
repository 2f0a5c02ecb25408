// PNG of a 3-D latent space as two 2-D projections side by side, coloured by genre family.
import { createCanvas } from '@napi-rs/canvas';
import type { SKRSContext2D } from '@napi-rs/canvas';

/** Colour-blind-friendly palette (Okabe-Ito), one per family. */
export const FAMILY_COLOURS = ['#D55E00', '#0072B2', '#CC79A7', '#009E73', '#E69F00', '#999999'];

export interface LatentMapInput {
  /** n x dim codes (dim >= 2; with 3, panels show dims 1-2 and 1-3). */
  codes: Float32Array;
  dim: number;
  /** Family id per point, indexing `familyNames`. */
  families: Uint8Array;
  familyNames: readonly string[];
  title: string;
  width?: number;
  height?: number;
}

/** Draws the scatter and returns PNG bytes (encoded off the event loop). */
export async function renderLatentMap(input: LatentMapInput): Promise<Buffer> {
  const { codes, dim, families, familyNames, title, width = 1200, height = 620 } = input;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#111111';
  ctx.font = 'bold 20px sans-serif';
  ctx.fillText(title, 20, 30);
  const pairs = axisPairs(dim);
  const legendHeight = 40;
  const panelWidth = width / pairs.length;
  pairs.forEach(([a, b], p) => {
    const box = {
      x: p * panelWidth + 50,
      y: 50,
      w: panelWidth - 80,
      h: height - 110 - legendHeight,
    };
    drawPanel(ctx, box, codes, dim, a, b, families);
  });
  drawLegend(ctx, familyNames, 20, height - legendHeight + 5);
  return canvas.encode('png');
}

function drawPanel(
  ctx: SKRSContext2D,
  box: { x: number; y: number; w: number; h: number },
  codes: Float32Array,
  dim: number,
  a: number,
  b: number,
  families: Uint8Array,
): void {
  const n = codes.length / dim;
  const [loA, hiA] = robustRange(codes, dim, a);
  const [loB, hiB] = robustRange(codes, dim, b);
  ctx.strokeStyle = '#444444';
  ctx.lineWidth = 1;
  ctx.strokeRect(box.x, box.y, box.w, box.h);
  ctx.globalAlpha = 0.45;
  for (let i = 0; i < n; i++) {
    const u = ((codes[i * dim + a] as number) - loA) / (hiA - loA || 1);
    const v = ((codes[i * dim + b] as number) - loB) / (hiB - loB || 1);
    if (u < 0 || u > 1 || v < 0 || v > 1) continue;
    ctx.fillStyle = FAMILY_COLOURS[families[i] as number] ?? '#000000';
    ctx.fillRect(box.x + u * box.w - 1.5, box.y + (1 - v) * box.h - 1.5, 3, 3);
  }
  ctx.globalAlpha = 1;
  ctx.fillStyle = '#111111';
  ctx.font = '15px sans-serif';
  ctx.fillText(`latent ${a + 1}`, box.x + box.w / 2 - 25, box.y + box.h + 22);
  ctx.save();
  ctx.translate(box.x - 12, box.y + box.h / 2 + 25);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText(`latent ${b + 1}`, 0, 0);
  ctx.restore();
}

function drawLegend(ctx: SKRSContext2D, names: readonly string[], x: number, y: number): void {
  ctx.font = '15px sans-serif';
  let at = x;
  names.forEach((name, f) => {
    ctx.fillStyle = FAMILY_COLOURS[f] ?? '#000000';
    ctx.fillRect(at, y + 4, 14, 14);
    ctx.fillStyle = '#111111';
    ctx.fillText(name, at + 20, y + 16);
    at += 40 + ctx.measureText(name).width;
  });
}

/** The axes each panel plots: latent 1 against 2 and 1 against 3 (one panel for 2-D codes). */
export function axisPairs(dim: number): [number, number][] {
  return dim >= 3
    ? [
        [0, 1],
        [0, 2],
      ]
    : [[0, 1]];
}

/** 0.5th to 99.5th percentile of one coordinate, so a few outliers do not squash the picture. */
export function robustRange(codes: Float32Array, dim: number, axis: number): [number, number] {
  const values = new Float32Array(codes.length / dim);
  for (let i = 0; i < values.length; i++) values[i] = codes[i * dim + axis] as number;
  values.sort();
  const at = (q: number) => values[Math.floor(q * (values.length - 1))] as number;
  return [at(0.005), at(0.995)];
}
