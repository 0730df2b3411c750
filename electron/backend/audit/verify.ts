// Verifies the chain: each entry's content hash (unless gallring redacted it), its link to the entry before and its
// own hash (an HMAC from the log key's first entry on, seal.ts); then that the head anchored outside the file
// (anchor.ts) is still in it, sealed and unchanged, and that each import's own change log still hashes to the
// digest its sealed entry holds (importAudit.ts). The first entry that fails is named; `varvet check` and
// 'logg:verify' report it.
import type { Database } from 'better-sqlite3';
import { anchorProblem, compareWithHead, type ChainHead } from './anchor';
import { verifyImportLogs } from './importAudit';
import { chainHash, contentHash, GENESIS_HASH, macKeyOf, REDACTED, type AuditRow } from './seal';

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

export interface VerifyOptions {
  /** Compare with the side file next to the database (default true). */
  anchor?: boolean;
  /** A head the database must hold, e.g. from a backup's sidecar. */
  expectedHead?: ChainHead | null;
}

export function verifyAuditChain(db: Database, options: VerifyOptions = {}): ChainReport {
  const mac = macKeyOf(db);
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
    if (unsealed > 0) return broken(row.id, 'en tidigare post saknar försegling (förseglingen har tagits bort utanför Varvet)', entries);
    // innehall_hash and forra_hash are stored only by entries sealed before migration 13 (and innehall_hash by a
    // redacted entry); otherwise they are recomputed, which the chain hash covers all the same.
    let innehall: string;
    if (row.gallrad === 1) {
      const marker = (v: string | null) => v === null || v === REDACTED;
      if (!marker(row.fore) || !marker(row.efter) || row.innehall_hash === null) return broken(row.id, 'innehållet i en gallrad post har ändrats', entries);
      innehall = row.innehall_hash;
    } else {
      innehall = contentHash(row.fore, row.efter);
      if (row.innehall_hash !== null && row.innehall_hash !== innehall) return broken(row.id, 'innehållet (före/efter) har ändrats', entries);
    }
    if (row.forra_hash !== null && row.forra_hash !== forra) return broken(row.id, 'länken till föregående post stämmer inte (en post har tagits bort eller ändrats)', entries);
    if (row.hash !== chainHash(forra, row, innehall, mac)) {
      if (row.innehall_hash === null && row.gallrad === 0) {
        const what = 'innehållet (före/efter) eller postens uppgifter har ändrats, eller en post före den har tagits bort';
        return broken(row.id, mac && row.id >= mac.fran ? `${what}, eller kedjan har räknats om utan loggens nyckel` : what, entries);
      }
      return broken(row.id, mac && row.id >= mac.fran ? 'postens uppgifter har ändrats eller kedjan har räknats om utan loggens nyckel' : 'postens uppgifter (tid, vem, kanal, tabell eller rad) har ändrats', entries);
    }
    forra = row.hash;
  }
  if (options.anchor !== false) {
    const outside = anchorProblem(db);
    if (outside) return broken(outside.id, outside.reason, entries, unsealed);
  }
  if (options.expectedHead) {
    const reason = compareWithHead(db, options.expectedHead);
    if (reason) return broken(options.expectedHead.seq, reason, entries, unsealed);
  }
  const imported = verifyImportLogs(db);
  if (imported) return broken(imported.id, imported.reason, entries, unsealed);
  return { ok: true, entries, unsealed };
}
