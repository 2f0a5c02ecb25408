// Parsing single CSV cells (already trimmed) into typed Track values; each returns null when it cannot.

/** A finite decimal number, or null for '', 'NaN', 'Infinity', '0x1F' and other non-numbers. */
export function parseNumber(text: string): number | null {
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) return null;
  const prefix = text.charCodeAt(1) | 0x20; // lower-cased second character: rejects 0x, 0b, 0o literals
  return prefix === 0x78 || prefix === 0x62 || prefix === 0x6f ? null : value;
}

/** Artist or genre names: a Python list string like `['A', "B's"]`, else names joined by ';'. */
export function parseNameList(text: string): string[] {
  if (!text.includes(';') && !text.startsWith('[')) return text === '' ? [] : [text.trim()];
  const listed = text.startsWith('[') ? parsePythonList(text) : null;
  const names = listed ?? text.split(';');
  return names.map((name) => name.trim()).filter((name) => name !== '');
}

/** Names joined by ',' as well as by ';' or in a list string: genres, and Exportify's artists. */
export function parseCommaList(text: string): string[] {
  if (text.includes(';') || text.startsWith('[')) return parseNameList(text);
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** 'True'/'False' or 1/0, any case; null otherwise. */
export function parseExplicit(text: string): boolean | null {
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  return null;
}

/** 0-100, or null when absent, non-numeric or out of range. */
export function parsePopularity(text: string): number | null {
  const value = parseNumber(text);
  return value !== null && value >= 0 && value <= 100 ? value : null;
}

/** A year from a `year` cell (e.g. '1999') or the leading digits of a date ('1999-03-01'); 0 is unknown. */
export function parseYear(text: string): number | null {
  const match = /^(\d{4})(?:$|[-/ T.])/.exec(text);
  const year = match ? Number(match[1]) : null;
  return year !== null && year >= 1000 ? year : null;
}

/** Quoted items of a Python list literal, or null when the text is not one (e.g. '[Alexandros]'). */
function parsePythonList(text: string): string[] | null {
  const items: string[] = [];
  let pos = 1;
  for (;;) {
    while (text[pos] === ' ' || text[pos] === ',') pos += 1;
    const quote = text[pos];
    if (quote === ']') return pos === text.length - 1 ? items : null;
    if (quote !== "'" && quote !== '"') return null;
    let item = '';
    for (pos += 1; text[pos] !== quote; pos += 1) {
      if (pos >= text.length) return null;
      if (text[pos] === '\\') pos += 1;
      item += text[pos] ?? '';
    }
    items.push(item);
    pos += 1;
  }
}
