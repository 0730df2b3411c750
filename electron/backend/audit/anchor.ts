// The chain's anchor outside the database file (issue 16, item 4). A chain that lives only in the file can be
// rewritten by anyone who can write the file: recompute every hash after an edit, or cut the tail. So the head of
// the chain — the newest sealed entry's id (seq) and hash — is also kept in a side file next to the database
// (<database>.loggkedja.json, updated after every commit that sealed something) and in every verified backup's
// sidecar. `varvet check` and the Logg screen compare the file with its side file; the sealer never seals an
// entry at or below the anchored head (an entry there without a seal was unsealed afterwards: tampering, reported).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';

export interface ChainHead {
  /** The id of the newest sealed entry. */
  seq: number;
  /** Its hash (hex), as stored in audit_logg.hash. */
  hash: string;
  /** The id from which entries are sealed with the database's MAC key (null: no key yet). */
  macFran?: number | null;
}

export const ANCHOR_SUFFIX = '.loggkedja.json';

/** The side file of a database file; null for an in-memory or temporary database. */
export function anchorPath(dbFile: string): string | null {
  if (!dbFile || dbFile === ':memory:') return null;
  return `${dbFile}${ANCHOR_SUFFIX}`;
}

function hasTable(db: Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(name) === 1;
}

/** The head of the chain in the database: the newest sealed entry, or null when nothing is sealed. */
export function auditHead(db: Database): ChainHead | null {
  if (!hasTable(db, 'audit_logg')) return null;
  const row = db.prepare('SELECT id, hash FROM audit_logg WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  if (!row) return null;
  const macFran = hasTable(db, 'audit_nyckel') ? ((db.prepare('SELECT fran_id FROM audit_nyckel WHERE id = 1').pluck().get() as number | undefined) ?? null) : null;
  return { seq: row.id, hash: row.hash, macFran };
}

export type AnchorRead = { kind: 'none' } | { kind: 'ok'; head: ChainHead } | { kind: 'invalid' };

export function readAnchor(dbFile: string): AnchorRead {
  const file = anchorPath(dbFile);
  if (!file || !fs.existsSync(file)) return { kind: 'none' };
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ChainHead> & { version?: unknown };
    if (parsed.version !== 1 || !Number.isInteger(parsed.seq) || typeof parsed.hash !== 'string' || !/^[0-9a-f]{64}$/.test(parsed.hash)) return { kind: 'invalid' };
    const macFran = Number.isInteger(parsed.macFran) ? (parsed.macFran as number) : null;
    return { kind: 'ok', head: { seq: parsed.seq as number, hash: parsed.hash, macFran } };
  } catch {
    return { kind: 'invalid' };
  }
}

/** Written to a temporary name and renamed: a crash leaves the old head or the new, never half of one. */
export function writeAnchor(dbFile: string, head: ChainHead | null): void {
  const file = anchorPath(dbFile);
  if (!file) return;
  if (head === null) {
    fs.rmSync(file, { force: true });
    return;
  }
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  fs.writeFileSync(tmp, `${JSON.stringify({ version: 1, seq: head.seq, hash: head.hash, macFran: head.macFran ?? null })}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Why the database does not match an anchored head (Swedish), or null when it does. */
export function compareWithHead(db: Database, head: ChainHead): string | null {
  const row = db.prepare('SELECT hash FROM audit_logg WHERE id = ?').get(head.seq) as { hash: string | null } | undefined;
  if (!row) return 'loggen slutar före den post som Varvet senast förseglade (poster har tagits bort i slutet)';
  if (row.hash === null) return 'posten var förseglad men har inte längre någon försegling (förseglingen har tagits bort utanför Varvet)';
  if (row.hash !== head.hash) return 'posten stämmer inte med kedjans ankare utanför databasen (kedjan har räknats om efter en ändring)';
  if (head.macFran != null) {
    const fran = hasTable(db, 'audit_nyckel') ? (db.prepare('SELECT fran_id FROM audit_nyckel WHERE id = 1').pluck().get() as number | undefined) : undefined;
    if (fran !== head.macFran) return 'loggens nyckel har tagits bort eller bytts (kedjan har räknats om utan nyckeln)';
  }
  return null;
}

interface AnchorState {
  /** The head as the side file holds it (null: no side file yet). */
  head: ChainHead | null;
  /** The side file no longer matches the database: it is kept as evidence and never moved on. */
  broken: boolean;
}

const states = new WeakMap<Database, AnchorState>();

function stateOf(db: Database): AnchorState | null {
  let state = states.get(db);
  if (!state) {
    const read = readAnchor(db.name);
    if (read.kind === 'invalid') state = { head: null, broken: true };
    else {
      const head = read.kind === 'ok' ? read.head : null;
      state = { head, broken: head !== null && compareWithHead(db, head) !== null };
    }
    states.set(db, state);
  }
  return state;
}

/**
 * The floor below which nothing is sealed: the anchored head's seq (0 without a side file). An unsealed entry at or
 * below it lost its seal after it was anchored; sealing it again would overwrite who made the change.
 */
export function sealFloor(db: Database): number {
  if (!anchorPath(db.name) || db.readonly) return 0;
  return stateOf(db)?.head?.seq ?? 0;
}

/**
 * After a commit: moves the side file on to the database's new head. Not inside a transaction (a rollback would
 * leave the side file ahead of the file), and never once the file no longer matches it.
 */
export function advanceAnchor(db: Database): void {
  if (!db.open || db.readonly || db.inTransaction || !anchorPath(db.name)) return;
  const state = stateOf(db);
  if (!state || state.broken) return;
  const head = auditHead(db);
  if (!head || (state.head && state.head.seq === head.seq && state.head.hash === head.hash && state.head.macFran === head.macFran)) return;
  if (state.head && compareWithHead(db, state.head) !== null) {
    state.broken = true;
    return;
  }
  try {
    writeAnchor(db.name, head);
    state.head = head;
  } catch {
    // A full or read-only disk: the database is committed; the anchor catches up after the next commit.
  }
}

/** A restore put another file in place: its head becomes the anchor (from the verified copy's own chain). */
export function rebaseAnchor(dbFile: string, head: ChainHead | null): void {
  writeAnchor(dbFile, head);
}

/** For `varvet check`: the side file compared with the database (null when it matches or there is none). */
export function anchorProblem(db: Database, dbFile: string = db.name): { id: number; reason: string } | null {
  const read = readAnchor(dbFile);
  if (read.kind === 'none') return null;
  const newest = () => (db.prepare('SELECT max(id) FROM audit_logg').pluck().get() as number | null) ?? 0;
  if (read.kind === 'invalid') return { id: newest(), reason: `sidofilen ${path.basename(anchorPath(dbFile) ?? '')} med kedjans ankare går inte att läsa (den har ändrats utanför Varvet)` };
  const reason = compareWithHead(db, read.head);
  return reason ? { id: read.head.seq, reason } : null;
}
