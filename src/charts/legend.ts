// Legends: a swatch in the series' line style beside its label, in a column or in wrapping rows.
import { CHART_THEME } from './theme.ts';
import { font } from './fonts.ts';
import { fitText } from './text.ts';
import type { ChartContext } from './canvas.ts';

export interface LegendEntry {
  label: string;
  stroke: string;
  lineWidth: number;
  dash: number[];
  /** Draw a dot on the swatch, as radar series show dots on their points. */
  dot?: boolean;
  /** Key entries (line styles, not series) are written in the muted colour. */
  muted?: boolean;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const ROW = 20;
const SWATCH = 22;
const GAP = 7;

function drawEntry(ctx: ChartContext, entry: LegendEntry, x: number, y: number, maxW: number) {
  ctx.save();
  ctx.strokeStyle = entry.stroke;
  ctx.lineWidth = Math.max(entry.lineWidth, 1.5);
  ctx.setLineDash(entry.dash.map((d) => Math.min(d, 5)));
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + SWATCH, y);
  ctx.stroke();
  if (entry.dot === true) {
    ctx.fillStyle = entry.stroke;
    ctx.beginPath();
    ctx.arc(x + SWATCH / 2, y, 3, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.restore();
  ctx.fillStyle = entry.muted === true ? CHART_THEME.mutedText : CHART_THEME.text;
  ctx.fillText(fitText(ctx, entry.label, maxW - SWATCH - GAP), x + SWATCH + GAP, y);
}

/** One entry per row from the box's top; entries that do not fit become "+N more". */
export function drawLegendColumn(ctx: ChartContext, entries: LegendEntry[], box: Box): void {
  ctx.font = font(12);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  const rows = Math.max(0, Math.floor(box.height / ROW));
  const shown = entries.length > rows ? entries.slice(0, Math.max(0, rows - 1)) : entries;
  shown.forEach((entry, i) => drawEntry(ctx, entry, box.x, box.y + ROW * (i + 0.5), box.width));
  const hidden = entries.length - shown.length;
  if (hidden > 0 && rows > 0) {
    ctx.fillStyle = CHART_THEME.mutedText;
    ctx.fillText(`+${hidden} more`, box.x + SWATCH + GAP, box.y + ROW * (shown.length + 0.5));
  }
}

const MAX_LABEL = 200;
const SPACING = 16;

// Width of one entry in a row: the swatch, the gap and the (capped) label.
function entryWidth(ctx: ChartContext, entry: LegendEntry, boxWidth: number): number {
  const maxW = Math.min(boxWidth, SWATCH + GAP + MAX_LABEL);
  return Math.min(maxW, SWATCH + GAP + ctx.measureText(entry.label).width);
}

/** Width a single row of `entries` needs, so a caller can right-align a key. */
export function legendRowWidth(
  ctx: ChartContext,
  entries: LegendEntry[],
  boxWidth: number,
): number {
  ctx.font = font(12);
  const widths = entries.map((e) => entryWidth(ctx, e, boxWidth) + SPACING);
  return Math.max(0, widths.reduce((a, b) => a + b, 0) - SPACING);
}

/** Entries left to right, wrapping onto new rows; returns the height used. */
export function drawLegendRow(ctx: ChartContext, entries: LegendEntry[], box: Box): number {
  ctx.font = font(12);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  let x = box.x;
  let row = 0;
  for (const entry of entries) {
    const maxW = Math.min(box.width, SWATCH + GAP + MAX_LABEL);
    const w = entryWidth(ctx, entry, box.width);
    if (x > box.x && x + w > box.x + box.width) {
      x = box.x;
      row += 1;
    }
    drawEntry(ctx, entry, x, box.y + ROW * (row + 0.5), maxW);
    x += w + SPACING;
  }
  return entries.length === 0 ? 0 : ROW * (row + 1);
}
