// What leaves the app: the huvudman's pseudonymised year report and a pupil's registerutdrag, as files the renderer
// saves (a download in browser mode).
import type { Database } from 'better-sqlite3';
import { importRowsOfElev } from '../audit/importAudit';
import { buildArsrapport } from '../export/arsrapport';
import { renderArsrapport } from '../export/arsrapportDokument';
import { buildRegisterutdrag, type Rad, type Registerutdrag } from '../export/registerutdrag';
import { renderRegisterutdrag } from '../export/registerutdragDokument';
import { instant, today } from '../context';
import type { HandlerPart } from '../handlers';

/**
 * The registerutdrag with every import-log row about the pupil: an import's changes are audited in that log, not
 * row by row (audit/importAudit.ts), so the rows naming the pupil whose own row is gone (a criterion the import
 * removed, a result an undo deleted) are added to those the export finds by key.
 */
export function medImportkopior(db: Database, utdrag: Registerutdrag, elevId: number): Registerutdrag {
  const known = new Set(utdrag.importhistorik.map((r) => r.id));
  const missing = importRowsOfElev(db, elevId).filter((id) => !known.has(id));
  if (missing.length === 0) return utdrag;
  const extra = db
    .prepare(
      `SELECT a.id, a.tabell, a.nyckel, a.operation, a.fore, a.efter, k.importerad, k.filnamn FROM import_andring a
       JOIN import_korning k ON k.id = a.import_id WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.id`,
    )
    .all(JSON.stringify(missing)) as Rad[];
  const importhistorik = [...utdrag.importhistorik, ...extra].sort((a, b) => Number(a.id) - Number(b.id));
  return { ...utdrag, importhistorik };
}

export const rapportHandlers: HandlerPart = {
  'rapport:arsrapport': async (args, ctx) => {
    const rapport = buildArsrapport(ctx.db, { lasarId: args.lasarId, idag: today(ctx), skapad: today(ctx) });
    return renderArsrapport(rapport, args.format, ctx.now());
  },
  'rapport:registerutdrag': async (args, ctx) => {
    const utdrag = medImportkopior(ctx.db, buildRegisterutdrag(ctx.db, args.elevId, instant(ctx)), args.elevId);
    return renderRegisterutdrag(ctx.db, utdrag, args.format, ctx.now());
  },
};
