// Checking a CSV header row and turning it into a column layout, with errors a person can act on.
// Every check is linear in the header's size, and every message lists a handful of items and a count.
import { mapColumns } from './columnLayout.ts';
import type { ColumnLayout } from './columnLayout.ts';
import type { ColumnMapping } from './columnMapping.ts';
import { headerKey } from './columns.ts';
import { DataFileError } from './errors.ts';
import type { AudioFeature } from './track.ts';

const SHOWN_COLUMNS = 12;
const SHOWN_NAMES = 5;
const SHOWN_FIELDS = 3;
const MAPPING_HINT =
  'map other names with --columns (or the columns option of /retrain), e.g. title=song,artists=singer';
const OTHER_DELIMITERS: readonly [string, string][] = [
  [';', "';'"],
  ['\t', 'tab'],
  ['|', "'|'"],
];

/** Read the header cells of `file` into a layout; throws DataFileError when they cannot work. */
export function readHeader(
  cells: readonly string[],
  requiredFeatures: readonly AudioFeature[],
  file: string,
  line: number,
  mapping?: ColumnMapping,
): ColumnLayout {
  const fail = (detail: string): never => {
    throw new DataFileError(file, detail, { line });
  };
  const [onlyCell] = cells;
  if (cells.length === 1 && onlyCell !== undefined) {
    const other = OTHER_DELIMITERS.find(([delimiter]) => onlyCell.includes(delimiter));
    if (other) {
      fail(
        `the header looks like ${other[1]}-separated; NextBeat reads comma-separated files (re-export it with ',' as the delimiter and '.' as the decimal point)`,
      );
    }
  }
  const keys = cells.map(headerKey);
  const duplicates = describeDuplicates(keys);
  if (duplicates !== undefined) fail(`duplicated column name(s) ${duplicates}`);
  const layout = mapColumns(cells, keys, requiredFeatures, mapping);
  if ('unmatched' in layout) {
    fail(
      `the column mapping names column(s) this header lacks: ${layout.unmatched.join(', ')}; found columns: ${describeFound(cells)}`,
    );
  }
  if ('missing' in layout) {
    fail(
      `missing required column(s) ${layout.missing.join(', ')}; found columns: ${describeFound(cells)}; ${MAPPING_HINT}`,
    );
  }
  return layout as ColumnLayout;
}

/** "energy (fields 9, 21); x appears 80000 times (fields 1, 2, 3 and 79997 more)", or undefined. */
export function describeDuplicates(keys: readonly (string | undefined)[]): string | undefined {
  const fieldsByKey = new Map<string, number[]>();
  keys.forEach((key, index) => {
    if (key === undefined) return;
    const fields = fieldsByKey.get(key);
    if (fields) fields.push(index + 1);
    else fieldsByKey.set(key, [index + 1]);
  });
  const repeated = [...fieldsByKey].filter(([, fields]) => fields.length > 1);
  if (repeated.length === 0) return undefined;
  const shown = repeated.slice(0, SHOWN_NAMES).map(([key, fields]) => {
    const name = shorten(key);
    if (fields.length <= SHOWN_FIELDS) return `${name} (fields ${fields.join(', ')})`;
    const first = fields.slice(0, SHOWN_FIELDS).join(', ');
    return `${name} appears ${fields.length} times (fields ${first} and ${fields.length - SHOWN_FIELDS} more)`;
  });
  const more = repeated.length > SHOWN_NAMES ? ` and ${repeated.length - SHOWN_NAMES} more names` : '';
  return `${shown.join('; ')}${more}`;
}

function describeFound(cells: readonly string[]): string {
  const shown = cells.slice(0, SHOWN_COLUMNS).map((cell) => {
    const short = shorten(cell.trim());
    return short === '' ? "''" : short;
  });
  const more = cells.length > SHOWN_COLUMNS ? ` and ${cells.length - SHOWN_COLUMNS} more` : '';
  return `${shown.join(', ')}${more}`;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
