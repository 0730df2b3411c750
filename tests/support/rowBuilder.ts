// A generic builder of realistic rows for whatever schema a database has: for every table, in foreign-key order,
// it fills every column (foreign keys point at existing rows; values come from the string literals in the table's
// own CREATE statement, so CHECK (x IN (...)) constraints are met) and retries with other choices until SQLite
// accepts the row. Used by the migration tests, so a new migration is covered without new fixtures.
import type { Database } from 'better-sqlite3';

interface Column {
  name: string;
  type: string;
  notnull: number;
  pk: number;
  dflt_value: string | null;
  hidden: number;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function userTables(db: Database): string[] {
  return db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
}

/** Tables ordered so that every table comes after the tables it references. */
function inDependencyOrder(db: Database): string[] {
  const tables = userTables(db);
  const deps = new Map(
    tables.map((t) => [t, new Set((db.prepare(`PRAGMA foreign_key_list(${quote(t)})`).all() as { table: string }[]).map((f) => f.table).filter((x) => x !== t))]),
  );
  const out: string[] = [];
  const visit = (t: string, seen: Set<string>) => {
    if (out.includes(t) || seen.has(t)) return;
    seen.add(t);
    for (const d of deps.get(t) ?? []) if (tables.includes(d)) visit(d, seen);
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}

function literals(sql: string): string[] {
  return [...sql.matchAll(/'((?:[^']|'')*)'/g)].map((m) => (m[1] ?? '').replaceAll("''", "'"));
}

export function buildRows(db: Database, perTable = 3, seed = 1): Record<string, number> {
  let s = seed >>> 0;
  const random = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const inserted: Record<string, number> = {};
  for (const table of inDependencyOrder(db)) {
    const sql = (db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(table) as string) ?? '';
    const words = literals(sql);
    const columns = (db.prepare(`PRAGMA table_xinfo(${quote(table)})`).all() as Column[]).filter((c) => c.hidden === 0);
    const fks = new Map(
      (db.prepare(`PRAGMA foreign_key_list(${quote(table)})`).all() as { from: string; table: string; to: string | null }[]).map((f) => [f.from, f]),
    );
    const integerPk = columns.filter((c) => c.pk > 0).length === 1 && columns.some((c) => c.pk > 0 && /INT/i.test(c.type));
    inserted[table] = 0;
    for (let row = 0; row < perTable; row++) {
      for (let attempt = 0; attempt < 400; attempt++) {
        const values: Record<string, unknown> = {};
        for (const c of columns) {
          if (c.pk > 0 && integerPk) continue;
          const fk = fks.get(c.name);
          if (fk) {
            const target = fk.to ?? 'rowid';
            const ids = db.prepare(`SELECT ${quote(target)} FROM ${quote(fk.table)}`).pluck().all();
            if (ids.length > 0) values[c.name] = pick(ids);
            else if (c.notnull) values[c.name] = 1;
            continue;
          }
          // Optional columns are sometimes left out, as real rows leave them.
          if (!c.notnull && !c.pk && random() < 0.3) continue;
          if (c.dflt_value !== null && random() < 0.3) continue;
          values[c.name] = valueFor(c, words, pick, random, row, attempt);
        }
        const names = Object.keys(values);
        const stmt = names.length
          ? `INSERT INTO ${quote(table)} (${names.map(quote).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`
          : `INSERT INTO ${quote(table)} DEFAULT VALUES`;
        try {
          db.prepare(stmt).run(...names.map((n) => values[n]));
          inserted[table]++;
          break;
        } catch {
          // A CHECK, UNIQUE or foreign key refused this combination: try another.
        }
      }
    }
  }
  return inserted;
}

function valueFor(c: Column, words: string[], pick: <T>(xs: readonly T[]) => T, random: () => number, row: number, attempt: number): unknown {
  const type = c.type.toUpperCase();
  const name = c.name.toLowerCase();
  if (/INT/.test(type)) return pick([0, 1, 1, 2, 3, 5, 7, 9, 2026, row + 1]);
  if (/REAL|FLOA|DOUB|NUM/.test(type)) return pick([0, 1.5, 3, 12.5]);
  if (/BLOB/.test(type)) return Buffer.from([1, 2, 3]);
  const dates = ['2026-08-17', '2026-09-01', '2026-10-05', '2027-06-11'];
  const texts = [`Åsa Öberg ${row}`, 'Lästräning 20 min/dag', `Text ${row}-${attempt}`, 'Ja'];
  const json = ['{}', '[]', '{"a":1}'];
  if (/datum|dag$|start|slut/.test(name)) return pick([...dates, ...(random() < 0.2 ? words : [])]);
  if (/skapad|andrad|tid$|instant|_at$/.test(name)) return '2026-10-05T08:00:00.000Z';
  if (/json|installningar|lov$|data$/.test(name)) return pick(json);
  return pick(words.length > 0 && random() < 0.7 ? words : [...texts, ...dates, ...json]);
}
