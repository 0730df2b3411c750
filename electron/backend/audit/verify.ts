// Verifies the chain: each entry's content hash (unless gallring redacted it), its link to the entry before and its
// own hash; then that each import's own change log still hashes to the digest its sealed entry holds
// (importAudit.ts). The first entry that fails is named; `varvet check` and 'logg:verify' report it.
import type { Database } from 'better-sqlite3';
import { verifyImportLogs } from './importAudit';
import { chainHash, contentHash, GENESIS_HASH, REDACTED, type AuditRow } from './seal';

export interface ChainReport {
  ok: boolean;
  entries: number;
  /** Entries not yet sealed at the end of the log (a crash during an async operation; sealed at the next start). */
  unsealed: number;
  firstBroken?: { id: number; reason: string };
}

function broken(id: number, reason: string, entries: number, unsealed = 0): ChainReport {
  return { ok: false, entries, unsealed, firstBroken: { id, reason } };
}

export function verifyAuditChain(db: Database): ChainReport {
  let forra = GENESIS_HASH;
  let entries = 0;
  let unsealed = 0;
  const rows = db.prepare('SELECT * FROM audit_logg ORDER BY id').iterate() as IterableIterator<AuditRow>;
  for (const row of rows) {
    entries++;
    if (row.hash === null) {
      unsealed++;
      continue;
    }
    if (unsealed > 0) return broken(row.id, 'en tidigare post saknar försegling', entries);
    if (row.gallrad === 1) {
      const marker = (v: string | null) => v === null || v === REDACTED;
      if (!marker(row.fore) || !marker(row.efter)) return broken(row.id, 'innehållet i en gallrad post har ändrats', entries);
    } else if (row.innehall_hash !== contentHash(row.fore, row.efter)) {
      return broken(row.id, 'innehållet (före/efter) har ändrats', entries);
    }
    if (row.forra_hash !== forra) return broken(row.id, 'länken till föregående post stämmer inte (en post har tagits bort eller ändrats)', entries);
    if (row.hash !== chainHash(forra, row, row.innehall_hash ?? '')) return broken(row.id, 'postens uppgifter (tid, vem, kanal, tabell eller rad) har ändrats', entries);
    forra = row.hash;
  }
  const imported = verifyImportLogs(db);
  if (imported) return broken(imported.id, imported.reason, entries, unsealed);
  return { ok: true, entries, unsealed };
}
