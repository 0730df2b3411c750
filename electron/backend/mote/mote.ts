// EHT-möten: list, prepare (date, participants, invited guests), the agenda, meeting mode's decisions, closing.
import type { Database } from 'better-sqlite3';
import type { Mote, MoteDeltagare } from '../../../shared/channels/mote';
import { AppError } from '../../../shared/errors';
import { instant, today, type HandlerContext } from '../context';
import type { HandlerPart } from '../handlers';
import { getInsats } from './insatser';
import { buildAgenda, unchangedUtredningslage, utredningslage } from './agenda';
import { createMoteInsats, decideUtredning, evaluate, undo } from './beslut';
import { getMote, listMoten, openMote } from './rows';
import { currentLasar } from '../skola/oversikt';
import { buildProtokoll } from '../export/protokoll';

function saveDeltagare(db: Database, moteId: number, deltagare: MoteDeltagare[]): void {
  db.prepare('DELETE FROM mote_deltagare WHERE mote_id = ?').run(moteId);
  const insert = db.prepare('INSERT INTO mote_deltagare (mote_id, personal_id, namn, funktion, inbjuden) VALUES (?, ?, ?, ?, ?)');
  const seen = new Set<number>();
  for (const d of deltagare) {
    if (d.personalId !== null) {
      if (seen.has(d.personalId)) continue;
      seen.add(d.personalId);
    } else if (d.namn.trim() === '') {
      throw new AppError('invalid_argument', 'En inbjuden deltagare utan plats i personalregistret behöver ett namn.');
    }
    insert.run(moteId, d.personalId, d.personalId === null ? d.namn.trim() : null, d.funktion.trim(), d.inbjuden ? 1 : 0);
  }
}

function namnLista(namn: string[]): string {
  return namn.length <= 1 ? (namn[0] ?? '') : `${namn.slice(0, -1).join(', ')} och ${namn[namn.length - 1]}`;
}

export function closeMote(ctx: HandlerContext, moteId: number, avslutatAvId: number | null): Mote {
  const { db } = ctx;
  return db.transaction(() => {
    openMote(db, moteId);
    const agenda = buildAgenda(db, moteId);
    const saknas = agenda.utredningskandidater.filter((k) => k.beslut === null).map((k) => agenda.elever[k.elevId]?.namn ?? `elev ${k.elevId}`);
    if (saknas.length > 0) {
      throw new AppError(
        'rule_violation',
        `Mötet kan inte avslutas: utredningsbeslut saknas för ${namnLista(saknas)}. Besluta "inled utredning" eller "inte nu" för ${saknas.length === 1 ? 'eleven' : 'varje elev'} under Utredningar.`,
      );
    }
    const snapshot = { ...agenda, mote: { ...agenda.mote, status: 'avslutat' as const } };
    db.prepare("UPDATE mote SET status = 'avslutat', avslutat = ?, avslutat_av_id = ?, agenda_json = ? WHERE id = ?").run(
      instant(ctx), avslutatAvId, JSON.stringify(snapshot), moteId,
    );
    return getMote(db, moteId);
  })();
}

/**
 * One date everywhere: the plan's calendar, its årshjul and PDF read a varv's EHT-möte from the varv row
 * (plan/kalender.ts keeps the two in step from the plan's side). A varv's EHT-möte moved here moves there too; the
 * första EHT-möte the calendar reads from this row already. A second EHT-möte in the same varv is not the plan's.
 */
function flyttaIPlanen(db: Database, mote: { id: number; typ: string; varvId: number | null }, datum: string): void {
  if (mote.typ !== 'eht' || mote.varvId === null) return;
  const planens = db.prepare("SELECT id FROM mote WHERE varv_id = ? AND typ = 'eht' ORDER BY id LIMIT 1").pluck().get(mote.varvId) as number | undefined;
  if (planens === mote.id) db.prepare('UPDATE varv SET eht_datum = ? WHERE id = ?').run(datum, mote.varvId);
}

export const moteHandlers: HandlerPart = {
  'mote:list': (_args, ctx) => {
    const lasar = currentLasar(ctx.db, today(ctx));
    return lasar ? listMoten(ctx.db, lasar.id) : [];
  },
  'mote:create': (args, ctx) =>
    ctx.db.transaction(() => {
      const lasarId = args.varvId !== null
        ? (ctx.db.prepare('SELECT lasar_id FROM varv WHERE id = ?').pluck().get(args.varvId) as number | undefined)
        : currentLasar(ctx.db, args.datum)?.id;
      if (!lasarId) throw new AppError('not_found', 'Det finns inget läsår eller varv att lägga mötet i.');
      const id = Number(
        ctx.db.prepare('INSERT INTO mote (lasar_id, varv_id, typ, datum) VALUES (?, ?, ?, ?)').run(lasarId, args.varvId, args.typ, args.datum)
          .lastInsertRowid,
      );
      saveDeltagare(ctx.db, id, args.deltagare);
      return getMote(ctx.db, id);
    })(),
  'mote:update': (args, ctx) =>
    ctx.db.transaction(() => {
      const mote = openMote(ctx.db, args.id);
      if (args.datum !== undefined) {
        ctx.db.prepare('UPDATE mote SET datum = ? WHERE id = ?').run(args.datum, args.id);
        flyttaIPlanen(ctx.db, mote, args.datum);
      }
      if (args.anteckningar !== undefined) ctx.db.prepare('UPDATE mote SET anteckningar = ? WHERE id = ?').run(args.anteckningar, args.id);
      if (args.deltagare !== undefined) saveDeltagare(ctx.db, args.id, args.deltagare);
      return getMote(ctx.db, args.id);
    })(),
  'mote:agenda': (args, ctx) => buildAgenda(ctx.db, args.moteId),
  // Only the evaluated pupil is judged again by the utredning rule when nothing else changed since the last läge.
  'mote:evaluate': (args, ctx) => {
    const fore = unchangedUtredningslage(ctx.db, args.moteId);
    const utfall = evaluate(ctx, args);
    const elevId = (ctx.db.prepare('SELECT elev_id FROM insats WHERE id = ?').pluck().get(args.insatsId) as number | null | undefined) ?? null;
    return { ...utfall, ...utredningslage(ctx.db, args.moteId, { elevId, fore }) };
  },
  'mote:utredningsbeslut': (args, ctx) => {
    const fore = unchangedUtredningslage(ctx.db, args.moteId);
    decideUtredning(ctx, args);
    const kandidat = utredningslage(ctx.db, args.moteId, { elevId: args.elevId, fore }).utredningskandidater.find((k) => k.elevId === args.elevId);
    if (!kandidat) throw new AppError('not_found', 'Eleven finns inte bland mötets utredningsbeslut; beslutet kan ha ångrats.');
    return kandidat;
  },
  'mote:insats': (args, ctx) => createMoteInsats(ctx, args),
  'mote:insatsUpdate': (args, ctx) =>
    ctx.db.transaction(() => {
      openMote(ctx.db, args.moteId);
      const insats = getInsats(ctx.db, args.insatsId);
      if (insats.beslutadVidMoteId !== args.moteId) {
        throw new AppError('rule_violation', 'Bara insatser som beslutats vid det här mötet kan ändras här.');
      }
      const next = { ...insats, ...Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined)) };
      ctx.db
        .prepare('UPDATE insats SET beskrivning = ?, forvantad_effekt = ?, genomfors_av_id = ?, aterkopplar_id = ?, startdatum = ? WHERE id = ?')
        .run(next.beskrivning, next.forvantadEffekt, next.genomforsAvId, next.aterkopplarId, next.startdatum, insats.id);
      return getInsats(ctx.db, insats.id);
    })(),
  'mote:anteckning': (args, ctx) => {
    openMote(ctx.db, args.moteId);
    ctx.db
      .prepare(
        `INSERT INTO mote_anteckning (mote_id, punkt, text, uppdaterad) VALUES (?, ?, ?, ?)
         ON CONFLICT (mote_id, punkt) DO UPDATE SET text = excluded.text, uppdaterad = excluded.uppdaterad`,
      )
      .run(args.moteId, args.punkt, args.text, instant(ctx));
    return { punkt: args.punkt, text: args.text };
  },
  'mote:undo': (args, ctx) => undo(ctx, args.moteId, args.nyckel),
  'mote:close': (args, ctx) => closeMote(ctx, args.moteId, args.avslutatAvId),
  'mote:protokoll': async (args, ctx) => buildProtokoll(ctx.db, args.moteId, { pseudonymiserad: args.pseudonymiserad, now: ctx.now() }),
};
