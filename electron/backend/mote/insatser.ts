// Insatser and their evaluations. The recommendation is recomputed here from the stored chain, so the rule the
// renderer shows and the rule the database enforces are the same function.
import type { Database } from 'better-sqlite3';
import type { BedomningRecordArgs, InsatsCreateArgs } from '../../../shared/contract';
import { checkDecision, recommendDecision } from '../../../shared/domain/index';
import { AppError } from '../../../shared/errors';
import type { Bedomning, Beslut, Effektbedomning, Insats } from '../../../shared/model';
import { instant, today, type HandlerContext } from '../context';
import type { HandlerPart } from '../handlers';
import { prepared } from '../db/prepared';
import { currentLasar, listVarv } from '../skola/oversikt';
import { findCurrentVarv } from '../../../shared/calendar';

export const INSATS_SELECT = `
  SELECT i.id, i.niva, i.elev_id AS elevId, i.grupp_id AS gruppId, g.namn AS grupp, i.larare_id AS larareId,
         i.amne_id AS amneId, a.namn AS amne, i.beskrivning, i.typ, i.forvantad_effekt AS forvantadEffekt,
         i.genomfors_av_id AS genomforsAvId,
         CASE WHEN gp.id IS NULL THEN NULL ELSE gp.fornamn || ' ' || gp.efternamn END AS genomforsAv,
         i.aterkopplar_id AS aterkopplarId,
         CASE WHEN ap.id IS NULL THEN NULL ELSE ap.fornamn || ' ' || ap.efternamn END AS aterkopplar,
         i.startdatum, i.slutdatum, i.status, i.beslutad_vid_mote_id AS beslutadVidMoteId,
         i.ersatter_insats_id AS ersatterInsatsId
  FROM insats i
  LEFT JOIN grupp g ON g.id = i.grupp_id
  LEFT JOIN amne a ON a.id = i.amne_id
  LEFT JOIN personal gp ON gp.id = i.genomfors_av_id
  LEFT JOIN personal ap ON ap.id = i.aterkopplar_id`;

const BEDOMNING_SELECT = `
  SELECT id, insats_id AS insatsId, mote_id AS moteId, datum, bedomning, malet_natt AS maletNatt, underlag,
         rekommendation, beslut, motivering
  FROM effektbedomning`;

type BedomningRow = Omit<Effektbedomning, 'maletNatt'> & { maletNatt: number };

function bedomningarFor(db: Database, insatsIds: number[]): Map<number, Effektbedomning[]> {
  const result = new Map<number, Effektbedomning[]>();
  if (insatsIds.length === 0) return result;
  const rows = prepared(db, `${BEDOMNING_SELECT} WHERE insats_id IN (SELECT value FROM json_each(?)) ORDER BY datum, id`)
    .all(JSON.stringify(insatsIds)) as BedomningRow[];
  for (const row of rows) {
    const list = result.get(row.insatsId) ?? [];
    list.push({ ...row, maletNatt: row.maletNatt === 1 });
    result.set(row.insatsId, list);
  }
  return result;
}

export function withBedomningar(db: Database, rows: Omit<Insats, 'bedomningar'>[]): Insats[] {
  const bedomningar = bedomningarFor(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, bedomningar: bedomningar.get(r.id) ?? [] }));
}

export function getInsats(db: Database, id: number): Insats {
  const row = prepared(db, `${INSATS_SELECT} WHERE i.id = ?`).get(id) as Omit<Insats, 'bedomningar'> | undefined;
  if (!row) throw new AppError('not_found', 'Insatsen finns inte.');
  return withBedomningar(db, [row])[0] as Insats;
}

export function listInsatserForElev(db: Database, elevId: number): Insats[] {
  const rows = db
    .prepare(`${INSATS_SELECT} WHERE i.elev_id = ? ORDER BY i.startdatum DESC, i.id DESC`)
    .all(elevId) as Omit<Insats, 'bedomningar'>[];
  return withBedomningar(db, rows);
}

export function createInsats(db: Database, args: InsatsCreateArgs & { startdatum: string }, skapad: string): Insats {
  const id = db
    .prepare(
      `INSERT INTO insats (niva, elev_id, grupp_id, larare_id, amne_id, beskrivning, typ, forvantad_effekt,
         genomfors_av_id, aterkopplar_id, startdatum, beslutad_vid_mote_id, ersatter_insats_id, skapad)
       VALUES (@niva, @elevId, @gruppId, @larareId, @amneId, @beskrivning, @typ, @forvantadEffekt, @genomforsAvId,
         @aterkopplarId, @startdatum, @beslutadVidMoteId, @ersatterInsatsId, @skapad)`,
    )
    .run({
      elevId: null,
      gruppId: null,
      larareId: null,
      amneId: null,
      genomforsAvId: null,
      aterkopplarId: null,
      beslutadVidMoteId: null,
      ersatterInsatsId: null,
      ...args,
      skapad,
    }).lastInsertRowid;
  return getInsats(db, Number(id));
}

/**
 * Earlier evaluations along the chain (the insatser this one replaced, and its own), oldest first: what the
 * decision rule decides from. `exceptMoteId` leaves out the meeting being decided now.
 */
export function chainHistory(db: Database, insatsId: number, exceptMoteId: number | null = null): { bedomning: Bedomning; beslut: Beslut }[] {
  return prepared(
      db,
      `WITH RECURSIVE kedja(id) AS (
         SELECT ? UNION ALL SELECT i.ersatter_insats_id FROM insats i JOIN kedja k ON i.id = k.id
         WHERE i.ersatter_insats_id IS NOT NULL)
       SELECT b.bedomning, b.beslut FROM effektbedomning b JOIN kedja k ON b.insats_id = k.id
       WHERE b.mote_id IS NOT ? ORDER BY b.datum, b.id`,
    ).all(insatsId, exceptMoteId) as { bedomning: Bedomning; beslut: Beslut }[];
}

/** The current varv's EHT-möte, created as planned if the schedule has none. */
function currentEhtMote(ctx: HandlerContext): number {
  const day = today(ctx);
  const lasar = currentLasar(ctx.db, day);
  if (!lasar) throw new AppError('not_found', 'Det finns inget läsår att koppla bedömningen till.');
  const varv = findCurrentVarv(listVarv(ctx.db, lasar.id), day);
  const existing = ctx.db
    .prepare("SELECT id FROM mote WHERE lasar_id = ? AND varv_id IS ? AND typ = 'eht' ORDER BY datum LIMIT 1")
    .pluck()
    .get(lasar.id, varv?.id ?? null) as number | undefined;
  if (existing) return existing;
  return Number(
    ctx.db
      .prepare("INSERT INTO mote (lasar_id, varv_id, typ, datum) VALUES (?, ?, 'eht', ?)")
      .run(lasar.id, varv?.id ?? null, varv?.ehtDatum ?? day).lastInsertRowid,
  );
}

const DECISION_STATUS: Partial<Record<Beslut, 'avslutad' | 'borttagen'>> = { avsluta: 'avslutad', ta_bort: 'borttagen' };

export function recordBedomning(ctx: HandlerContext, args: Required<BedomningRecordArgs>): Insats {
  const { db } = ctx;
  return db.transaction(() => {
    const insats = getInsats(db, args.insatsId);
    if (insats.status !== 'aktiv') throw new AppError('rule_violation', 'Insatsen är inte längre aktiv och kan inte bedömas.');
    const { rekommendation } = recommendDecision({
      bedomning: args.bedomning,
      maletNatt: args.maletNatt,
      kedja: chainHistory(db, insats.id),
    });
    const fel = checkDecision(rekommendation, args.beslut, args.motivering);
    if (fel) throw new AppError('rule_violation', fel);
    const moteId = args.moteId ?? currentEhtMote(ctx);
    const datum = today(ctx);
    prepared(
      db,
      `INSERT INTO effektbedomning (insats_id, mote_id, datum, bedomning, malet_natt, underlag, rekommendation, beslut,
         motivering, skapad) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (insats_id, mote_id) DO UPDATE SET bedomning = excluded.bedomning,
         malet_natt = excluded.malet_natt, underlag = excluded.underlag, rekommendation = excluded.rekommendation,
         beslut = excluded.beslut, motivering = excluded.motivering`,
    ).run(
      insats.id,
      moteId,
      datum,
      args.bedomning,
      args.maletNatt ? 1 : 0,
      args.underlag,
      rekommendation,
      args.beslut,
      args.motivering && args.motivering.trim() ? args.motivering.trim() : null,
      instant(ctx),
    );
    const status = DECISION_STATUS[args.beslut];
    if (status) prepared(db, 'UPDATE insats SET status = ?, slutdatum = ? WHERE id = ?').run(status, datum, insats.id);
    return getInsats(db, insats.id);
  })();
}

export const insatsHandlers: HandlerPart = {
  'insats:create': (args, ctx) => {
    if (args.elevId !== null && !ctx.db.prepare('SELECT 1 FROM elev WHERE id = ?').get(args.elevId)) {
      throw new AppError('not_found', 'Eleven finns inte.');
    }
    return createInsats(ctx.db, args, instant(ctx));
  },
  'insats:listForElev': (args, ctx) => listInsatserForElev(ctx.db, args.elevId),
  'bedomning:record': (args, ctx) => recordBedomning(ctx, args),
};
