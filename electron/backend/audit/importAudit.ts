// An import in the audit log (migrations/0009_import_audit.sql): an import, or its undo, writes its rows with the
// per-row audit triggers of its tables silenced (the flag below, only ever inside its transaction), because its own
// before/after log, import_andring, records every one of those changes. The SHA-256 of that log is stored in the
// import's import_korning row, whose triggers stay on, so the digest is sealed into the hash chain with who and when;
// verifyImportLogs (run by `varvet check` and the Logg screen) recomputes it, so a changed, added or removed
// import_andring row is found. Gallring removes a left pupil's rows from the log and re-seals the digest.
import crypto from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';

/** The flag table (one row while an import writes) that the triggers of the import's tables check. */
export const IMPORT_FLAG = 'audit_import_pagar';

function hasTable(db: Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(name) === 1;
}

/** True when the schema has the import audit (migration 9); below it every row is audited by its trigger. */
export function hasImportAudit(db: Database): boolean {
  return hasTable(db, IMPORT_FLAG);
}

/**
 * Runs fn inside the caller's transaction with the per-row triggers of the import's tables silent. The flag is
 * removed before this returns or throws, and a rollback removes it too: it is never committed.
 */
export function silenced<T>(db: Database, fn: () => T): T {
  if (!hasImportAudit(db)) return fn();
  if (!db.inTransaction) throw new Error('silenced() runs only inside a transaction');
  db.prepare(`INSERT OR IGNORE INTO ${IMPORT_FLAG} (id) VALUES (1)`).run();
  try {
    return fn();
  } finally {
    if (db.open && db.inTransaction) db.prepare(`DELETE FROM ${IMPORT_FLAG}`).run();
  }
}

/** Runs fn with the triggers on again, inside silenced(): for a change the import's log does not hold. */
function audible<T>(db: Database, fn: () => T): T {
  const was = db.prepare(`SELECT count(*) FROM ${IMPORT_FLAG}`).pluck().get() === 1;
  if (!was) return fn();
  db.prepare(`DELETE FROM ${IMPORT_FLAG}`).run();
  try {
    return fn();
  } finally {
    if (db.open && db.inTransaction) db.prepare(`INSERT OR IGNORE INTO ${IMPORT_FLAG} (id) VALUES (1)`).run();
  }
}

interface Dependent {
  table: string;
  from: string[];
  to: string[];
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Per table: the queries for rows whose foreign key's ON DELETE would change them (cascade, set null, default). */
const dependentsCache = new WeakMap<Database, Map<string, { to: string[]; exists: Statement }[]>>();

function changingDependents(db: Database, table: string): { to: string[]; exists: Statement }[] {
  let byTable = dependentsCache.get(db);
  if (!byTable) {
    byTable = new Map();
    dependentsCache.set(db, byTable);
  }
  let found = byTable.get(table);
  if (!found) {
    const deps: Dependent[] = [];
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    for (const child of tables) {
      const rows = db.prepare('SELECT * FROM pragma_foreign_key_list(?)').all(child) as { id: number; seq: number; table: string; from: string; to: string | null; on_delete: string }[];
      const byId = new Map<number, typeof rows>();
      for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
      for (const parts of byId.values()) {
        const first = parts[0];
        if (!first || first.table !== table || !/CASCADE|SET NULL|SET DEFAULT/i.test(first.on_delete)) continue;
        parts.sort((a, b) => a.seq - b.seq);
        deps.push({ table: child, from: parts.map((p) => p.from), to: parts.map((p) => p.to ?? 'id') });
      }
    }
    found = deps.map((d) => ({
      to: d.to,
      exists: db.prepare(`SELECT 1 FROM ${q(d.table)} WHERE ${d.from.map((c) => `${q(c)} = ?`).join(' AND ')} LIMIT 1`).pluck(),
    }));
    byTable.set(table, found);
  }
  return found;
}

/**
 * Deletes a row inside silenced(). If the delete would cascade to rows the import did not write (members added in
 * Varvet to a group the import created), those changes are in no import log: the delete then runs with the
 * triggers on, so the cascade is audited row by row as before.
 */
export function deleteWithDependents(db: Database, table: string, row: Record<string, unknown>, del: () => void): void {
  const dependents = changingDependents(db, table).some((d) => d.exists.get(...d.to.map((c) => row[c] ?? null)) === 1);
  if (dependents) audible(db, del);
  else del();
}

/**
 * The import log's rows that name the pupil (import_andring.elev_id, migration 9): with the rows matched by key,
 * they include the copies of rows that are gone (a criterion an import removed, a result an undo deleted). The
 * registerutdrag shows them and gallring removes them.
 */
export function importRowsOfElev(db: Database, elevId: number): number[] {
  if (!hasImportAudit(db)) return [];
  return db.prepare('SELECT id FROM import_andring WHERE elev_id = ? ORDER BY id').pluck().all(elevId) as number[];
}

/** An import_andring row as its digest covers it: id, tabell, nyckel, operation, fore, efter, elev_id. */
export type AndringRow = [number, string, string, string, string | null, string | null, number | null];

const DIGEST_SQL = 'SELECT id, tabell, nyckel, operation, fore, efter, elev_id FROM import_andring WHERE import_id = ? ORDER BY id';

/** SHA-256 over an import's import_andring rows in id order, each as the JSON array of its columns and a newline. */
export class AndringDigest {
  private readonly hash = crypto.createHash('sha256');
  /** Lines not yet hashed: one update per ~64 kB instead of one per row. */
  private buffered: string[] = [];
  private size = 0;
  add(row: Readonly<AndringRow>): void {
    const line = `${JSON.stringify(row)}\n`;
    this.buffered.push(line);
    this.size += line.length;
    if (this.size > 65_536) this.drain();
  }
  private drain(): void {
    if (this.buffered.length > 0) this.hash.update(this.buffered.join(''), 'utf8');
    this.buffered = [];
    this.size = 0;
  }
  hex(): string {
    this.drain();
    return this.hash.copy().digest('hex');
  }
}

/** The digest of the import's rows as they are in the database now. */
export function importDigest(db: Database, importId: number): string {
  const digest = new AndringDigest();
  for (const row of db.prepare(DIGEST_SQL).raw().iterate(importId)) digest.add(row as AndringRow);
  return digest.hex();
}

interface SealedDigest {
  /** The audit entry that holds it. */
  entry: number;
  importId: number;
  sha256: string;
}

const LATEST = `SELECT a.id AS entry, CAST(a.rad_id AS INTEGER) AS importId, json_extract(a.efter, '$.andringar_sha256') AS sha256
  FROM audit_logg a WHERE a.tabell = 'import_korning' AND a.hash IS NOT NULL
    AND a.id = (SELECT max(b.id) FROM audit_logg b WHERE b.tabell = 'import_korning' AND b.rad_id = a.rad_id AND b.hash IS NOT NULL)
  ORDER BY a.id`;

/** The digest each import's latest sealed import_korning entry holds (imports without one are left out). */
function sealedDigests(db: Database): SealedDigest[] {
  return (db.prepare(LATEST).all() as { entry: number; importId: number; sha256: unknown }[]).filter((r): r is SealedDigest => typeof r.sha256 === 'string');
}

/** The digest of one import's latest entry, sealed or not yet (gallring seals what it writes in its transaction). */
function latestDigest(db: Database, importId: number): string | null {
  const value = db
    .prepare("SELECT json_extract(efter, '$.andringar_sha256') FROM audit_logg WHERE tabell = 'import_korning' AND rad_id = ? ORDER BY id DESC LIMIT 1")
    .pluck()
    .get(String(importId));
  return typeof value === 'string' ? value : null;
}

/** The schema has import_korning.andringar_sha256 and the audit log (migration 9). */
function hasImportDigests(db: Database): boolean {
  return hasTable(db, 'import_korning') && hasTable(db, 'audit_logg') && hasImportAudit(db);
}

/** The first import whose log no longer hashes to its sealed digest, or null when every one does. */
export function verifyImportLogs(db: Database): { id: number; reason: string } | null {
  if (!hasImportDigests(db)) return null;
  for (const s of sealedDigests(db)) {
    if (importDigest(db, s.importId) !== s.sha256) {
      return { id: s.entry, reason: `importens ändringslogg (import ${s.importId}) stämmer inte med den förseglade kontrollsumman: en rad i den har ändrats, lagts till eller tagits bort` };
    }
  }
  return null;
}

/**
 * Gallring's removal from the import log: deletes the rows and stores each touched import's new digest in its
 * import_korning row (audited and sealed by the gallring like any change). An import whose log no longer matched its
 * sealed digest before the removal keeps the old one, so the check goes on reporting that change.
 */
export function removeImportRows(db: Database, ids: readonly number[]): number {
  if (ids.length === 0) return 0;
  const list = JSON.stringify([...ids]);
  const imports = db.prepare('SELECT DISTINCT import_id FROM import_andring WHERE id IN (SELECT value FROM json_each(?)) ORDER BY import_id').pluck().all(list) as number[];
  const reseal = hasImportDigests(db)
    ? imports.filter((id) => {
        const digest = latestDigest(db, id);
        return digest !== null && digest === importDigest(db, id);
      })
    : [];
  const removed = db.prepare('DELETE FROM import_andring WHERE id IN (SELECT value FROM json_each(?))').run(list).changes;
  const store = db.prepare('UPDATE import_korning SET andringar_sha256 = ? WHERE id = ?');
  for (const id of reseal) store.run(importDigest(db, id), id);
  return removed;
}
