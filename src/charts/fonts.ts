// Which installed font family the charts write with; resolved once from what @napi-rs/canvas finds.
import { GlobalFonts } from '@napi-rs/canvas';

// Sans families in order of preference, then families that cover non-Latin song titles.
const PREFERRED = ['Inter', 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', 'Arial', 'Helvetica'];
const FALLBACKS = ['Noto Sans CJK JP', 'Noto Sans JP', 'Noto Sans KR', 'Noto Color Emoji'];

let registered: string[] = [];
let cached: string | undefined;

/** The CSS font-family list the charts use: installed preferred families, then `sans-serif`. */
export function chartFontFamily(): string {
  if (cached !== undefined) return cached;
  const installed = new Set(GlobalFonts.families.map((f) => f.family));
  const known = [...registered, ...PREFERRED, ...FALLBACKS].filter((name) => installed.has(name));
  // No preferred family: any installed one beats none; with no fonts at all text is simply not drawn.
  const first = known[0] ?? GlobalFonts.families[0]?.family;
  const names = first === undefined ? [] : [first, ...known.filter((n) => n !== first)];
  cached = [...names.map((n) => `"${n}"`), 'sans-serif'].join(', ');
  return cached;
}

/** Register a font file (e.g. one covering CJK titles) to be tried before the installed ones. */
export function registerChartFont(path: string, family: string): boolean {
  const key = GlobalFonts.registerFromPath(path, family);
  if (key === null) return false;
  registered = [family, ...registered.filter((n) => n !== family)];
  cached = undefined;
  return true;
}

/** A canvas `font` string: `font(12, 600)` is 12 px semi-bold in the chart family. */
export function font(sizePx: number, weight = 400): string {
  return `${weight} ${sizePx}px ${chartFontFamily()}`;
}
