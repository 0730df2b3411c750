// Avstämning i skolledningen (step 7) "efter att ni har genomfört varvet med resultatuppföljning för samtliga
// årskurser": which årskurser are done is derived from the varv's held resultatdialoger (the groups a teacher or
// ämneslag teaches, the årskurser of an arbetslag); the skolledning may mark one by hand.
import type { Database } from 'better-sqlite3';
import type { ArskursKlar, AvstamningVy, ResultatdialogRad } from '../../../shared/channels/uppfoljning';
import { AppError } from '../../../shared/errors';
import { instant, today, type HandlerContext } from '../context';
import { halletMote } from '../skola/status';
import { formatDatum } from '../../../shared/domain/index';
import { arskursText } from '../../../shared/labels';
import type { HandlerPart } from '../handlers';
import { listDialoger, resolveVarvId } from './resultatdialog';
import { lararmonsterVid, tillfalleForVarv } from '../resultat/analys';
import { arHallet } from '../../../shared/domain/status';

type Omfang = Pick<ResultatdialogRad, 'omfattning' | 'arskurser' | 'larareId' | 'amneId' | 'namn'>;

interface Tackning {
  klar: boolean;
  dialoger: string[];
  undervisningar: number;
  tackta: number;
  kvar: { grupp: string; amnen: string[] }[];
}

/**
 * Which årskurser the held dialogues cover (issue 15, item 10). An årskurs is klar when an arbetslag dialogue took
 * it in, or when every group taught in it has had its dialogue in every subject: each teaching (group × subject ×
 * teacher) by a dialogue with its teacher or with its subject's ämneslag. One ämneslag in matematik covers only
 * the mathematics of the årskurser it teaches; the rest is listed as left, group by group.
 */
export function tackning(db: Database, lasarId: number, hallna: Omfang[]): Map<number, Tackning> {
  const rows = db
    .prepare(
      `SELECT DISTINCT coalesce(g.arskurs, e.arskurs) AS arskurs, g.namn AS grupp, u.personal_id AS larareId, u.amne_id AS amneId,
              a.namn AS amne
       FROM undervisning u JOIN grupp g ON g.id = u.grupp_id JOIN amne a ON a.id = u.amne_id
       LEFT JOIN gruppmedlem m ON m.grupp_id = g.id AND g.arskurs IS NULL LEFT JOIN elev e ON e.id = m.elev_id
       WHERE g.lasar_id = ? AND coalesce(g.arskurs, e.arskurs) IS NOT NULL`,
    )
    .all(lasarId) as { arskurs: number; grupp: string; larareId: number; amneId: number; amne: string }[];
  const out = new Map<number, Tackning>();
  const get = (a: number): Tackning => {
    let t = out.get(a);
    if (!t) {
      t = { klar: false, dialoger: [], undervisningar: 0, tackta: 0, kvar: [] };
      out.set(a, t);
    }
    return t;
  };
  const add = (t: Tackning, namn: string) => {
    if (!t.dialoger.includes(namn)) t.dialoger.push(namn);
  };
  const arbetslag = hallna.filter((d) => d.omfattning === 'arbetslag');
  const kvar = new Map<number, Map<string, Set<string>>>();
  for (const r of rows) {
    const t = get(r.arskurs);
    t.undervisningar += 1;
    const av = hallna.filter(
      (d) => (d.omfattning === 'larare' && d.larareId === r.larareId) || (d.omfattning === 'amneslag' && d.amneId === r.amneId),
    );
    if (av.length > 0) {
      t.tackta += 1;
      for (const d of av) add(t, d.namn);
    } else {
      const perGrupp = kvar.get(r.arskurs) ?? new Map<string, Set<string>>();
      perGrupp.set(r.grupp, (perGrupp.get(r.grupp) ?? new Set<string>()).add(r.amne.toLowerCase()));
      kvar.set(r.arskurs, perGrupp);
    }
  }
  for (const [a, t] of out) {
    const perGrupp = kvar.get(a);
    t.kvar = perGrupp
      ? [...perGrupp.entries()]
          .sort(([x], [y]) => x.localeCompare(y, 'sv', { numeric: true }))
          .map(([grupp, amnen]) => ({ grupp, amnen: [...amnen].sort((x, y) => x.localeCompare(y, 'sv')) }))
      : [];
    t.klar = t.undervisningar > 0 && t.kvar.length === 0;
  }
  for (const d of arbetslag) {
    for (const a of d.arskurser) {
      const t = get(a);
      t.klar = true;
      t.kvar = [];
      add(t, d.namn);
    }
  }
  return out;
}

/** The årskurser the held dialogues make klar (also used by the demo to mark the rest by hand). */
export function klaraArskurser(db: Database, lasarId: number, hallna: Omfang[]): number[] {
  return [...tackning(db, lasarId, hallna).entries()].filter(([, t]) => t.klar).map(([a]) => a);
}

export function getAvstamning(db: Database, varvId: number, idag: string): AvstamningVy {
  const varv = db
    .prepare('SELECT id, lasar_id AS lasarId, nummer, avstamning_datum AS planerat FROM varv WHERE id = ?')
    .get(varvId) as { id: number; lasarId: number; nummer: number; planerat: string | null } | undefined;
  if (!varv) throw new AppError('not_found', 'Varvet finns inte.');
  const row = db
    .prepare('SELECT datum, arskurser_klara AS klara, anteckningar, status, uppdaterad FROM avstamning WHERE varv_id = ?')
    .get(varvId) as { datum: string | null; klara: string; anteckningar: string; status: 'pagar' | 'klar'; uppdaterad: string } | undefined;
  const manuellt = new Set(row ? (JSON.parse(row.klara) as number[]) : []);
  const dialoger = listDialoger(db, varvId);
  const tackt = tackning(db, varv.lasarId, dialoger.filter((d) => arHallet({ status: d.status === 'genomford' ? 'avslutat' : d.status, datum: d.datum }, idag)));
  const skolans = db.prepare('SELECT DISTINCT arskurs FROM elev WHERE aktiv = 1 ORDER BY arskurs').pluck().all() as number[];
  const arskurser: ArskursKlar[] = [...new Set([...skolans, ...manuellt])]
    .sort((a, b) => a - b)
    .map((arskurs) => {
      const t = tackt.get(arskurs);
      const kalla = t?.klar ? 'resultatdialog' : manuellt.has(arskurs) ? 'manuellt' : null;
      return {
        arskurs,
        klar: kalla !== null,
        kalla,
        dialoger: t?.dialoger ?? [],
        undervisningar: t?.undervisningar ?? 0,
        tackta: t?.tackta ?? 0,
        kvar: kalla === 'resultatdialog' ? [] : (t?.kvar ?? []),
      };
    });
  const ehtHallet =
    (db.prepare(`SELECT count(*) FROM mote m WHERE m.varv_id = ? AND m.typ = 'eht' AND ${halletMote('m', '?')}`).pluck().get(varvId, idag) as number) > 0;
  const anteckningar = row?.anteckningar ?? '';
  // What is not done yet: asked about before the avstämning is marked klar (issue 15, item 12).
  const ofardigt: string[] = [];
  for (const a of arskurser.filter((x) => !x.klar)) {
    // The groups only: the subjects left per group are listed on the page under the årskurs.
    const grupper = a.kvar.map((k) => k.grupp);
    const kvar = grupper.length === 0 ? '' : `: resultatdialog saknas i ${grupper.length === 1 ? 'gruppen' : `${grupper.length} grupper`} ${grupper.join(', ')}`;
    ofardigt.push(`Åk ${arskursText(a.arskurs)} är inte klar${kvar}.`);
  }
  const planerade = dialoger.filter((d) => d.status !== 'genomford');
  if (planerade.length > 0) ofardigt.push(`${planerade.length === 1 ? 'En resultatdialog är' : `${planerade.length} resultatdialoger är`} inte genomförd${planerade.length === 1 ? '' : 'a'}: ${planerade.map((d) => d.namn).join(', ')}.`);
  if (!ehtHallet) ofardigt.push(`Varvets EHT-möte är inte hållet.`);
  if (anteckningar.trim() === '') ofardigt.push('Inga anteckningar från avstämningen är skrivna.');
  return {
    varvId,
    varvNummer: varv.nummer,
    datum: row?.datum ?? null,
    planeratDatum: varv.planerat,
    anteckningar,
    status: row?.status ?? 'pagar',
    arskurser,
    allaKlara: arskurser.length > 0 && arskurser.every((a) => a.klar),
    ehtHallet,
    dialoger,
    lararmonster: (() => {
      const t = tillfalleForVarv(db, varvId);
      return t ? lararmonsterVid(db, t.id, t.lasarId, () => true) : [];
    })(),
    ofardigt,
    uppdaterad: row?.uppdaterad ?? null,
  };
}

type SaveArgs = {
  varvId: number;
  datum?: string | null | undefined;
  anteckningar?: string | undefined;
  arskurserKlara?: number[] | undefined;
  status?: 'pagar' | 'klar' | undefined;
  bekraftat?: boolean | undefined;
};

function saveAvstamning(ctx: HandlerContext, args: SaveArgs): void {
  const db = ctx.db;
  const idag = today(ctx);
  const current = getAvstamning(db, args.varvId, idag);
  const manuellt = current.arskurser.filter((a) => a.kalla === 'manuellt').map((a) => a.arskurs);
  let datum = args.datum === undefined ? current.datum : args.datum;
  if (args.status === 'klar' && current.status !== 'klar') {
    datum = datum ?? idag;
    if (datum > idag) {
      throw new AppError('invalid_argument', `Avstämningen är daterad ${formatDatum(datum)}, efter i dag. Markera den som klar när den har hållits.`);
    }
    if (current.ofardigt.length > 0 && args.bekraftat !== true) {
      throw new AppError('conflict', `Avstämningen för varv ${current.varvNummer} är inte markerad som klar. Det här är inte gjort: ${current.ofardigt.join(' ')}`);
    }
  }
  db.prepare(
    `INSERT INTO avstamning (varv_id, datum, arskurser_klara, anteckningar, status, uppdaterad) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (varv_id) DO UPDATE SET datum = excluded.datum, arskurser_klara = excluded.arskurser_klara,
       anteckningar = excluded.anteckningar, status = excluded.status, uppdaterad = excluded.uppdaterad`,
  ).run(
    args.varvId,
    datum,
    JSON.stringify([...new Set(args.arskurserKlara ?? manuellt)].sort((a, b) => a - b)),
    args.anteckningar ?? current.anteckningar,
    args.status ?? current.status,
    instant(ctx),
  );
  // The planned avstämning meeting of the varv is held when the skolledning marks the avstämning done.
  if (args.status === 'klar') {
    db.prepare(
      "UPDATE mote SET status = 'avslutat', avslutat = coalesce(avslutat, ?), datum = coalesce(?, datum) WHERE varv_id = ? AND typ = 'avstamning' AND status <> 'avslutat'",
    ).run(instant(ctx), datum, args.varvId);
  }
}

export const avstamningHandlers: HandlerPart = {
  'avstamning:get': (args, ctx) => getAvstamning(ctx.db, resolveVarvId(ctx, args.varvId), today(ctx)),
  'avstamning:save': (args, ctx) => {
    resolveVarvId(ctx, args.varvId);
    ctx.db.transaction(() => saveAvstamning(ctx, args))();
    return getAvstamning(ctx.db, args.varvId, today(ctx));
  },
};
