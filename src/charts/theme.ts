// Colours and line styles shared by every chart: a dark card that reads on Discord's dark and light themes.

/** How prominently a series is drawn: the subject, the thing compared with it, or context. */
export type Emphasis = 'primary' | 'secondary' | 'faint';

export interface SeriesStyle {
  stroke: string;
  fill: string;
  lineWidth: number;
  /** Dash pattern for the series' main line; empty for solid. */
  dash: number[];
}

/**
 * The card is darker than Discord's dark theme (#313338) so it stands out there, and is a
 * self-contained dark panel on the light theme (#ffffff); colours are picked against the card only.
 */
export const CHART_THEME = {
  card: '#1b1c21',
  cardBorder: 'rgba(255, 255, 255, 0.10)',
  cornerRadius: 14,
  text: '#eceef2',
  mutedText: '#a3a8b3',
  grid: 'rgba(255, 255, 255, 0.13)',
  axis: 'rgba(255, 255, 255, 0.35)',
} as const;

// Blue and orange stay apart for the common colour-vision deficiencies; faint is a neutral grey-blue.
const STYLES: Record<Emphasis, SeriesStyle> = {
  primary: { stroke: '#4cc9f0', fill: 'rgba(76, 201, 240, 0.28)', lineWidth: 2.5, dash: [] },
  secondary: { stroke: '#ffa94d', fill: 'rgba(255, 169, 77, 0.16)', lineWidth: 2, dash: [7, 4] },
  faint: { stroke: 'rgba(170, 180, 205, 0.45)', fill: 'rgba(0, 0, 0, 0)', lineWidth: 1, dash: [] },
};

/** The stroke, fill and dash a series of this emphasis is drawn with. */
export function seriesStyle(emphasis: Emphasis): SeriesStyle {
  return STYLES[emphasis];
}

/**
 * The style of one series: its emphasis's, in its own colour when it has one (several seeds of a
 * list each get one), with a light fill so overlapping outlines stay readable.
 */
export function styleOfSeries(series: { emphasis: Emphasis; colour?: string }): SeriesStyle {
  const style = STYLES[series.emphasis];
  if (!series.colour) return style;
  return { ...style, stroke: series.colour, fill: `${series.colour}1a` };
}

const RANK: Record<Emphasis, number> = { faint: 0, secondary: 1, primary: 2 };

/** Draw order: faint context first, the primary series last so it sits on top. */
export function byDrawOrder<T extends { emphasis: Emphasis }>(series: readonly T[]): T[] {
  return [...series].sort((a, b) => RANK[a.emphasis] - RANK[b.emphasis]);
}

/** Legend order: the primary series first, faint context last, ties in the caller's order. */
export function byLegendOrder<T extends { emphasis: Emphasis }>(series: readonly T[]): T[] {
  return [...series].sort((a, b) => RANK[b.emphasis] - RANK[a.emphasis]);
}
