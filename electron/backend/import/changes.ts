// Every write of an import goes through Writer, which also records it in import_andring (the row's key, the row
// before and after, and the pupil it is about), so the import can be undone as a whole. That log is also the
// import's audit record: the per-row audit triggers of these tables are silent while an import writes
// (audit/importAudit.ts). Table and column names come from the constant list below and the import's own code, never
// from the file.
import type { Database, Statement } from 'better-sqlite3';
import { AndringDigest, deleteWithDependents, type AndringRow } from '../audit/importAudit';

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

/**
 * Thrown by a Writer told to stop at the first change, before that change is made: the caller takes a backup and
 * then applies the same plan. So a kind's apply() changes its in-memory state only after a Writer call returns, and
 * an apply() that changed nothing leaves that state as it found it.
 */
export class FirstChange extends Error {
  constructor() {
    super('first change');
  }
}

const asId = (v: SqlValue | undefined): number | null => (typeof v === 'number' ? v : null);

export class Writer {
  private readonly sql: StatementCache;
  private readonly log: Statement;
  private readonly resultatElev: Statement;
  /** The pupil of each result this import wrote, so its criteria need no lookup. */
  private readonly elevByResultat = new Map<SqlValue | undefined, number | null>();
  private readonly digest = new AndringDigest();
  changes = 0;
  /** Every update of an existing row, column by column (what the preview lists before values are overwritten). */
  readonly updates: { table: ImportTable; fore: Row; cols: string[]; efter: Row }[] = [];

  constructor(
    readonly db: Database,
    readonly importId: number,
    private readonly stopAtFirstChange = false,
  ) {
    this.sql = new StatementCache(db);
    this.log = db.prepare(
      'INSERT INTO import_andring (import_id, tabell, nyckel, operation, fore, efter, elev_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.resultatElev = db.prepare('SELECT elev_id FROM resultat WHERE id = ?').pluck();
  }

  /** The SHA-256 of the import_andring rows written so far (importDigest of the same rows, without reading them). */
  sha256(): string {
    return this.digest.hex();
  }

  private probe(): void {
    if (this.stopAtFirstChange) throw new FirstChange();
  }

  /** The pupil a row is about, by the audit triggers' rule: the pupil's own id, the row's elev_id, or its result's. */
  private elevOf(table: ImportTable, row: Row): number | null {
    if (table === 'elev') return asId(row.id);
    if (table === 'resultat_kriterium') {
      let elev = this.elevByResultat.get(row.resultat_id);
      if (elev === undefined) {
        elev = asId(this.resultatElev.get(row.resultat_id) as SqlValue | undefined);
        this.elevByResultat.set(row.resultat_id, elev);
      }
      return elev;
    }
    const elev = 'elev_id' in row ? asId(row.elev_id) : null;
    if (table === 'resultat') this.elevByResultat.set(row.id, elev);
    return elev;
  }

  private record(table: ImportTable, key: Row, op: 'insert' | 'update' | 'delete', fore: Row | null, efter: Row | null): void {
    this.changes++;
    const elev = this.elevOf(table, (efter ?? fore) as Row);
    const row: AndringRow = [0, table, JSON.stringify(key), op, fore && JSON.stringify(fore), efter && JSON.stringify(efter), elev];
    row[0] = Number(this.log.run(this.importId, row[1], row[2], row[3], row[4], row[5], row[6]).lastInsertRowid);
    this.digest.add(row);
  }

  /** Inserts the row and returns its rowid (the id for tables with one). */
  insert(table: ImportTable, values: Row): number {
    this.probe();
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
    this.probe();
    const stmt = this.sql.get(`UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE ${whereKey(table)}`);
    const key = keyOf(table, fore);
    stmt.run(...cols.map((c) => changes[c] ?? null), ...Object.values(key));
    this.record(table, key, 'update', fore, { ...fore, ...changes });
    this.updates.push({ table, fore: { ...fore }, cols, efter: { ...fore, ...changes } });
    return true;
  }

  delete(table: ImportTable, fore: Row): void {
    this.probe();
    const key = keyOf(table, fore);
    // Recorded first: a criterion's pupil is looked up through its result, which still exists at this point.
    this.record(table, key, 'delete', fore, null);
    deleteWithDependents(this.db, table, fore, () => this.sql.get(`DELETE FROM ${table} WHERE ${whereKey(table)}`).run(...Object.values(key)));
  }
}
