// Migrations that cannot hurt (issue 8.3), for every file in migrations/ — new ones are covered automatically:
// (1) at version N−1 the database is filled with realistic rows (tests/support/rowBuilder.ts), migration N runs,
// and every pre-existing table keeps every row and every column value; (2) a failure injected inside migration N
// (after its first statement, and after its last) leaves the database exactly as before, schema and all.
import type { Database } from 'better-sqlite3';
import { DatabaseConstructor as BetterSqlite3 } from '../../electron/backend/db/driver';
import { describe, expect, it } from 'vitest';
import { applyMigrations, loadMigrations, schemaVersion, type Migration } from '../../electron/backend/db/migrations';
import { buildRows, userTables } from '../support/rowBuilder';

const all = loadMigrations();

function atVersion(version: number): Database {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  applyMigrations(db, all.slice(0, version));
  return db;
}

function columnsOf(db: Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_xinfo("${table}")`).all() as { name: string; hidden: number }[]).filter((c) => c.hidden === 0).map((c) => c.name);
}

function rowsOf(db: Database, table: string, columns: string[]): string[] {
  const list = columns.map((c) => `"${c}"`).join(', ');
  return db.prepare(`SELECT ${list} FROM "${table}"`).raw().all().map((r) => JSON.stringify(r)).sort();
}

/** Everything: the schema, user_version and every row of every table. */
function everything(db: Database): string {
  const schema = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').raw().all();
  const tables = userTables(db).map((t) => [t, rowsOf(db, t, columnsOf(db, t))]);
  return JSON.stringify({ version: schemaVersion(db), schema, tables });
}

/** The migration's SQL with a failing statement after its first statement (if that is simple to find) or at the end. */
function withFailure(m: Migration, where: 'first' | 'end'): Migration {
  const fail = '\nINSERT INTO varvet_injicerat_fel_finns_inte (x) VALUES (1);\n';
  if (where === 'end') return { ...m, sql: m.sql + fail };
  const first = /^[\s\S]*?;[ \t]*(?:--[^\n]*)?\n/.exec(m.sql)?.[0];
  if (!first || /\bBEGIN\b/i.test(first)) return { ...m, sql: m.sql + fail };
  return { ...m, sql: first + fail + m.sql.slice(first.length) };
}

/**
 * Columns a migration may clear on purpose because they are derivable, each with the test that proves nothing is
 * lost: migration 13 stops storing the audit log's innehall_hash (sha256 of fore/efter) and forra_hash (the previous
 * entry's hash) — tests/db/migrations-0013.test.ts shows the chain verifies before and after.
 */
const DERIVED: Record<number, Record<string, readonly string[]>> = { 13: { audit_logg: ['innehall_hash', 'forra_hash'] } };

/**
 * Rows a migration adds on purpose, each with the test that proves it: migration 12 gives a school created before it
 * the subject Teckenspråk för hörande (TN), as every new school has it (tests/db/regler.test.ts).
 */
const ADDED: Record<number, Record<string, (row: string) => boolean>> = { 12: { amne: (row) => row.includes('"TN","Teckenspråk för hörande"') } };

describe.each(all.filter((m) => m.version > 1).map((m) => [m.version, m.name, m] as const))('migration %i (%s)', (version, _name, migration) => {
  it('keeps every row of every earlier table intact', () => {
    const db = atVersion(version - 1);
    const inserted = buildRows(db, 3, version);
    const filled = Object.entries(inserted).filter(([, n]) => n > 0);
    // The builder really produced realistic data: rows in nearly every table.
    expect(filled.length).toBeGreaterThanOrEqual(Math.ceil(Object.keys(inserted).length * 0.8));
    const kept = (t: string) => columnsOf(db, t).filter((c) => !(DERIVED[version]?.[t] ?? []).includes(c));
    const before = new Map(userTables(db).map((t) => [t, { columns: kept(t), rows: rowsOf(db, t, kept(t)) }]));
    applyMigrations(db, all.slice(0, version));
    expect(schemaVersion(db)).toBe(version);
    const after = userTables(db);
    for (const [table, { columns, rows }] of before) {
      expect(after, `table ${table} was dropped`).toContain(table);
      const added = ADDED[version]?.[table];
      expect(rowsOf(db, table, columns).filter((r) => !added?.(r)), `rows of ${table}`).toEqual(rows);
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it.each(['first', 'end'] as const)('a failure injected after the %s statement leaves the database exactly as it was', (where) => {
    const db = atVersion(version - 1);
    buildRows(db, 2, version + 100);
    const before = everything(db);
    const broken = [...all.slice(0, version - 1), withFailure(migration, where)];
    expect(() => applyMigrations(db, broken)).toThrow(/varvet_injicerat_fel_finns_inte/);
    expect(everything(db)).toBe(before);
    // And the real migration still applies afterwards.
    applyMigrations(db, all.slice(0, version));
    expect(schemaVersion(db)).toBe(version);
    db.close();
  });
});
