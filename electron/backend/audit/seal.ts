// Sealing: the triggers write an entry's content; here it gets who (vem), which channel (kanal), when (tid) and its
// place in the SHA-256 chain. Called in the handler's own transaction by dispatch (handlers.ts), so a committed
// change always has a sealed entry; rows left unsealed by a crash in an async handler are sealed at start-up.
import crypto from 'node:crypto';
import os from 'node:os';
import type { Database, Statement } from 'better-sqlite3';
import { keyOf } from '../db/driver';
import { sealFloor } from './anchor';

export const GENESIS_HASH = '0'.repeat(64);
export const REDACTED = '{"gallrad":true}';

export interface SealInfo {
  kanal: string;
  vem: string;
  /** ISO instant; the handler context's clock. */
  tid: string;
}

export interface AuditRow {
  id: number;
  tid: string;
  vem: string | null;
  kanal: string | null;
  tabell: string | null;
  rad_id: string | null;
  elev_id: number | null;
  operation: string;
  fore: string | null;
  efter: string | null;
  gallrad: number;
  innehall_hash: string | null;
  forra_hash: string | null;
  hash: string | null;
}

const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/** The content hash: the stored JSON text of fore and efter, exactly as the trigger wrote it. */
export function contentHash(fore: string | null, efter: string | null): string {
  return sha256(`${fore ?? ''}\u0000${efter ?? ''}`);
}

/**
 * The entry's link in the chain. With `mac` (the database is encrypted, migration 13: audit_nyckel) it is an
 * HMAC-SHA256 with the log's key, so a chain recomputed with plain SHA-256 by a tool that lacks the key fails.
 */
const withContentHash = new WeakSet<Database>();

/**
 * Makes varvet_innehall(fore, efter) — contentHash in SQL — available on the connection: gallring stores an entry's
 * content hash in the same statement that redacts its content (migration 13 stores it only then).
 */
export function registerContentHash(db: Database): void {
  if (withContentHash.has(db)) return;
  db.function('varvet_innehall', { deterministic: true }, (fore: unknown, efter: unknown) =>
    contentHash(typeof fore === 'string' ? fore : null, typeof efter === 'string' ? efter : null),
  );
  withContentHash.add(db);
}

export function chainHash(forra: string, row: Pick<AuditRow, 'id' | 'tid' | 'vem' | 'kanal' | 'tabell' | 'rad_id' | 'elev_id' | 'operation'>, innehall: string, mac?: MacKey | null): string {
  const text = [forra, row.id, row.tid, row.vem ?? '', row.kanal ?? '', row.tabell ?? '', row.rad_id ?? '', row.elev_id ?? '', row.operation, innehall].join('|');
  if (mac && row.id >= mac.fran) return crypto.createHmac('sha256', mac.key).update(text, 'utf8').digest('hex');
  return sha256(text);
}

/** The log's MAC key and the first entry sealed with it. */
export interface MacKey {
  key: Buffer;
  fran: number;
}

function hasTable(db: Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(name) === 1;
}

/** The MAC key the log is sealed with from its fran_id on (kept inside the encrypted file), or null. */
export function macKeyOf(db: Database): MacKey | null {
  if (!hasTable(db, 'audit_nyckel')) return null;
  const row = db.prepare('SELECT nyckel, fran_id FROM audit_nyckel WHERE id = 1').get() as { nyckel: Buffer; fran_id: number } | undefined;
  return row ? { key: row.nyckel, fran: row.fran_id } : null;
}

/** Derived from the database key (HKDF-SHA256): only someone who can decrypt the file can compute it. */
export function deriveMacKey(dbKey: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', dbKey, Buffer.from('varvet-audit-logg', 'utf8'), Buffer.from('hmac-sha256 v1', 'utf8'), 32));
}

/** The key for this seal: the stored one, or — on the first seal of an encrypted database — a new one from `fran`. */
function macKeyForSeal(db: Database, fran: number): MacKey | null {
  // A connection keeps its key for life (setting up encryption or a rekey reopens it), so the answer is cached.
  const cached = macCache.get(db);
  if (cached) return cached;
  const stored = macKeyOf(db);
  if (stored) {
    macCache.set(db, stored);
    return stored;
  }
  const dbKey = keyOf(db);
  if (!dbKey || !hasTable(db, 'audit_nyckel')) return null;
  const key = deriveMacKey(dbKey);
  db.prepare('INSERT INTO audit_nyckel (id, nyckel, fran_id) VALUES (1, ?, ?)').run(key, fran);
  // Not cached yet: a rollback of this transaction removes the row, and the next seal makes it again.
  return { key, fran };
}
const macCache = new WeakMap<Database, MacKey>();

/** Who: the operating-system user and how Varvet runs (electron, browser, cli). */
export function whoAmI(mode: string): string {
  // Asked once per process: the user does not change while Varvet runs, and the lookup costs ~0.05 ms per call.
  if (osUser === null) {
    osUser = 'okänd';
    try {
      osUser = os.userInfo().username || osUser;
    } catch {
      // No passwd entry (some containers): the mode still says where the change came from.
    }
  }
  return `${osUser} (${mode})`;
}
let osUser: string | null = null;

interface Statements {
  unsealed: Statement;
  last: Statement;
  seal: Statement;
  sealFull: Statement;
}

const cache = new WeakMap<Database, Statements>();

/** Entries read per round: a demo or an old database can hold a million unsealed rows, which must not all be in memory. */
const SEAL_BATCH = 5000;

function statements(db: Database): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      unsealed: db.prepare(`SELECT id, tabell, rad_id, elev_id, operation, fore, efter FROM audit_logg WHERE hash IS NULL AND id > ? ORDER BY id LIMIT ${SEAL_BATCH}`),
      last: db.prepare('SELECT id, hash FROM audit_logg WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1'),
      // From migration 13 the two derivable hashes are not stored (issue 20): innehall_hash is recomputed from
      // fore/efter (gallring stores it when it redacts), forra_hash is the previous entry's hash.
      seal: db.prepare('UPDATE audit_logg SET tid = ?, vem = ?, kanal = ?, hash = ? WHERE id = ?'),
      sealFull: db.prepare('UPDATE audit_logg SET tid = ?, vem = ?, kanal = ?, innehall_hash = ?, forra_hash = ?, hash = ? WHERE id = ?'),
    };
    cache.set(db, s);
  }
  return s;
}

/** True when the schema has the audit log (a database below migration 7 has not). */
export function hasAudit(db: Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_logg'").pluck().get() === 1;
}

/**
 * Seals every unsealed entry newer than the newest sealed one and than the anchored head (anchor.ts), oldest
 * first; returns how many. An unsealed entry older than those lost its seal afterwards: it is never sealed again
 * (that would overwrite who made the change) and verifyAuditChain reports it. Cheap when there are none.
 */
export function sealAudit(db: Database, info: SealInfo): number {
  const s = statements(db);
  const last = s.last.get() as { id: number; hash: string } | undefined;
  const floor = Math.max(last?.id ?? 0, sealFloor(db));
  let rows = s.unsealed.all(floor) as AuditRow[];
  if (rows.length === 0) return 0;
  let forra = last?.hash ?? GENESIS_HASH;
  let count = 0;
  // Below migration 13 the guard and older Varvet versions expect both derivable hashes stored.
  const compact = hasTable(db, 'audit_nyckel');
  const seal = () => {
    const mac = macKeyForSeal(db, (rows[0] as AuditRow).id);
    // Sealed rows leave the partial index, so each round reads the next oldest batch.
    while (rows.length > 0) {
      let id = floor;
      for (const row of rows) {
        const innehall = contentHash(row.fore, row.efter);
        const sealed = { ...row, tid: info.tid, vem: info.vem, kanal: info.kanal };
        const hash = chainHash(forra, sealed, innehall, mac);
        if (compact) s.seal.run(info.tid, info.vem, info.kanal, hash, row.id);
        else s.sealFull.run(info.tid, info.vem, info.kanal, innehall, forra, hash, row.id);
        forra = hash;
        id = row.id;
      }
      count += rows.length;
      rows = rows.length < SEAL_BATCH ? [] : (s.unsealed.all(id) as AuditRow[]);
    }
  };
  if (db.inTransaction) seal();
  else db.transaction(seal)();
  return count;
}

export interface ExportEntry {
  vad: string;
  format: string;
  pseudonymiserad: boolean;
  elevId?: number | null;
  /** e.g. the meeting or version exported. */
  detalj?: Record<string, unknown>;
}

/** Records that pupil data left Varvet as a file (operation E); sealed by the caller's sealAudit. */
export function logExport(db: Database, entry: ExportEntry): void {
  db.prepare("INSERT INTO audit_logg (tabell, rad_id, elev_id, operation, fore, efter) VALUES (NULL, NULL, ?, 'E', NULL, ?)").run(
    entry.elevId ?? null,
    JSON.stringify({ vad: entry.vad, format: entry.format, pseudonymiserad: entry.pseudonymiserad, ...(entry.elevId ? { elevId: entry.elevId } : {}), ...(entry.detalj ?? {}) }),
  );
}
