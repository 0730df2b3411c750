// Reading meetings, participants, insatser, utredningar and settings: the row shapes the mote services share, and
// the statements they run on every agenda and evaluation, prepared once per connection.
import type { Database, Statement } from 'better-sqlite3';
import type { Mote, MoteDeltagare, MoteRad, UtredningRad } from '../../../shared/channels/mote';
import type { Effektbedomning, Insats } from '../../../shared/model';
import { overdueUtredningar, skolInstallningarSchema, type SkolInstallningar } from '../../../shared/domain/index';
import { AppError } from '../../../shared/errors';
import { prepared } from '../db/prepared';
import { INSATS_SELECT } from './insatser';

export { prepared };


const BEDOMNING_SELECT = `
  SELECT id, insats_id AS insatsId, mote_id AS moteId, datum, bedomning, malet_natt AS maletNatt, underlag,
         rekommendation, beslut, motivering
  FROM effektbedomning`;

/** Every evaluation of the given insatser, oldest first, per insats. */
export function bedomningarFor(db: Database, insatsIds: number[]): Map<number, Effektbedomning[]> {
  const out = new Map<number, Effektbedomning[]>();
  if (insatsIds.length === 0) return out;
  const rows = prepared(db, `${BEDOMNING_SELECT} WHERE insats_id IN (SELECT value FROM json_each(?)) ORDER BY datum, id`).all(
    JSON.stringify(insatsIds),
  ) as (Omit<Effektbedomning, 'maletNatt'> & { maletNatt: number })[];
  for (const row of rows) {
    const b = { ...row, maletNatt: row.maletNatt === 1 };
    const list = out.get(row.insatsId);
    if (list) list.push(b);
    else out.set(row.insatsId, [b]);
  }
  return out;
}

export function medBedomningar(db: Database, rows: Omit<Insats, 'bedomningar'>[]): Insats[] {
  const bedomningar = bedomningarFor(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, bedomningar: bedomningar.get(r.id) ?? [] }));
}

/** An insats with its evaluations, as getInsats (insatser.ts) gives it; meeting mode reads one per evaluation. */
export function moteInsats(db: Database, id: number): Insats {
  const row = prepared(db, `${INSATS_SELECT} WHERE i.id = ?`).get(id) as Omit<Insats, 'bedomningar'> | undefined;
  if (!row) throw new AppError('not_found', 'Insatsen finns inte.');
  return medBedomningar(db, [row])[0] as Insats;
}

const MOTE_SELECT = `
  SELECT m.id, m.lasar_id AS lasarId, m.varv_id AS varvId, v.nummer AS varvNummer, m.typ, m.datum, m.status,
         m.anteckningar, m.avslutat,
         (SELECT count(*) FROM mote_deltagare d WHERE d.mote_id = m.id) AS antalDeltagare,
         (SELECT count(*) FROM effektbedomning b WHERE b.mote_id = m.id) AS antalBedomningar
  FROM mote m LEFT JOIN varv v ON v.id = m.varv_id`;

export function listMoten(db: Database, lasarId: number): MoteRad[] {
  return db
    .prepare(`${MOTE_SELECT} WHERE m.lasar_id = ? AND m.typ IN ('forsta_eht', 'eht') ORDER BY m.datum, m.id`)
    .all(lasarId) as MoteRad[];
}

export function getMote(db: Database, id: number): Mote {
  const row = prepared(db, `${MOTE_SELECT} WHERE m.id = ?`).get(id) as MoteRad | undefined;
  if (!row) throw new AppError('not_found', 'Mötet finns inte.');
  const deltagare = prepared(
    db,
    `SELECT d.personal_id AS personalId, coalesce(p.fornamn || ' ' || p.efternamn, d.namn) AS namn, d.funktion, d.inbjuden
     FROM mote_deltagare d LEFT JOIN personal p ON p.id = d.personal_id
     WHERE d.mote_id = ? ORDER BY d.inbjuden, d.id`,
  ).all(id) as (Omit<MoteDeltagare, 'inbjuden'> & { inbjuden: number })[];
  return { ...row, deltagare: deltagare.map((d) => ({ ...d, inbjuden: d.inbjuden === 1 })) };
}

/** A meeting that may still change; a closed one is refused with a sentence saying so. */
export function openMote(db: Database, id: number): MoteRad & { typ: 'forsta_eht' | 'eht' } {
  const mote = prepared(db, `${MOTE_SELECT} WHERE m.id = ?`).get(id) as MoteRad | undefined;
  if (!mote) throw new AppError('not_found', 'Mötet finns inte.');
  if (mote.typ !== 'eht' && mote.typ !== 'forsta_eht') {
    throw new AppError('rule_violation', 'Mötesläget gäller EHT-möten; det här mötet är av ett annat slag.');
  }
  if (mote.status === 'avslutat') {
    throw new AppError('conflict', `Mötet den ${mote.datum} är avslutat och kan inte längre ändras.`);
  }
  return mote as MoteRad & { typ: 'forsta_eht' | 'eht' };
}

const parsedInstallningar = new WeakMap<Database, { raw: string | undefined; value: SkolInstallningar }>();

/** The school's settings, parsed once per stored text (the agenda reads them on every call). */
export function installningar(db: Database): SkolInstallningar {
  const raw = prepared(db, 'SELECT installningar FROM skola WHERE id = 1', { pluck: true }).get() as string | undefined;
  const hit = parsedInstallningar.get(db);
  if (hit && hit.raw === raw) return structuredClone(hit.value);
  const value = skolInstallningarSchema.parse(raw ? (JSON.parse(raw) as unknown) : {});
  parsedInstallningar.set(db, { raw, value });
  return structuredClone(value);
}

const UTREDNING_SELECT = `
  SELECT u.id, u.elev_id AS elevId, e.fornamn || ' ' || e.efternamn AS elev, g.namn AS klass, u.ansvarig_id AS ansvarigId,
         p.fornamn || ' ' || p.efternamn AS ansvarig, u.startdatum, u.deadline, u.status, u.utfall,
         u.avslutad_datum AS avslutadDatum, u.beslutad_vid_mote_id AS beslutadVidMoteId
  FROM utredning u JOIN elev e ON e.id = u.elev_id LEFT JOIN grupp g ON g.id = e.klass_id
  JOIN personal p ON p.id = u.ansvarig_id`;

/** Utredningar by a WHERE clause; dagarForsenad counted against `idag` by the domain rule. */
export function queryUtredningar(db: Database, where: string, params: unknown[], idag: string): UtredningRad[] {
  const rows = prepared(db, `${UTREDNING_SELECT} ${where} ORDER BY u.deadline, u.id`).all(...params) as Omit<
    UtredningRad,
    'dagarForsenad'
  >[];
  const forsenade = new Map(overdueUtredningar(rows, idag).map((f) => [f.id, f.dagarForsenad]));
  return rows.map((r) => ({ ...r, dagarForsenad: forsenade.get(r.id) ?? 0 }));
}
