// Fundera (Utfall / Varför / Nästa steg) and the answers to "Diskutera i skolledningen", for every step: per step,
// and per varv or meeting where the step repeats. Autosaved from the screens, so each save is small and idempotent.
import type { Database } from 'better-sqlite3';
import type { Diskussionssvar, Reflektion } from '../../../shared/channels/plan';
import { instant } from '../context';
import type { HandlerPart } from '../handlers';

export interface ReflektionKey {
  steg: number;
  varvId: number | null;
  moteId: number | null;
}

const REFLEKTION_COLUMNS = `steg, varv_id AS varvId, mote_id AS moteId, utfall, varfor, nasta_steg AS nastaSteg, uppdaterad`;
const SAME_KEY = 'steg = ? AND coalesce(varv_id, 0) = coalesce(?, 0) AND coalesce(mote_id, 0) = coalesce(?, 0)';

export function getReflektion(db: Database, key: ReflektionKey): Reflektion {
  const row = db
    .prepare(`SELECT ${REFLEKTION_COLUMNS} FROM reflektion WHERE ${SAME_KEY}`)
    .get(key.steg, key.varvId, key.moteId) as Reflektion | undefined;
  return row ?? { ...key, utfall: '', varfor: '', nastaSteg: '', uppdaterad: null };
}

export function saveReflektion(
  db: Database,
  input: ReflektionKey & { utfall: string; varfor: string; nastaSteg: string },
  now: string,
): Reflektion {
  db.transaction(() => {
    const updated = db
      .prepare(`UPDATE reflektion SET utfall = ?, varfor = ?, nasta_steg = ?, uppdaterad = ? WHERE ${SAME_KEY}`)
      .run(input.utfall, input.varfor, input.nastaSteg, now, input.steg, input.varvId, input.moteId).changes;
    if (updated === 0) {
      db.prepare(
        'INSERT INTO reflektion (steg, varv_id, mote_id, utfall, varfor, nasta_steg, uppdaterad) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(input.steg, input.varvId, input.moteId, input.utfall, input.varfor, input.nastaSteg, now);
    }
  })();
  return getReflektion(db, input);
}

export function listReflektioner(db: Database): Reflektion[] {
  return db
    .prepare(`SELECT ${REFLEKTION_COLUMNS} FROM reflektion ORDER BY steg, coalesce(varv_id, 0), coalesce(mote_id, 0)`)
    .all() as Reflektion[];
}

export function getDiskussion(db: Database, steg: number, varvId: number | null): Diskussionssvar[] {
  return db
    .prepare(
      `SELECT fraga_nr AS fragaNr, svar, uppdaterad FROM diskussionssvar
       WHERE steg = ? AND coalesce(varv_id, 0) = coalesce(?, 0) ORDER BY fraga_nr`,
    )
    .all(steg, varvId) as Diskussionssvar[];
}

export function saveDiskussion(
  db: Database,
  input: { steg: number; varvId: number | null; fragaNr: number; svar: string },
  now: string,
): Diskussionssvar {
  db.transaction(() => {
    const updated = db
      .prepare(
        `UPDATE diskussionssvar SET svar = ?, uppdaterad = ?
         WHERE steg = ? AND fraga_nr = ? AND coalesce(varv_id, 0) = coalesce(?, 0)`,
      )
      .run(input.svar, now, input.steg, input.fragaNr, input.varvId).changes;
    if (updated === 0) {
      db.prepare('INSERT INTO diskussionssvar (steg, fraga_nr, varv_id, svar, uppdaterad) VALUES (?, ?, ?, ?, ?)').run(
        input.steg,
        input.fragaNr,
        input.varvId,
        input.svar,
        now,
      );
    }
  })();
  return { fragaNr: input.fragaNr, svar: input.svar, uppdaterad: now };
}

export const reflektionHandlers: HandlerPart = {
  'reflektion:get': (args, ctx) => getReflektion(ctx.db, args),
  'reflektion:save': (args, ctx) => saveReflektion(ctx.db, args, instant(ctx)),
  'reflektion:list': (_args, ctx) => listReflektioner(ctx.db),
  'diskussion:get': (args, ctx) => getDiskussion(ctx.db, args.steg, args.varvId),
  'diskussion:save': (args, ctx) => saveDiskussion(ctx.db, args, instant(ctx)),
};
