// Checking a CSV header row and turning it into a column layout, with errors a person can act on.
import { mapColumns, normaliseHeaderName } from './columns.ts';
import type { ColumnLayout } from './columns.ts';
import { DataFileError } from './errors.ts';
import type { AudioFeature } from './track.ts';

const SHOWN_COLUMNS = 40;
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
): ColumnLayout {
  const [onlyCell] = cells;
  if (cells.length === 1 && onlyCell !== undefined) {
    const other = OTHER_DELIMITERS.find(([delimiter]) => onlyCell.includes(delimiter));
    if (other) {
      throw new DataFileError(
        file,
        `the header looks like ${other[1]}-separated; NextBeat reads comma-separated files (re-export it with ',' as the delimiter and '.' as the decimal point)`,
        { line },
      );
    }
  }
  const names = cells.map(normaliseHeaderName);
  const duplicates = findDuplicates(names);
  if (duplicates.length > 0) {
    throw new DataFileError(file, `duplicated column name(s) ${duplicates.join('; ')}`, { line });
  }
  const layout = mapColumns(names, requiredFeatures);
  if ('missing' in layout) {
    throw new DataFileError(
      file,
      `missing required column(s) ${layout.missing.join(', ')}; found columns: ${describeFound(cells)}`,
      { line },
    );
  }
  return layout;
}

function findDuplicates(names: readonly (string | undefined)[]): string[] {
  const seen = new Map<string, number[]>();
  names.forEach((name, index) => {
    if (name !== undefined) seen.set(name, [...(seen.get(name) ?? []), index + 1]);
  });
  return [...seen]
    .filter(([, fields]) => fields.length > 1)
    .map(([name, fields]) => `${name} (fields ${fields.join(', ')})`);
}

function describeFound(cells: readonly string[]): string {
  const shown = cells.slice(0, SHOWN_COLUMNS).map((cell) => {
    const trimmed = cell.trim();
    const short = trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
    return short === '' ? "''" : short;
  });
  const more = cells.length > SHOWN_COLUMNS ? ` and ${cells.length - SHOWN_COLUMNS} more` : '';
  return `${shown.join(', ')}${more}`;
}
