// Läsårets slut (step 8): "Efter samtliga varv sammanfattas vilka förändringar som har gjorts och behöver göras."
// The changes are assembled from the data (never retyped); the skolledning writes what still needs doing, links the
// new plan version and records when it was checked with EHT and förstelärare.
import type { Database } from 'better-sqlite3';
import type { Antal, Arssammanstallning, ArsavslutVy } from '../../../shared/channels/uppfoljning';
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
      .prepare("SELECT count(*) FROM resultatdialog d JOIN varv v ON v.id = d.varv_id WHERE v.lasar_id = ? AND d.status = 'genomford'")
      .pluck()
      .get(lasar.id) as number,
    utvecklingsomraden: listOmraden(db, lasar.id),
  };
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
  return {
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
}

type SaveArgs = {
  lasarId: number;
  behoverGoras?: string | undefined;
  planVersionId?: number | null | undefined;
  avstamdEht?: string | null | undefined;
  avstamdForstelarare?: string | null | undefined;
  status?: 'pagar' | 'klar' | undefined;
};

function saveArsavslut(ctx: HandlerContext, lasar: LasarRow, args: SaveArgs): void {
  const db = ctx.db;
  const current = getArsavslut(db, lasar, today(ctx));
  if (args.planVersionId != null && !db.prepare('SELECT 1 FROM plan_version WHERE id = ?').get(args.planVersionId)) {
    throw new AppError('not_found', 'Planversionen finns inte.');
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
