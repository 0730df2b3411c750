// Shared by the audit and import tests: comparing the state a replayed log builds with every row of every audited
// table. Keys are "table:primary key"; rows the migrations themselves seed predate the log and may be absent from it.
import { expect } from 'vitest';
import { auditedTables } from '../../../electron/backend/audit/triggers';
import { DatabaseConstructor as BetterSqlite3, type Database } from '../../../electron/backend/db/driver';
import { applyMigrations, loadMigrations } from '../../../electron/backend/db/migrations';

export type Row = Record<string, unknown>;

const q = (n: string) => `"${n.replaceAll('"', '""')}"`;

/** A row's primary key as text: the single key column, or a JSON array of a composite key. */
export function rowKey(db: Database, table: string, row: Row): string {
  const pk = (db.prepare(`PRAGMA table_info(${q(table)})`).all() as { name: string; pk: number }[]).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  return pk.length === 1 ? String(row[(pk[0] as { name: string }).name]) : JSON.stringify(pk.map((c) => row[c.name]));
}

let seeded: Set<string> | null = null;
/** Rows that exist in a freshly migrated, empty database. */
function seededKeys(): Set<string> {
  if (!seeded) {
    const fresh = new BetterSqlite3(':memory:');
    applyMigrations(fresh, loadMigrations());
    seeded = new Set<string>();
    for (const t of auditedTables(fresh)) for (const r of fresh.prepare(`SELECT * FROM ${q(t)}`).all() as Row[]) seeded.add(`${t}:${rowKey(fresh, t, r)}`);
    fresh.close();
  }
  return seeded;
}

/** Every row of every audited table equals the replayed state, and the state holds no row that is gone. */
export function expectStateMatchesTables(db: Database, state: Map<string, Row>): number {
  const seed = seededKeys();
  let rows = 0;
  const seen = new Set<string>();
  for (const table of auditedTables(db)) {
    for (const row of db.prepare(`SELECT * FROM ${q(table)}`).all() as Row[]) {
      const key = `${table}:${rowKey(db, table, row)}`;
      seen.add(key);
      if (!state.has(key) && seed.has(key)) continue;
      expect(state.get(key), key).toEqual(row);
      rows++;
    }
  }
  expect([...state.keys()].filter((k) => !seen.has(k))).toEqual([]);
  return rows;
}
