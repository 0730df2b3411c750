// Every write of an import goes through Writer, which also records it in import_andring (the row's key, and the
// row before and after), so the import can be undone as a whole. Table and column names come from the constant
// list below and the import's own code, never from the file.
import type { Database, Statement } from 'better-sqlite3';

export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;

/** The tables an import may touch and their primary keys. */
export const TABLE_KEYS = {
  elev: ['id'],
  personal: ['id'],
  personal_roll: ['personal_id', 'roll'],
  grupp: ['id'],
  gruppmedlem: ['grupp_id', 'elev_id'],
  undervisning: ['id'],
  amne: ['id'],
  bedomningstillfalle: ['id'],
  betygskriterium: ['id'],
  resultat: ['id'],
  resultat_kriterium: ['resultat_id', 'kriterium_id'],
} as const;
export type ImportTable = keyof typeof TABLE_KEYS;

export function isImportTable(name: string): name is ImportTable {
  return Object.prototype.hasOwnProperty.call(TABLE_KEYS, name);
}

export function keyOf(table: ImportTable, row: Row): Row {
  const key: Row = {};
  for (const k of TABLE_KEYS[table]) key[k] = row[k] ?? null;
  return key;
}

/** Prepared statements cached by their SQL text: the same few shapes repeat for every row. */
export class StatementCache {
  private readonly cache = new Map<string, Statement>();
  constructor(private readonly db: Database) {}
  get(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }
}

export function whereKey(table: ImportTable): string {
  return TABLE_KEYS[table].map((k) => `${k} = ?`).join(' AND ');
}

/** Thrown by a Writer told to stop at the first change: the caller takes a backup and runs again. */
export class FirstChange extends Error {
  constructor() {
    super('first change');
  }
}

export class Writer {
  private readonly sql: StatementCache;
  private readonly log: Statement;
  changes = 0;

  constructor(
    readonly db: Database,
    readonly importId: number,
    private readonly stopAtFirstChange = false,
  ) {
    this.sql = new StatementCache(db);
    this.log = db.prepare(
      'INSERT INTO import_andring (import_id, tabell, nyckel, operation, fore, efter) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  private record(table: ImportTable, key: Row, op: 'insert' | 'update' | 'delete', fore: Row | null, efter: Row | null): void {
    if (this.stopAtFirstChange) throw new FirstChange();
    this.changes++;
    this.log.run(this.importId, table, JSON.stringify(key), op, fore && JSON.stringify(fore), efter && JSON.stringify(efter));
  }

  /** Inserts the row and returns its rowid (the id for tables with one). */
  insert(table: ImportTable, values: Row): number {
    const cols = Object.keys(values);
    const stmt = this.sql.get(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    const id = Number(stmt.run(...cols.map((c) => values[c] ?? null)).lastInsertRowid);
    const efter: Row = TABLE_KEYS[table].length === 1 && TABLE_KEYS[table][0] === 'id' ? { id, ...values } : { ...values };
    this.record(table, keyOf(table, efter), 'insert', null, efter);
    return id;
  }

  /** Sets the changed columns; `fore` is the whole row as it was. Does nothing when nothing differs. */
  update(table: ImportTable, fore: Row, changes: Row): boolean {
    const cols = Object.keys(changes).filter((c) => fore[c] !== changes[c]);
    if (cols.length === 0) return false;
    const stmt = this.sql.get(`UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE ${whereKey(table)}`);
    const key = keyOf(table, fore);
    stmt.run(...cols.map((c) => changes[c] ?? null), ...Object.values(key));
    this.record(table, key, 'update', fore, { ...fore, ...changes });
    return true;
  }

  delete(table: ImportTable, fore: Row): void {
    const key = keyOf(table, fore);
    this.sql.get(`DELETE FROM ${table} WHERE ${whereKey(table)}`).run(...Object.values(key));
    this.record(table, key, 'delete', fore, null);
  }
}
