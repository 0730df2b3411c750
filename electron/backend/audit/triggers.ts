// Writes the AFTER INSERT/UPDATE/DELETE triggers that record every row change of a table in audit_logg. Used once
// to write migrations/0007_audit.sql, and by a later migration that adds a table: `npx tsx
// electron/backend/audit/printTriggers.ts TABLE` prints its triggers. tests/db/audit/schema.test.ts fails if a table
// lacks them, or if a trigger in the schema differs from what this file writes today.
import type { Database } from 'better-sqlite3';
import { TABLE_KEYS } from '../import/changes';
import { IMPORT_FLAG } from './importAudit';

/** Tables that are not audited, with the reason (the test lists the same set). */
export const AUDIT_EXEMPT: Readonly<Record<string, string>> = {
  audit_logg: 'the log itself (append-only by its own triggers)',
  audit_nyckel: "the log's MAC key (migration 13); a key must not be copied into the log",
  audit_gallring_pagar: 'a flag that exists only inside the gallring transaction',
  audit_import_pagar: "a flag that exists only inside an import's (or its undo's) transaction",
  import_andring: "an import's own before/after log, hash-sealed through its import_korning entry (audit/importAudit.ts)",
  mote_handelse: "the meeting's undo log; the triggers on the data tables record the same changes",
  lokal_nyckel: "the renderer's draft key; a key is not a record of the school's work and must not be copied into the log",
  skolnyckel: "the school's signing key for the huvudman's report; a key is not a record of the school's work",
};

/**
 * The tables an import writes (import/changes.ts). While an import or its undo runs, the flag table holds a row and
 * their per-row triggers stay silent: the import's own before/after log (import_andring) records those changes, and
 * its SHA-256 is sealed into the chain through the import_korning row's entry (migrations/0009_import_audit.sql).
 */
export const IMPORT_SILENCED: readonly string[] = Object.keys(TABLE_KEYS);

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

interface Column {
  name: string;
  pk: number;
}

function columns(db: Database, table: string): Column[] {
  return db.prepare(`PRAGMA table_info(${q(table)})`).all() as Column[];
}

/** The SQL expression for the pupil a row belongs to: its own id, its elev_id, or its parent's elev_id (one hop). */
function elevExpression(db: Database, table: string, cols: Column[], row: 'NEW' | 'OLD'): string {
  if (table === 'elev') return `${row}.id`;
  if (cols.some((c) => c.name === 'elev_id')) return `${row}.elev_id`;
  const fks = db.prepare(`PRAGMA foreign_key_list(${q(table)})`).all() as { table: string; from: string; to: string | null }[];
  for (const fk of fks) {
    const parentCols = columns(db, fk.table);
    if (parentCols.some((c) => c.name === 'elev_id')) {
      return `(SELECT elev_id FROM ${q(fk.table)} WHERE ${q(fk.to ?? 'id')} = ${row}.${q(fk.from)})`;
    }
  }
  return 'NULL';
}

export function auditTriggerSql(db: Database, table: string): string {
  const cols = columns(db, table);
  const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const rowId = (row: 'NEW' | 'OLD') =>
    pk.length === 1 ? `CAST(${row}.${q((pk[0] as Column).name)} AS TEXT)` : pk.length > 1 ? `json_array(${pk.map((c) => `${row}.${q(c.name)}`).join(', ')})` : `CAST(${row}.rowid AS TEXT)`;
  const json = (row: 'NEW' | 'OLD') => `json_object(${cols.map((c) => `'${c.name}', ${row}.${q(c.name)}`).join(', ')})`;
  const changed = cols.map((c) => `OLD.${q(c.name)} IS NOT NEW.${q(c.name)}`).join(' OR ');
  const insert = (op: string, row: 'NEW' | 'OLD', fore: string, efter: string) =>
    `INSERT INTO audit_logg (tabell, rad_id, elev_id, operation, fore, efter) VALUES ('${table}', ${rowId(row)}, ${elevExpression(db, table, cols, row)}, '${op}', ${fore}, ${efter});`;
  const silent = IMPORT_SILENCED.includes(table) ? `NOT EXISTS (SELECT 1 FROM ${IMPORT_FLAG})` : null;
  const when = (...conditions: (string | null)[]) => {
    const c = conditions.filter((x): x is string => x !== null);
    return c.length === 0 ? '' : ` WHEN ${c.length === 1 ? c[0] : c.map((x) => `(${x})`).join(' AND ')}`;
  };
  return [
    `CREATE TRIGGER ${q(`audit_${table}_i`)} AFTER INSERT ON ${q(table)}${when(silent)} BEGIN\n  ${insert('I', 'NEW', 'NULL', json('NEW'))}\nEND;`,
    `CREATE TRIGGER ${q(`audit_${table}_u`)} AFTER UPDATE ON ${q(table)}${when(silent, changed)} BEGIN\n  ${insert('U', 'NEW', json('OLD'), json('NEW'))}\nEND;`,
    `CREATE TRIGGER ${q(`audit_${table}_d`)} AFTER DELETE ON ${q(table)}${when(silent)} BEGIN\n  ${insert('D', 'OLD', json('OLD'), 'NULL')}\nEND;`,
  ].join('\n');
}

export function auditedTables(db: Database): string[] {
  const all = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return all.filter((t) => !(t in AUDIT_EXEMPT));
}
