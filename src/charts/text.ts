// Text that fits: shortening labels with an ellipsis and writing a chart's title.
import { CHART_THEME } from './theme.ts';
import { font } from './fonts.ts';
import type { ChartContext } from './canvas.ts';

/** `text` shortened with "…" so it measures at most `maxWidth` in the context's current font. */
export function fitText(ctx: ChartContext, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const candidate = chars.slice(0, mid).join('').trimEnd() + '…';
    if (ctx.measureText(candidate).width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : chars.slice(0, lo).join('').trimEnd() + '…';
}

export const TITLE_HEIGHT = 44;
export const PADDING = 18;

/** Write the chart's title in the top-left corner, shortened to the card's width. */
export function drawTitle(ctx: ChartContext, title: string, width: number): void {
  ctx.font = font(16, 600);
  ctx.fillStyle = CHART_THEME.text;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(fitText(ctx, title, width - 2 * PADDING), PADDING, 30);
}

/** Write a muted message centred in a box, for charts with nothing to show. */
export function drawNotice(
  ctx: ChartContext,
  message: string,
  box: { x: number; y: number; width: number; height: number },
): void {
  ctx.font = font(13);
  ctx.fillStyle = CHART_THEME.mutedText;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(fitText(ctx, message, box.width - 8), box.x + box.width / 2, box.y + box.height / 2);
}
