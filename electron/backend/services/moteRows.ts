// Reading meetings, participants, utredningar and settings: the row shapes the mote services share.
import type { Database } from 'better-sqlite3';
import type { Mote, MoteDeltagare, MoteRad, UtredningRad } from '../../../shared/channels/mote';
import { overdueUtredningar, skolInstallningarSchema, type SkolInstallningar } from '../../../shared/domain/index';
import { AppError } from '../../../shared/errors';

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
  const row = db.prepare(`${MOTE_SELECT} WHERE m.id = ?`).get(id) as MoteRad | undefined;
  if (!row) throw new AppError('not_found', 'Mötet finns inte.');
  const deltagare = db
    .prepare(
      `SELECT d.personal_id AS personalId, coalesce(p.fornamn || ' ' || p.efternamn, d.namn) AS namn, d.funktion,
              d.inbjuden
       FROM mote_deltagare d LEFT JOIN personal p ON p.id = d.personal_id
       WHERE d.mote_id = ? ORDER BY d.inbjuden, d.id`,
    )
    .all(id) as (Omit<MoteDeltagare, 'inbjuden'> & { inbjuden: number })[];
  return { ...row, deltagare: deltagare.map((d) => ({ ...d, inbjuden: d.inbjuden === 1 })) };
}

/** A meeting that may still change; a closed one is refused with a sentence saying so. */
export function openMote(db: Database, id: number): MoteRad & { typ: 'forsta_eht' | 'eht' } {
  const mote = db.prepare(`${MOTE_SELECT} WHERE m.id = ?`).get(id) as MoteRad | undefined;
  if (!mote) throw new AppError('not_found', 'Mötet finns inte.');
  if (mote.typ !== 'eht' && mote.typ !== 'forsta_eht') {
    throw new AppError('rule_violation', 'Mötesläget gäller EHT-möten; det här mötet är av ett annat slag.');
  }
  if (mote.status === 'avslutat') {
    throw new AppError('conflict', `Mötet den ${mote.datum} är avslutat och kan inte längre ändras.`);
  }
  return mote as MoteRad & { typ: 'forsta_eht' | 'eht' };
}

export function installningar(db: Database): SkolInstallningar {
  const raw = db.prepare('SELECT installningar FROM skola WHERE id = 1').pluck().get() as string | undefined;
  return skolInstallningarSchema.parse(raw ? (JSON.parse(raw) as unknown) : {});
}

const UTREDNING_SELECT = `
  SELECT u.id, u.elev_id AS elevId, e.fornamn || ' ' || e.efternamn AS elev, g.namn AS klass, u.ansvarig_id AS ansvarigId,
         p.fornamn || ' ' || p.efternamn AS ansvarig, u.startdatum, u.deadline, u.status, u.utfall,
         u.avslutad_datum AS avslutadDatum, u.beslutad_vid_mote_id AS beslutadVidMoteId
  FROM utredning u JOIN elev e ON e.id = u.elev_id LEFT JOIN grupp g ON g.id = e.klass_id
  JOIN personal p ON p.id = u.ansvarig_id`;

/** Utredningar by a WHERE clause; dagarForsenad counted against `idag` by the domain rule. */
export function queryUtredningar(db: Database, where: string, params: unknown[], idag: string): UtredningRad[] {
  const rows = db.prepare(`${UTREDNING_SELECT} ${where} ORDER BY u.deadline, u.id`).all(...params) as Omit<
    UtredningRad,
    'dagarForsenad'
  >[];
  const forsenade = new Map(overdueUtredningar(rows, idag).map((f) => [f.id, f.dagarForsenad]));
  return rows.map((r) => ({ ...r, dagarForsenad: forsenade.get(r.id) ?? 0 }));
}
