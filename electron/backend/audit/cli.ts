// The CLI writes without dispatch (demo, import, export): these seal its entries with a 'cli:…' channel.
import type { Database } from 'better-sqlite3';
import { advanceAnchor } from './anchor';
import { hasAudit, logExport, sealAudit, whoAmI } from './seal';

/** Seals; outside a transaction the side file (anchor.ts) then follows the new head. */
export function sealCli(db: Database, kanal: string): void {
  if (db.open && hasAudit(db)) {
    sealAudit(db, { kanal, vem: whoAmI('cli'), tid: new Date().toISOString() });
    advanceAnchor(db);
  }
}

/** `varvet export <vad>`: what left Varvet as a file. Only the årsrapport and the plan are pseudonymised. */
export function logCliExport(db: Database, vad: string, format: string, values: Record<string, unknown>): void {
  if (!db.open || !hasAudit(db)) return;
  const elev = Number(values.elev);
  const pseudonymiserad = vad === 'arsrapport' || vad === 'plan' || values.pseudonymised === true;
  db.transaction(() => {
    logExport(db, { vad, format, pseudonymiserad, elevId: Number.isInteger(elev) && elev > 0 ? elev : null });
    sealCli(db, `cli:export ${vad}`);
  })();
  advanceAnchor(db);
}
