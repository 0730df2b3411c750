// Step 8: "Gå tillbaka till den ursprungliga planen och se om ni följde planeringen." The baseline plan version's
// calendar beside the meetings as they were held: kept, moved, not held, still to come, or added.
import type { Database } from 'better-sqlite3';
import type { PlanMoteJamforelse, PlanMotUtfall } from '../../../shared/channels/uppfoljning';
import type { PlanInnehall } from '../../../shared/domain/index';
import type { MoteTyp } from '../../../shared/model';
import { arHallet } from '../../../shared/domain/status';

interface Planerat {
  varvNummer: number | null;
  typ: MoteTyp;
  datum: string | null;
}

interface MoteRow {
  id: number;
  varvNummer: number | null;
  typ: MoteTyp;
  datum: string;
  status: string;
}

const KALENDER_TYP = [
  ['resultatdialog', 'resultatdialog'],
  ['eht', 'eht'],
  ['avstamning', 'avstamning'],
] as const;

/** The läsår's own baseline (one per läsår, migrations/0010_plan_lasar.sql). */
function baslinjeFor(db: Database, lasarId: number): { nummer: number; skapad: string; innehall: PlanInnehall } | null {
  const row = db.prepare('SELECT nummer, skapad, innehall FROM plan_version WHERE is_baseline = 1 AND lasar_id = ?').get(lasarId) as
    | { nummer: number; skapad: string; innehall: string }
    | undefined;
  if (!row) return null;
  return { nummer: row.nummer, skapad: row.skapad, innehall: JSON.parse(row.innehall) as PlanInnehall };
}

export function planMotUtfall(db: Database, lasarId: number, idag: string): PlanMotUtfall {
  const baslinje = baslinjeFor(db, lasarId);
  const moten = db
    .prepare(
      `SELECT m.id, v.nummer AS varvNummer, m.typ, m.datum, m.status FROM mote m LEFT JOIN varv v ON v.id = m.varv_id
       WHERE m.lasar_id = ? AND m.typ <> 'arsavslut' ORDER BY m.datum, m.id`,
    )
    .all(lasarId) as MoteRow[];
  // A resultatdialog is held when every dialogue of the varv is held (shared/domain/status.ts), on the day of its
  // first dialogue; an avstämning when marked done and its day has come.
  const dialogDatum = new Map(
    (db
      .prepare(
        `SELECT v.nummer, min(d.datum) AS datum FROM resultatdialog d JOIN varv v ON v.id = d.varv_id
         WHERE v.lasar_id = ? GROUP BY v.nummer
         HAVING sum(d.status = 'genomford' AND d.datum <= ?) = count(*)`,
      )
      .all(lasarId, idag) as { nummer: number; datum: string }[]).map((r) => [r.nummer, r.datum]),
  );
  const avstamdaVarv = new Map(
    (db
      .prepare(
        `SELECT v.nummer, a.datum FROM avstamning a JOIN varv v ON v.id = a.varv_id
         WHERE v.lasar_id = ? AND a.status = 'klar' AND coalesce(a.datum, v.avstamning_datum) <= ?`,
      )
      .all(lasarId, idag) as { nummer: number; datum: string | null }[]).map((r) => [r.nummer, r.datum]),
  );

  let planerat: Planerat[];
  if (baslinje) {
    planerat = [{ varvNummer: null, typ: 'forsta_eht', datum: baslinje.innehall.forstaEht }];
    for (const v of baslinje.innehall.kalender) {
      for (const [falt, typ] of KALENDER_TYP) planerat.push({ varvNummer: v.nummer, typ, datum: v[falt] });
    }
    planerat = planerat.filter((p) => p.datum !== null);
  } else {
    // Without a baseline the calendar as it stands now (the varv's dates) is the plan.
    const forsta = moten.find((m) => m.typ === 'forsta_eht');
    planerat = forsta ? [{ varvNummer: null, typ: 'forsta_eht', datum: forsta.datum }] : [];
    const varv = db
      .prepare(
        `SELECT nummer, resultatdialog_datum AS resultatdialog, eht_datum AS eht, avstamning_datum AS avstamning
         FROM varv WHERE lasar_id = ? ORDER BY nummer`,
      )
      .all(lasarId) as { nummer: number; resultatdialog: string | null; eht: string | null; avstamning: string | null }[];
    for (const v of varv) {
      for (const [falt, typ] of KALENDER_TYP) if (v[falt]) planerat.push({ varvNummer: v.nummer, typ, datum: v[falt] });
    }
  }

  const used = new Set<number>();
  const rader: PlanMoteJamforelse[] = planerat.map((p) => {
    const kandidater = moten.filter((m) => !used.has(m.id) && m.typ === p.typ && m.varvNummer === p.varvNummer);
    const mote = kandidater.find((m) => m.status === 'avslutat') ?? kandidater[0] ?? null;
    if (mote) used.add(mote.id);
    let faktiskt = mote?.datum ?? null;
    let hallet = mote ? arHallet(mote, idag) : false;
    if (p.typ === 'resultatdialog' && p.varvNummer !== null && dialogDatum.has(p.varvNummer)) {
      faktiskt = dialogDatum.get(p.varvNummer) ?? faktiskt;
      hallet = true;
    }
    if (p.typ === 'avstamning' && p.varvNummer !== null && avstamdaVarv.has(p.varvNummer)) {
      faktiskt = avstamdaVarv.get(p.varvNummer) ?? faktiskt;
      hallet = true;
    }
    const utfall: PlanMoteJamforelse['utfall'] = hallet
      ? faktiskt === p.datum
        ? 'enligt_plan'
        : 'flyttat'
      : (faktiskt ?? p.datum ?? idag) < idag
        ? 'ej_hallet'
        : 'kommande';
    return { varvNummer: p.varvNummer, typ: p.typ, planerat: p.datum, faktiskt, hallet, utfall };
  });
  for (const m of moten.filter((x) => !used.has(x.id))) {
    rader.push({ varvNummer: m.varvNummer, typ: m.typ, planerat: null, faktiskt: m.datum, hallet: arHallet(m, idag), utfall: 'tillagt' });
  }
  rader.sort((a, b) => ((a.planerat ?? a.faktiskt ?? '') < (b.planerat ?? b.faktiskt ?? '') ? -1 : 1));
  return {
    baslinje: baslinje ? { nummer: baslinje.nummer, skapad: baslinje.skapad } : null,
    moten: rader,
    planerade: planerat.length,
    hallna: rader.filter((r) => r.hallet).length,
    flyttade: rader.filter((r) => r.utfall === 'flyttat').length,
  };
}
