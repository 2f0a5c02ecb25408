// Multi-row INSERTs: one statement per few hundred rows costs far less than one per row.
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from './open.ts';

/** Rows per statement: well under SQLite's 32,766 bound parameters for our widest rows (22). */
const ROWS_PER_STATEMENT = 256;

/**
 * Streams rows into `INSERT INTO <target> VALUES (?, ...), (?, ...) <suffix>`, a full statement
 * at a time, reusing one parameter array, so no list of every row's values is ever built. Call
 * `finish` after the last row. Joins the caller's transaction.
 */
export class BatchInserter {
  private readonly values: unknown[];
  private readonly full: BetterSqlite3.Statement;
  private pending = 0;

  constructor(
    private readonly db: Database,
    private readonly target: string,
    private readonly width: number,
    private readonly suffix = '',
  ) {
    this.values = new Array<unknown>(ROWS_PER_STATEMENT * width);
    this.full = this.statementFor(ROWS_PER_STATEMENT);
  }

  /** Adds one row of `width` values (its values are copied; the array may be reused). */
  add(row: readonly unknown[]): void {
    const at = this.pending * this.width;
    for (let k = 0; k < this.width; k++) this.values[at + k] = row[k];
    this.pending += 1;
    if (this.pending === ROWS_PER_STATEMENT) {
      this.full.run(this.values);
      this.pending = 0;
    }
  }

  /** Inserts the rows still waiting. */
  finish(): void {
    if (this.pending === 0) return;
    this.statementFor(this.pending).run(this.values.slice(0, this.pending * this.width));
    this.pending = 0;
  }

  private statementFor(rows: number): BetterSqlite3.Statement {
    const tuple = `(${new Array(this.width).fill('?').join(', ')})`;
    const tuples = new Array(rows).fill(tuple).join(', ');
    return this.db.prepare(`INSERT INTO ${this.target} VALUES ${tuples} ${this.suffix}`);
  }
}

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
  const inserter = new BatchInserter(db, target, width, suffix);
  for (let at = 0; at < rows.length; at += width) inserter.add(rows.slice(at, at + width));
  inserter.finish();
}
