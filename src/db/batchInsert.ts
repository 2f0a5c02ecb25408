// Multi-row INSERTs: one statement per few hundred rows costs far less than one per row.
import type { Database } from './open.ts';

/** Rows per statement: well under SQLite's 32,766 bound parameters for our widest rows (22). */
const ROWS_PER_STATEMENT = 256;

/**
 * Runs `INSERT INTO <target> VALUES (?, ...), (?, ...) <suffix>` over `rows` (flat: `width` values
 * per row) in batches. Joins the caller's transaction.
 */
export function insertRows(
  db: Database,
  target: string,
  width: number,
  rows: readonly unknown[],
  suffix = '',
): void {
  const count = rows.length / width;
  const tuple = `(${new Array(width).fill('?').join(', ')})`;
  const statementFor = (n: number) =>
    db.prepare(`INSERT INTO ${target} VALUES ${new Array(n).fill(tuple).join(', ')} ${suffix}`);
  const full = count >= ROWS_PER_STATEMENT ? statementFor(ROWS_PER_STATEMENT) : undefined;
  let row = 0;
  for (; row + ROWS_PER_STATEMENT <= count; row += ROWS_PER_STATEMENT) {
    full?.run(rows.slice(row * width, (row + ROWS_PER_STATEMENT) * width));
  }
  if (row < count) statementFor(count - row).run(rows.slice(row * width));
}
