// Övergripande utvecklingsområden (steps 5 and 7: "Se vad ni har identifierat som övergripande utvecklingsområden
// att ta med i det systematiska kvalitetsarbetet"): each from a varv, with every status change kept as history.
import type { Database } from 'better-sqlite3';
import type { Utvecklingsomrade, UtvecklingHistorik, UtvecklingStatus } from '../../../shared/channels/uppfoljning';
import { AppError } from '../../../shared/errors';
import { instant, today, type HandlerContext } from '../context';
import type { HandlerPart } from '../handlers';

type OmradeRow = Omit<Utvecklingsomrade, 'historik'>;

/** All areas, or those whose origin varv lies in a läsår (lasarId) plus those without a varv. */
export function listOmraden(db: Database, lasarId: number | null = null): Utvecklingsomrade[] {
  const rows = db
    .prepare(
      `SELECT o.id, o.titel, o.beskrivning, o.fran_varv_id AS franVarvId, v.nummer AS franVarvNummer, o.status
       FROM utvecklingsomrade o LEFT JOIN varv v ON v.id = o.fran_varv_id
       WHERE ? IS NULL OR v.lasar_id = ? OR o.fran_varv_id IS NULL
       ORDER BY coalesce(v.nummer, 0), o.id`,
    )
    .all(lasarId, lasarId) as OmradeRow[];
  const historik = db
    .prepare(
      `SELECT s.utvecklingsomrade_id AS omradeId, s.status, s.kommentar, s.datum, v.nummer AS varvNummer
       FROM utvecklingsomrade_status s LEFT JOIN varv v ON v.id = s.varv_id ORDER BY s.datum, s.id`,
    )
    .all() as (UtvecklingHistorik & { omradeId: number })[];
  return rows.map((r) => ({
    ...r,
    historik: historik.filter((h) => h.omradeId === r.id).map(({ omradeId: _omit, ...h }) => h),
  }));
}

function getOmrade(db: Database, id: number): Utvecklingsomrade {
  const found = listOmraden(db).find((o) => o.id === id);
  if (!found) throw new AppError('not_found', 'Utvecklingsområdet finns inte.');
  return found;
}

function addHistory(ctx: HandlerContext, id: number, status: UtvecklingStatus, kommentar: string, varvId: number | null): void {
  ctx.db
    .prepare(
      'INSERT INTO utvecklingsomrade_status (utvecklingsomrade_id, varv_id, status, kommentar, datum, skapad) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(id, varvId, status, kommentar, today(ctx), instant(ctx));
}

function checkVarv(db: Database, varvId: number | null): void {
  if (varvId !== null && !db.prepare('SELECT 1 FROM varv WHERE id = ?').get(varvId)) throw new AppError('not_found', 'Varvet finns inte.');
}

export const utvecklingsomradeHandlers: HandlerPart = {
  'utvecklingsomrade:list': (_args, ctx) => listOmraden(ctx.db),
  'utvecklingsomrade:create': (args, ctx) => {
    checkVarv(ctx.db, args.franVarvId);
    const id = ctx.db.transaction(() => {
      const nu = instant(ctx);
      const newId = Number(
        ctx.db
          .prepare('INSERT INTO utvecklingsomrade (titel, beskrivning, fran_varv_id, skapad, uppdaterad) VALUES (?, ?, ?, ?, ?)')
          .run(args.titel, args.beskrivning, args.franVarvId, nu, nu).lastInsertRowid,
      );
      addHistory(ctx, newId, 'identifierat', '', args.franVarvId);
      return newId;
    })();
    return getOmrade(ctx.db, id);
  },
  'utvecklingsomrade:update': (args, ctx) => {
    getOmrade(ctx.db, args.id);
    ctx.db
      .prepare('UPDATE utvecklingsomrade SET titel = ?, beskrivning = ?, uppdaterad = ? WHERE id = ?')
      .run(args.titel, args.beskrivning, instant(ctx), args.id);
    return getOmrade(ctx.db, args.id);
  },
  'utvecklingsomrade:setStatus': (args, ctx) => {
    getOmrade(ctx.db, args.id);
    checkVarv(ctx.db, args.varvId);
    ctx.db.transaction(() => {
      ctx.db.prepare('UPDATE utvecklingsomrade SET status = ?, uppdaterad = ? WHERE id = ?').run(args.status, instant(ctx), args.id);
      addHistory(ctx, args.id, args.status, args.kommentar, args.varvId);
    })();
    return getOmrade(ctx.db, args.id);
  },
};
