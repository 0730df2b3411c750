// Avstämning i skolledningen (step 7) "efter att ni har genomfört varvet med resultatuppföljning för samtliga
// årskurser": which årskurser are done is derived from the varv's held resultatdialoger (the groups a teacher or
// ämneslag teaches, the årskurser of an arbetslag); the skolledning may mark one by hand.
import type { Database } from 'better-sqlite3';
import type { ArskursKlar, AvstamningVy, ResultatdialogRad } from '../../../shared/channels/uppfoljning';
import { AppError } from '../../../shared/errors';
import { instant, type HandlerContext } from '../context';
import type { HandlerPart } from '../handlers';
import { listDialoger, resolveVarvId } from './resultatdialog';

/** The årskurser a held dialogue covers (also used by the demo to mark what its dialogues cover). */
export function arskurserFor(db: Database, lasarId: number, d: Pick<ResultatdialogRad, 'omfattning' | 'arskurser' | 'larareId' | 'amneId'>): number[] {
  if (d.omfattning === 'arbetslag') return d.arskurser;
  const where = d.omfattning === 'larare' ? 'u.personal_id = ?' : 'u.amne_id = ?';
  return db
    .prepare(
      `SELECT DISTINCT coalesce(g.arskurs, e.arskurs) FROM undervisning u JOIN grupp g ON g.id = u.grupp_id
       LEFT JOIN gruppmedlem m ON m.grupp_id = g.id AND g.arskurs IS NULL LEFT JOIN elev e ON e.id = m.elev_id
       WHERE g.lasar_id = ? AND ${where} AND coalesce(g.arskurs, e.arskurs) IS NOT NULL`,
    )
    .pluck()
    .all(lasarId, d.omfattning === 'larare' ? d.larareId : d.amneId) as number[];
}

export function getAvstamning(db: Database, varvId: number): AvstamningVy {
  const varv = db
    .prepare('SELECT id, lasar_id AS lasarId, nummer, avstamning_datum AS planerat FROM varv WHERE id = ?')
    .get(varvId) as { id: number; lasarId: number; nummer: number; planerat: string | null } | undefined;
  if (!varv) throw new AppError('not_found', 'Varvet finns inte.');
  const row = db
    .prepare('SELECT datum, arskurser_klara AS klara, anteckningar, status, uppdaterad FROM avstamning WHERE varv_id = ?')
    .get(varvId) as { datum: string | null; klara: string; anteckningar: string; status: 'pagar' | 'klar'; uppdaterad: string } | undefined;
  const manuellt = new Set(row ? (JSON.parse(row.klara) as number[]) : []);
  const dialoger = listDialoger(db, varvId);
  const tackta = new Map<number, string[]>();
  for (const d of dialoger.filter((x) => x.status === 'genomford')) {
    for (const a of arskurserFor(db, varv.lasarId, d)) tackta.set(a, [...(tackta.get(a) ?? []), d.namn]);
  }
  const skolans = db.prepare('SELECT DISTINCT arskurs FROM elev WHERE aktiv = 1 ORDER BY arskurs').pluck().all() as number[];
  const arskurser: ArskursKlar[] = [...new Set([...skolans, ...manuellt])]
    .sort((a, b) => a - b)
    .map((arskurs) => {
      const fran = tackta.get(arskurs) ?? [];
      const kalla = fran.length > 0 ? 'resultatdialog' : manuellt.has(arskurs) ? 'manuellt' : null;
      return { arskurs, klar: kalla !== null, kalla, dialoger: fran };
    });
  const ehtHallet =
    (db.prepare("SELECT count(*) FROM mote WHERE varv_id = ? AND typ = 'eht' AND status = 'avslutat'").pluck().get(varvId) as number) > 0;
  return {
    varvId,
    varvNummer: varv.nummer,
    datum: row?.datum ?? null,
    planeratDatum: varv.planerat,
    anteckningar: row?.anteckningar ?? '',
    status: row?.status ?? 'pagar',
    arskurser,
    allaKlara: arskurser.length > 0 && arskurser.every((a) => a.klar),
    ehtHallet,
    dialoger,
    uppdaterad: row?.uppdaterad ?? null,
  };
}

function saveAvstamning(
  ctx: HandlerContext,
  args: { varvId: number; datum?: string | null | undefined; anteckningar?: string | undefined; arskurserKlara?: number[] | undefined; status?: 'pagar' | 'klar' | undefined },
): void {
  const db = ctx.db;
  const current = getAvstamning(db, args.varvId);
  const manuellt = current.arskurser.filter((a) => a.kalla === 'manuellt').map((a) => a.arskurs);
  db.prepare(
    `INSERT INTO avstamning (varv_id, datum, arskurser_klara, anteckningar, status, uppdaterad) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (varv_id) DO UPDATE SET datum = excluded.datum, arskurser_klara = excluded.arskurser_klara,
       anteckningar = excluded.anteckningar, status = excluded.status, uppdaterad = excluded.uppdaterad`,
  ).run(
    args.varvId,
    args.datum === undefined ? current.datum : args.datum,
    JSON.stringify([...new Set(args.arskurserKlara ?? manuellt)].sort((a, b) => a - b)),
    args.anteckningar ?? current.anteckningar,
    args.status ?? current.status,
    instant(ctx),
  );
  // The planned avstämning meeting of the varv is held when the skolledning marks the avstämning done.
  if (args.status === 'klar') {
    db.prepare(
      "UPDATE mote SET status = 'avslutat', avslutat = coalesce(avslutat, ?), datum = coalesce(?, datum) WHERE varv_id = ? AND typ = 'avstamning' AND status <> 'avslutat'",
    ).run(instant(ctx), args.datum ?? current.datum, args.varvId);
  }
}

export const avstamningHandlers: HandlerPart = {
  'avstamning:get': (args, ctx) => getAvstamning(ctx.db, resolveVarvId(ctx, args.varvId)),
  'avstamning:save': (args, ctx) => {
    resolveVarvId(ctx, args.varvId);
    ctx.db.transaction(() => saveAvstamning(ctx, args))();
    return getAvstamning(ctx.db, args.varvId);
  },
};
