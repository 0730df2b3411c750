// Set-based inserts for the demo's bulk tables (resultat, resultat_kriterium): rows are buffered in JS and written a
// thousand at a time with one INSERT … SELECT FROM json_each, instead of one statement call per row. The XL school
// has about a million result rows; each still fires its audit trigger, but the per-call overhead is gone.
import type { Database, Statement } from 'better-sqlite3';

export type BatchValue = string | number | null;

const BATCH_ROWS = 1000;

export class BatchInsert {
  private readonly statement: Statement;
  private rows: BatchValue[][] = [];

  /** Table and column names are the generator's own constants, never input. */
  constructor(db: Database, table: string, columns: readonly string[], private readonly before?: () => void) {
    const values = columns.map((_, i) => `value ->> ${i}`).join(', ');
    this.statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${values} FROM json_each(?)`);
  }

  add(row: BatchValue[]): void {
    this.rows.push(row);
    if (this.rows.length >= BATCH_ROWS) this.flush();
  }

  /** Writes what is buffered; `before` runs first (a parent table's batch, so foreign keys hold). */
  flush(): void {
    this.before?.();
    if (this.rows.length === 0) return;
    // json_each walks the array in order, so rows keep the order they were added in.
    this.statement.run(JSON.stringify(this.rows));
    this.rows = [];
  }
}
