// Läsårets slut (step 8): "Efter samtliga varv sammanfattas vilka förändringar som har gjorts och behöver göras."
// The changes are assembled from the data (never retyped); the skolledning writes what still needs doing, links the
// new plan version and records when it was checked with EHT and förstelärare.
import type { Database } from 'better-sqlite3';
import type { Antal, Arssammanstallning, ArsavslutVy, DialogPlan } from '../../../shared/channels/uppfoljning';
import { hallenDialog } from '../skola/status';
import { AppError } from '../../../shared/errors';
import { BEDOMNINGAR, BESLUT, NIVAER, type Bedomning, type Beslut, type Niva } from '../../../shared/model';
import { instant, today, type HandlerContext } from '../context';
import type { HandlerPart } from '../handlers';
import { planMotUtfall } from './arsavslutPlan';
import { currentLasar } from '../skola/oversikt';
import { listOmraden } from './utvecklingsomrade';

interface LasarRow {
  id: number;
  namn: string;
  startdatum: string;
  slutdatum: string;
}

function counts<K extends string>(keys: readonly K[], rows: { nyckel: string; antal: number }[]): Antal<K>[] {
  return keys.map((nyckel) => ({ nyckel, antal: rows.find((r) => r.nyckel === nyckel)?.antal ?? 0 }));
}

export function lasarFor(db: Database, lasarId: number | null, day: string): LasarRow {
  const lasar =
    lasarId === null
      ? currentLasar(db, day)
      : (db.prepare('SELECT id, namn, startdatum, slutdatum FROM lasar WHERE id = ?').get(lasarId) as LasarRow | undefined);
  if (!lasar) throw new AppError('not_found', lasarId === null ? 'Det finns inget läsår ännu.' : 'Läsåret finns inte.');
  return lasar;
}

/** Evaluations and decisions of the läsår: those made at its meetings. */
export const BEDOMNING_I_LASAR = 'effektbedomning b JOIN mote m ON m.id = b.mote_id WHERE m.lasar_id = ?';

export function arssammanstallning(db: Database, lasar: LasarRow, idag: string): Arssammanstallning {
  const insatser = db
    .prepare('SELECT niva AS nyckel, count(*) AS antal FROM insats WHERE startdatum BETWEEN ? AND ? GROUP BY niva')
    .all(lasar.startdatum, lasar.slutdatum) as { nyckel: string; antal: number }[];
  const beslut = db.prepare(`SELECT b.beslut AS nyckel, count(*) AS antal FROM ${BEDOMNING_I_LASAR} GROUP BY b.beslut`).all(lasar.id) as {
    nyckel: string;
    antal: number;
  }[];
  const bedomningar = db
    .prepare(`SELECT b.bedomning AS nyckel, count(*) AS antal FROM ${BEDOMNING_I_LASAR} GROUP BY b.bedomning`)
    .all(lasar.id) as { nyckel: string; antal: number }[];
  const u = db
    .prepare(
      `SELECT count(*) AS inledda,
              coalesce(sum(status = 'avslutad' AND avslutad_datum <= deadline), 0) AS avslutadeITid,
              coalesce(sum(status = 'avslutad' AND avslutad_datum > deadline), 0) AS avslutadeSent,
              coalesce(sum(status = 'pagar' AND deadline >= ?), 0) AS pagar,
              coalesce(sum(status = 'pagar' AND deadline < ?), 0) AS forsenade
       FROM utredning WHERE startdatum BETWEEN ? AND ?`,
    )
    .get(idag, idag, lasar.startdatum, lasar.slutdatum) as Arssammanstallning['utredningar'];
  const beslutAntal = counts<Beslut>(BESLUT, beslut);
  const antal = (b: Beslut) => beslutAntal.find((x) => x.nyckel === b)?.antal ?? 0;
  return {
    insatserStartade: counts<Niva>(NIVAER, insatser),
    forandrade: antal('forandra'),
    borttagna: antal('ta_bort'),
    avslutade: antal('avsluta'),
    intensifierade: antal('intensifiera'),
    beslut: beslutAntal,
    bedomningar: counts<Bedomning>(BEDOMNINGAR, bedomningar),
    utredningar: u,
    resultatdialoger: db
      .prepare(`SELECT count(*) FROM resultatdialog d JOIN varv v ON v.id = d.varv_id WHERE v.lasar_id = ? AND ${hallenDialog('d', '?')}`)
      .pluck()
      .get(lasar.id, idag) as number,
    resultatdialogVarv: db
      .prepare(
        `SELECT count(*) FROM (SELECT v.id FROM resultatdialog d JOIN varv v ON v.id = d.varv_id WHERE v.lasar_id = ?
         GROUP BY v.id HAVING sum(${hallenDialog('d', '?')}) = count(*))`,
      )
      .pluck()
      .get(lasar.id, idag) as number,
    utvecklingsomraden: listOmraden(db, lasar.id),
    dialogPlaner: dialogPlaner(db, lasar.id, idag),
    avstamningar: (
      db
        .prepare(
          `SELECT v.nummer AS varvNummer, a.datum, coalesce(a.status, 'pagar') AS status, coalesce(a.anteckningar, '') AS anteckningar
           FROM varv v LEFT JOIN avstamning a ON a.varv_id = v.id WHERE v.lasar_id = ? AND (a.varv_id IS NOT NULL OR v.avstamning_datum <= ?)
           ORDER BY v.nummer`,
        )
        .all(lasar.id, idag) as Arssammanstallning['avstamningar']
    ),
    insatserUtfall: counts(
      ['aktiv', 'avslutad', 'borttagen', 'ersatt'] as const,
      db
        .prepare('SELECT status AS nyckel, count(*) AS antal FROM insats WHERE startdatum BETWEEN ? AND ? GROUP BY status')
        .all(lasar.startdatum, lasar.slutdatum) as { nyckel: string; antal: number }[],
    ),
  };
}

/** Each held dialogue's plan, and the next varv's dialogue that followed it up (foregaende_id). */
function dialogPlaner(db: Database, lasarId: number, idag: string): DialogPlan[] {
  const rows = db
    .prepare(
      `SELECT d.id AS dialogId, v.nummer AS varvNummer, d.namn, d.forandring, d.forvantad_effekt AS forvantadEffekt,
              nv.nummer AS nastaVarv, n.foregaende_effekt AS effekt, n.hur_gick_det AS hurGickDet
       FROM resultatdialog d JOIN varv v ON v.id = d.varv_id
       LEFT JOIN resultatdialog n ON n.foregaende_id = d.id LEFT JOIN varv nv ON nv.id = n.varv_id
       WHERE v.lasar_id = ? AND ${hallenDialog('d', '?')} ORDER BY v.nummer, d.namn`,
    )
    .all(lasarId, idag) as {
    dialogId: number;
    varvNummer: number;
    namn: string;
    forandring: string;
    forvantadEffekt: string;
    nastaVarv: number | null;
    effekt: Bedomning | null;
    hurGickDet: string | null;
  }[];
  return rows.map((r) => ({
    dialogId: r.dialogId,
    varvNummer: r.varvNummer,
    namn: r.namn,
    forandring: r.forandring,
    forvantadEffekt: r.forvantadEffekt,
    uppfoljning: r.nastaVarv === null ? null : { varvNummer: r.nastaVarv, effekt: r.effekt, hurGickDet: r.hurGickDet ?? '' },
  }));
}

/** What the year-end still lacks: asked about before it is marked klar. */
function arsavslutOfardigt(vy: Omit<ArsavslutVy, 'ofardigt'>): string[] {
  const out: string[] = [];
  const s = vy.sammanstallning;
  const ejKlara = s.avstamningar.filter((a) => a.status !== 'klar').map((a) => a.varvNummer);
  if (ejKlara.length > 0) out.push(`Avstämningen är inte klar för varv ${ejKlara.join(', ')}.`);
  const ejUppfoljda = s.dialogPlaner.filter((p) => p.uppfoljning === null || p.uppfoljning.effekt === null).length;
  if (ejUppfoljda > 0) out.push(`${ejUppfoljda} av ${s.dialogPlaner.length} planer från resultatdialogerna har ingen bedömd effekt i ett senare varv.`);
  if (vy.behoverGoras.trim() === '') out.push('Det som behöver göras är inte skrivet.');
  if (vy.planVersionId === null) out.push('Ingen planversion för nästa läsår är vald.');
  if (vy.avstamdEht === null) out.push('Planen är inte avstämd med EHT.');
  if (vy.avstamdForstelarare === null) out.push('Planen är inte avstämd med förstelärarna.');
  return out;
}

export function getArsavslut(db: Database, lasar: LasarRow, idag: string): ArsavslutVy {
  const row = db
    .prepare(
      `SELECT behover_goras AS behoverGoras, plan_version_id AS planVersionId, avstamd_eht AS avstamdEht,
              avstamd_forstelarare AS avstamdForstelarare, status, uppdaterad FROM arsavslut WHERE lasar_id = ?`,
    )
    .get(lasar.id) as Omit<ArsavslutVy, 'lasarId' | 'lasarNamn' | 'sammanstallning' | 'planMotUtfall' | 'planversioner'> | undefined;
  const planversioner = (
    db.prepare('SELECT id, nummer, skapad, orsak, is_baseline AS isBaseline FROM plan_version ORDER BY nummer DESC').all() as {
      id: number;
      nummer: number;
      skapad: string;
      orsak: string;
      isBaseline: number;
    }[]
  ).map((v) => ({ ...v, isBaseline: v.isBaseline === 1 }));
  const vy = {
    lasarId: lasar.id,
    lasarNamn: lasar.namn,
    behoverGoras: row?.behoverGoras ?? '',
    planVersionId: row?.planVersionId ?? null,
    avstamdEht: row?.avstamdEht ?? null,
    avstamdForstelarare: row?.avstamdForstelarare ?? null,
    status: row?.status ?? 'pagar',
    sammanstallning: arssammanstallning(db, lasar, idag),
    planMotUtfall: planMotUtfall(db, lasar.id, idag),
    planversioner,
    uppdaterad: row?.uppdaterad ?? null,
  };
  return { ...vy, ofardigt: arsavslutOfardigt(vy) };
}

type SaveArgs = {
  lasarId: number;
  behoverGoras?: string | undefined;
  planVersionId?: number | null | undefined;
  avstamdEht?: string | null | undefined;
  avstamdForstelarare?: string | null | undefined;
  status?: 'pagar' | 'klar' | undefined;
  bekraftat?: boolean | undefined;
};

function saveArsavslut(ctx: HandlerContext, lasar: LasarRow, args: SaveArgs): void {
  const db = ctx.db;
  const current = getArsavslut(db, lasar, today(ctx));
  if (args.planVersionId != null && !db.prepare('SELECT 1 FROM plan_version WHERE id = ?').get(args.planVersionId)) {
    throw new AppError('not_found', 'Planversionen finns inte.');
  }
  if (args.status === 'klar' && current.status !== 'klar' && current.ofardigt.length > 0 && args.bekraftat !== true) {
    throw new AppError('conflict', `Årsavslutet är inte markerat som klart. Det här är inte gjort: ${current.ofardigt.join(' ')}`);
  }
  const pick = <K extends keyof SaveArgs & keyof ArsavslutVy>(key: K) => (args[key] === undefined ? current[key] : args[key]);
  db.prepare(
    `INSERT INTO arsavslut (lasar_id, behover_goras, plan_version_id, avstamd_eht, avstamd_forstelarare, status, uppdaterad)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (lasar_id) DO UPDATE SET behover_goras = excluded.behover_goras, plan_version_id = excluded.plan_version_id,
       avstamd_eht = excluded.avstamd_eht, avstamd_forstelarare = excluded.avstamd_forstelarare, status = excluded.status,
       uppdaterad = excluded.uppdaterad`,
  ).run(lasar.id, pick('behoverGoras'), pick('planVersionId'), pick('avstamdEht'), pick('avstamdForstelarare'), pick('status'), instant(ctx));
}

export const arsavslutHandlers: HandlerPart = {
  'arsavslut:get': (args, ctx) => getArsavslut(ctx.db, lasarFor(ctx.db, args.lasarId, today(ctx)), today(ctx)),
  'arsavslut:save': (args, ctx) => {
    const lasar = lasarFor(ctx.db, args.lasarId, today(ctx));
    ctx.db.transaction(() => saveArsavslut(ctx, lasar, args))();
    return getArsavslut(ctx.db, lasar, today(ctx));
  },
};
