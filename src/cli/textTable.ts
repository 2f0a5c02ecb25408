// Plain-text tables for command-line output: columns padded to their widest cell, long cells cut.
import { truncate } from '../core/queries/index.ts';

/** One column: header and the widest it may get (longer cells end in "…"). */
export interface TextColumn {
  header: string;
  maxWidth?: number;
  align?: 'left' | 'right';
}

/** Renders rows under their headers, two spaces between columns, no trailing spaces. */
export function formatTextTable(columns: readonly TextColumn[], rows: readonly string[][]): string {
  const cells = [columns.map((c) => c.header), ...rows].map((row) =>
    columns.map((column, k) => truncate(row[k] ?? '', column.maxWidth ?? Infinity)),
  );
  const widths = columns.map((_, k) => Math.max(...cells.map((row) => (row[k] as string).length)));
  return cells
    .map((row) =>
      row
        .map((cell, k) =>
          columns[k]?.align === 'right'
            ? cell.padStart(widths[k] as number)
            : cell.padEnd(widths[k] as number),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
