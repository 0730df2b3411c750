// Sealing: the triggers write an entry's content; here it gets who (vem), which channel (kanal), when (tid) and its
// place in the SHA-256 chain. Called in the handler's own transaction by dispatch (handlers.ts), so a committed
// change always has a sealed entry; rows left unsealed by a crash in an async handler are sealed at start-up.
import crypto from 'node:crypto';
import os from 'node:os';
import type { Database, Statement } from 'better-sqlite3';

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

export function chainHash(forra: string, row: Pick<AuditRow, 'id' | 'tid' | 'vem' | 'kanal' | 'tabell' | 'rad_id' | 'elev_id' | 'operation'>, innehall: string): string {
  return sha256([forra, row.id, row.tid, row.vem ?? '', row.kanal ?? '', row.tabell ?? '', row.rad_id ?? '', row.elev_id ?? '', row.operation, innehall].join('|'));
}

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
}

const cache = new WeakMap<Database, Statements>();

/** Entries read per round: a demo or an old database can hold a million unsealed rows, which must not all be in memory. */
const SEAL_BATCH = 5000;

function statements(db: Database): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      unsealed: db.prepare(`SELECT id, tabell, rad_id, elev_id, operation, fore, efter FROM audit_logg WHERE hash IS NULL ORDER BY id LIMIT ${SEAL_BATCH}`),
      last: db.prepare('SELECT hash FROM audit_logg WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1').pluck(),
      seal: db.prepare('UPDATE audit_logg SET tid = ?, vem = ?, kanal = ?, innehall_hash = ?, forra_hash = ?, hash = ? WHERE id = ?'),
    };
    cache.set(db, s);
  }
  return s;
}

/** True when the schema has the audit log (a database below migration 7 has not). */
export function hasAudit(db: Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_logg'").pluck().get() === 1;
}

/** Seals every unsealed entry, oldest first; returns how many. Cheap when there are none (a partial index). */
export function sealAudit(db: Database, info: SealInfo): number {
  const s = statements(db);
  let rows = s.unsealed.all() as AuditRow[];
  if (rows.length === 0) return 0;
  let forra = (s.last.get() as string | undefined) ?? GENESIS_HASH;
  let count = 0;
  const seal = () => {
    // Sealed rows leave the partial index, so each round reads the next oldest batch.
    while (rows.length > 0) {
      for (const row of rows) {
        const innehall = contentHash(row.fore, row.efter);
        const sealed = { ...row, tid: info.tid, vem: info.vem, kanal: info.kanal };
        const hash = chainHash(forra, sealed, innehall);
        s.seal.run(info.tid, info.vem, info.kanal, innehall, forra, hash, row.id);
        forra = hash;
      }
      count += rows.length;
      rows = rows.length < SEAL_BATCH ? [] : (s.unsealed.all() as AuditRow[]);
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
