// PNG of a journey on the latent map: the catalog's songs as faint dots coloured by genre family,
// zoomed to where the journey goes, with its stops joined in order and both ends marked and named.
import type { ChartContext } from './canvas.ts';
import { createChartCanvas, encodePng } from './canvas.ts';
import { font } from './fonts.ts';
import { axisPairs, FAMILY_COLOURS, robustRange } from './renderLatentMap.ts';
import { drawTitle, fitText, PADDING, TITLE_HEIGHT } from './text.ts';
import { CHART_THEME } from './theme.ts';

export interface JourneyMapInput {
  /** n x dim codes of the background songs (dim 2 or 3). */
  codes: Float32Array;
  dim: number;
  /** Family id per background song, indexing `familyNames`. */
  families: Uint8Array;
  familyNames: readonly string[];
  /** stops x dim codes of the journey, in order (first the start, last the end). */
  stops: Float32Array;
  startLabel: string;
  endLabel: string;
  title: string;
  width?: number;
  height?: number;
}

/** Marker colours: start and end stand apart from each other and from the family palette. */
export const JOURNEY_COLOURS = { path: '#ffffff', start: '#4cc9f0', end: '#ff6b6b' } as const;

interface Panel {
  x: number;
  y: number;
  w: number;
  h: number;
  a: number;
  b: number;
  lo: [number, number];
  hi: [number, number];
}

const LEGEND_HEIGHT = 46;

/** Draws the journey map and returns PNG bytes. */
export async function renderJourneyMap(input: JourneyMapInput): Promise<Buffer> {
  const { dim, width = 1000, height = 520 } = input;
  const canvas = createChartCanvas(width, height);
  const ctx = canvas.getContext('2d');
  drawTitle(ctx, input.title, width);
  const pairs = axisPairs(dim);
  const panelWidth = (width - PADDING) / pairs.length;
  pairs.forEach(([a, b], p) => {
    const panel: Panel = {
      x: PADDING + p * panelWidth + 30,
      y: TITLE_HEIGHT + 6,
      w: panelWidth - 48,
      h: height - TITLE_HEIGHT - LEGEND_HEIGHT - 40,
      a,
      b,
      ...zoom(input, a, b),
    };
    drawBackground(ctx, panel, input);
    drawPath(ctx, panel, input.stops, dim);
    drawAxisNames(ctx, panel);
  });
  drawJourneyLegend(ctx, input, height - LEGEND_HEIGHT + 6, width);
  return encodePng(canvas);
}

/** The window around the journey: its stops' extent, padded, and never under a fifth of the map. */
function zoom(input: JourneyMapInput, a: number, b: number) {
  const lo: [number, number] = [Infinity, Infinity];
  const hi: [number, number] = [-Infinity, -Infinity];
  [a, b].forEach((axis, k) => {
    for (let s = 0; s < input.stops.length / input.dim; s++) {
      const v = input.stops[s * input.dim + axis] as number;
      lo[k] = Math.min(lo[k] as number, v);
      hi[k] = Math.max(hi[k] as number, v);
    }
    const [mapLo, mapHi] = robustRange(input.codes, input.dim, axis);
    const span = Math.max((hi[k] as number) - (lo[k] as number), (mapHi - mapLo) / 5);
    const centre = ((lo[k] as number) + (hi[k] as number)) / 2;
    lo[k] = centre - span * 0.75;
    hi[k] = centre + span * 0.75;
  });
  return { lo, hi };
}

function toCanvas(panel: Panel, u: number, v: number): [number, number] {
  const x = (u - panel.lo[0]) / (panel.hi[0] - panel.lo[0] || 1);
  const y = (v - panel.lo[1]) / (panel.hi[1] - panel.lo[1] || 1);
  return [panel.x + x * panel.w, panel.y + (1 - y) * panel.h];
}

function drawBackground(ctx: ChartContext, panel: Panel, input: JourneyMapInput): void {
  const { codes, dim, families } = input;
  ctx.strokeStyle = CHART_THEME.axis;
  ctx.lineWidth = 1;
  ctx.strokeRect(panel.x, panel.y, panel.w, panel.h);
  ctx.save();
  ctx.beginPath();
  ctx.rect(panel.x, panel.y, panel.w, panel.h);
  ctx.clip();
  ctx.globalAlpha = 0.5;
  for (let i = 0; i < families.length; i++) {
    const [x, y] = toCanvas(
      panel,
      codes[i * dim + panel.a] as number,
      codes[i * dim + panel.b] as number,
    );
    ctx.fillStyle = FAMILY_COLOURS[families[i] as number] ?? CHART_THEME.mutedText;
    ctx.fillRect(x - 1.5, y - 1.5, 3, 3);
  }
  ctx.restore();
}

function drawPath(ctx: ChartContext, panel: Panel, stops: Float32Array, dim: number): void {
  const points = Array.from({ length: stops.length / dim }, (_, s) =>
    toCanvas(panel, stops[s * dim + panel.a] as number, stops[s * dim + panel.b] as number),
  );
  ctx.save();
  ctx.lineJoin = 'round';
  // A dark halo under the white line keeps it readable over any colour of dot.
  for (const [stroke, lineWidth] of [
    [CHART_THEME.card, 6],
    [JOURNEY_COLOURS.path, 2.5],
  ] as const) {
    ctx.strokeStyle = stroke;
    ctx.lineWidth = lineWidth;
    ctx.beginPath();
    points.forEach(([x, y], s) => (s === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.stroke();
  }
  points.slice(1, -1).forEach(([x, y]) => dot(ctx, x, y, 4, JOURNEY_COLOURS.path));
  const [first, last] = [points[0], points.at(-1)];
  if (last) dot(ctx, last[0], last[1], 9, JOURNEY_COLOURS.end);
  if (first) dot(ctx, first[0], first[1], 9, JOURNEY_COLOURS.start);
  ctx.restore();
}

function dot(ctx: ChartContext, x: number, y: number, radius: number, fill: string): void {
  ctx.beginPath();
  ctx.arc(x, y, radius, 0, 2 * Math.PI);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.strokeStyle = CHART_THEME.card;
  ctx.lineWidth = 2;
  ctx.stroke();
}

function drawAxisNames(ctx: ChartContext, panel: Panel): void {
  ctx.fillStyle = CHART_THEME.mutedText;
  ctx.font = font(12);
  ctx.textAlign = 'center';
  ctx.fillText(`DNA ${panel.a + 1}`, panel.x + panel.w / 2, panel.y + panel.h + 16);
  ctx.save();
  ctx.translate(panel.x - 10, panel.y + panel.h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText(`DNA ${panel.b + 1}`, 0, 0);
  ctx.restore();
}

/** One row naming the two ends, one row of genre families. */
function drawJourneyLegend(ctx: ChartContext, input: JourneyMapInput, y: number, width: number) {
  ctx.font = font(13, 600);
  ctx.textAlign = 'left';
  const half = (width - 2 * PADDING) / 2;
  [
    [input.startLabel, JOURNEY_COLOURS.start, 'start'],
    [input.endLabel, JOURNEY_COLOURS.end, 'end'],
  ].forEach(([label, colour, end], k) => {
    const x = PADDING + k * half;
    dot(ctx, x + 7, y + 2, 7, colour as string);
    ctx.fillStyle = CHART_THEME.text;
    ctx.fillText(fitText(ctx, `${end}: ${label}`, half - 30), x + 20, y + 7);
  });
  ctx.font = font(12);
  let at = PADDING;
  input.familyNames.forEach((name, f) => {
    ctx.fillStyle = FAMILY_COLOURS[f] ?? CHART_THEME.mutedText;
    ctx.fillRect(at, y + 19, 10, 10);
    ctx.fillStyle = CHART_THEME.mutedText;
    ctx.fillText(name, at + 15, y + 28);
    at += 30 + ctx.measureText(name).width;
  });
}
