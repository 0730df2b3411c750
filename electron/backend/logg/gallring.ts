// Gallring (issue 8, item 7): removes everything stored about pupils who left longer ago than the school's rule.
// The rows are found by the registerutdrag's schema walk (collectRows), so the preview, the removal and the
// registerutdrag agree on what "about the pupil" means, and a table added later is covered without a change here.
// The pupils' audit entries keep that a change happened but lose its content; one G entry records the removal.
// Their rows in an import's change log are removed, and each such import's sealed digest is renewed
// (audit/importAudit.ts), so `varvet check` still verifies what is left of the log.
import type { Database } from 'better-sqlite3';
import type { GallringElev, GallringForhandsvisning, GallringResultat } from '../../../shared/channels/audit';
import { gallringsbaraElever, gallringsgrans } from '../../../shared/domain/gallring';
import { skolInstallningarSchema } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/errors';
import { today, type HandlerContext } from '../context';
import { importRowsOfElev, removeImportRows } from '../audit/importAudit';
import { REDACTED, registerContentHash, sealAudit, whoAmI } from '../audit/seal';
import { collectRows, elevKopior, primaryKey, radId, type Rad } from '../export/registerutdrag';
import type { HandlerPart } from '../handlers';
import { installningar } from '../mote/rows';
import { gallraSakerhetskopior, sakerhetskopiorAttGallra } from './gallringBackup';
import { kedjaStatus } from './logg';

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** What one pupil's removal touches: their rows per table (walk order), and the key of each for the logs. */
interface ElevPlan {
  id: number;
  namn: string;
  slutat: string;
  rader: Map<string, Rad[]>;
  /** import_andring and mote_handelse rows holding copies of the pupil's rows (these logs have no foreign key). */
  loggkopior: { importAndring: number[]; moteHandelse: number[] };
  /** audit_logg entries whose content will be redacted. */
  loggposter: number[];
}


function planElev(db: Database, e: { id: number; fornamn: string; efternamn: string; slutat: string }): ElevPlan {
  const rader = collectRows(db, e.id);
  const kopior = elevKopior(db, e.id, rader);
  // The import log's rows keyed by one of the pupil's rows, and those naming the pupil (also rows that are gone).
  const importAndring = [...new Set([...kopior.importAndring, ...importRowsOfElev(db, e.id)])].sort((a, b) => a - b);
  return { id: e.id, namn: `${e.fornamn} ${e.efternamn}`, slutat: e.slutat, rader, loggkopior: { importAndring, moteHandelse: kopior.moteHandelse }, loggposter: kopior.loggposter };
}

function raknaRader(p: ElevPlan): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [t, rows] of p.rader) out[t] = rows.length;
  if (p.loggkopior.importAndring.length > 0) out.import_andring = p.loggkopior.importAndring.length;
  if (p.loggkopior.moteHandelse.length > 0) out.mote_handelse = p.loggkopior.moteHandelse.length;
  return out;
}

function planera(ctx: HandlerContext): { idag: string; gallringAr: number; grans: string; elever: ElevPlan[] } {
  const db = ctx.db;
  const idag = today(ctx);
  const { gallringAr } = installningar(db);
  const kandidater = db.prepare('SELECT id, fornamn, efternamn, aktiv, slutat FROM elev').all() as { id: number; fornamn: string; efternamn: string; aktiv: number; slutat: string | null }[];
  const ids = new Set(gallringsbaraElever(kandidater.map((k) => ({ id: k.id, aktiv: k.aktiv === 1, slutat: k.slutat })), idag, gallringAr));
  const elever = kandidater
    .filter((k) => ids.has(k.id))
    .sort((a, b) => a.id - b.id)
    .map((k) => planElev(db, { ...k, slutat: k.slutat ?? '' }));
  return { idag, gallringAr, grans: gallringsgrans(idag, gallringAr), elever };
}

export function forhandsvisa(ctx: HandlerContext): GallringForhandsvisning {
  const plan = planera(ctx);
  const rader: Record<string, number> = {};
  const elever: GallringElev[] = plan.elever.map((p) => {
    const r = raknaRader(p);
    for (const [t, n] of Object.entries(r)) rader[t] = (rader[t] ?? 0) + n;
    return { id: p.id, namn: p.namn, slutat: p.slutat, rader: r, loggposter: p.loggposter.length };
  });
  const loggposter = new Set(plan.elever.flatMap((p) => p.loggposter)).size;
  const sakerhetskopior = plan.elever.length > 0 ? sakerhetskopiorAttGallra(ctx) : [];
  return { gallringAr: plan.gallringAr, grans: plan.grans, idag: plan.idag, elever, rader, loggposter, sakerhetskopior };
}

/** The database part, synchronous and in one transaction (dispatch's): delete, seal, redact, record. */
export function gallraDatabas(ctx: HandlerContext, elevIds: readonly number[]): { rader: Record<string, number>; loggposter: number } {
  const db = ctx.db;
  const plan = planera(ctx);
  const planIds = plan.elever.map((p) => p.id);
  if (JSON.stringify(planIds) !== JSON.stringify([...elevIds].sort((a, b) => a - b))) {
    throw new AppError('conflict', 'Förhandsvisningen stämmer inte längre med databasen. Visa förhandsvisningen igen och bekräfta på nytt.');
  }
  const rader: Record<string, number> = {};
  const run = () => {
    // The walk's rows reference each other in every direction; the foreign keys are checked once, at commit.
    db.pragma('defer_foreign_keys = ON');
    for (const p of plan.elever) {
      for (const [t, n] of Object.entries(raknaRader(p))) rader[t] = (rader[t] ?? 0) + n;
      for (const [table, rows] of p.rader) {
        const pk = primaryKey(db, table);
        const del = db.prepare(`DELETE FROM ${q(table)} WHERE ${pk.map((c) => `${q(c)} = ?`).join(' AND ')}`);
        for (const row of rows) del.run(...pk.map((c) => row[c]));
      }
      for (const id of p.loggkopior.moteHandelse) db.prepare('DELETE FROM mote_handelse WHERE id = ?').run(id);
    }
    // The import log's copies, with each import's digest renewed (its import_korning entry is sealed just below).
    removeImportRows(db, [...new Set(plan.elever.flatMap((p) => p.loggkopior.importAndring))]);
    // The deletions' own D entries carry the rows as they were: seal them, then redact them with the older ones.
    const vem = whoAmI(ctx.mode);
    sealAudit(db, { kanal: 'gallring:execute', vem, tid: ctx.now().toISOString() });
    // The content hash of a redacted entry is stored as it is redacted (migration 13 keeps it only then).
    registerContentHash(db);
    db.prepare('INSERT INTO audit_gallring_pagar (id) VALUES (1)').run();
    const ids = plan.elever.map((p) => p.id);
    const redact = db.prepare(
      `UPDATE audit_logg SET gallrad = 1, innehall_hash = coalesce(innehall_hash, varvet_innehall(fore, efter)),
         fore = CASE WHEN fore IS NULL THEN NULL ELSE '${REDACTED}' END,
         efter = CASE WHEN efter IS NULL THEN NULL ELSE '${REDACTED}' END WHERE id = ? AND gallrad = 0`,
    );
    let loggposter = 0;
    for (const id of new Set(plan.elever.flatMap((p) => p.loggposter))) loggposter += redact.run(id).changes;
    // The removal's own D entries, found by table and row id (a child's elev_id is gone once its parent is).
    const nycklar = plan.elever.flatMap((p) => [...p.rader.entries()].flatMap(([t, rows]) => rows.map((r) => [t, radId(db, t, r)])));
    db.prepare(
      `UPDATE audit_logg SET gallrad = 1, innehall_hash = coalesce(innehall_hash, varvet_innehall(fore, efter)),
         fore = CASE WHEN fore IS NULL THEN NULL ELSE '${REDACTED}' END,
         efter = CASE WHEN efter IS NULL THEN NULL ELSE '${REDACTED}' END
       WHERE gallrad = 0 AND hash IS NOT NULL AND id IN (SELECT a.id FROM json_each(?) j JOIN audit_logg a
         ON a.tabell = json_extract(j.value, '$[0]') AND a.rad_id = json_extract(j.value, '$[1]'))`,
    ).run(JSON.stringify(nycklar));
    db.prepare('DELETE FROM audit_gallring_pagar').run();
    db.prepare("INSERT INTO audit_logg (operation, efter) VALUES ('G', ?)").run(
      JSON.stringify({ elever: ids.length, rader, loggposter, regel: `${plan.gallringAr} år efter att eleven slutat`, grans: plan.grans }),
    );
    return loggposter;
  };
  const loggposter = db.inTransaction ? run() : db.transaction(run)();
  return { rader, loggposter };
}

function sattRegel(db: Database, gallringAr: number): { gallringAr: number } {
  const raw = db.prepare('SELECT installningar FROM skola WHERE id = 1').pluck().get() as string | undefined;
  if (raw === undefined) throw new AppError('not_found', 'Det finns ingen skola ännu; skapa skolan först.');
  const stored = JSON.parse(raw) as object;
  // Validated through the whole schema, stored as it was plus the one field (keys of a newer Varvet survive).
  const merged = skolInstallningarSchema.parse({ ...stored, gallringAr });
  db.prepare('UPDATE skola SET installningar = ? WHERE id = 1').run(JSON.stringify({ ...stored, gallringAr: merged.gallringAr }));
  return { gallringAr: merged.gallringAr };
}

export const gallringHandlers: HandlerPart = {
  'gallring:preview': (_args, ctx) => forhandsvisa(ctx),
  'gallring:regel': (args, ctx) => sattRegel(ctx.db, args.gallringAr),
  'gallring:execute': async (args, ctx): Promise<GallringResultat> => {
    const { rader, loggposter } = gallraDatabas(ctx, args.elevIds);
    const backup = await gallraSakerhetskopior(ctx);
    return { elever: args.elevIds.length, rader, loggposter, sakerhetskopiorBorttagna: backup.borttagna, nySakerhetskopia: backup.ny, kedja: kedjaStatus(ctx.db) };
  },
};
