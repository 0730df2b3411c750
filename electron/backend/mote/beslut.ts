// Meeting mode's writes: an evaluation with its decision (and follow-on insats), an utredning decision, a new insats.
// Each is one transaction, logged in mote_handelse with the rows as they were, so that a replayed client key is
// applied once and undo restores exactly what was there.
import type { Database } from 'better-sqlite3';
import type { EvaluateResult, UndoResult, moteChannels } from '../../../shared/channels/mote';
import { checkDecision, foljdinsatsBeskrivning, nastaSkoldag, recommendDecision, skaparFoljdinsats } from '../../../shared/domain/index';
import { AppError } from '../../../shared/errors';
import type { Beslut, Insats } from '../../../shared/model';
import { BESLUT_TEXT } from '../../../shared/labels';
import type { z } from 'zod';
import { instant, type HandlerContext } from '../context';
import { chainHistory, createInsats, getInsats } from './insatser';
import { moteInsats, openMote, prepared } from './rows';
import { resultatFor, resultatforandring } from './resultat';

type Row = Record<string, unknown>;
type Handelse = { id: number; mote_id: number; nyckel: string; typ: 'bedomning' | 'utredningsbeslut' | 'insats'; fore: string; efter: string; angrad: string | null };

const TABLES = { insats: 'insats', effektbedomning: 'effektbedomning', utredning: 'utredning', utredningsbeslut: 'utredningsbeslut' } as const;

/** Puts a row back exactly as it was, id included. Column names come from the row SQLite gave us, never from input. */
function reinsert(db: Database, table: keyof typeof TABLES, row: Row): void {
  const cols = Object.keys(row);
  db.prepare(`INSERT INTO ${TABLES[table]} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
}

function raw(db: Database, sql: string, ...params: unknown[]): Row | null {
  return (prepared(db, sql).get(...params) as Row | undefined) ?? null;
}

export function findHandelse(db: Database, nyckel: string): Handelse | null {
  return (prepared(db, 'SELECT * FROM mote_handelse WHERE nyckel = ?').get(nyckel) as Handelse | undefined) ?? null;
}

function logHandelse(ctx: HandlerContext, moteId: number, nyckel: string, typ: Handelse['typ'], fore: unknown, efter: unknown): void {
  prepared(ctx.db, 'INSERT INTO mote_handelse (mote_id, nyckel, typ, fore, efter, skapad) VALUES (?, ?, ?, ?, ?, ?)').run(
    moteId, nyckel, typ, JSON.stringify(fore), JSON.stringify(efter), instant(ctx),
  );
  prepared(ctx.db, "UPDATE mote SET status = 'pagar' WHERE id = ? AND status = 'planerat'").run(moteId);
}


type Bedomningsutfall = Omit<EvaluateResult, 'utredningskandidater' | 'kandidatElever'>;

function evaluateResult(db: Database, insatsId: number, moteId: number, upprepad: boolean): Bedomningsutfall {
  const insats = moteInsats(db, insatsId);
  const bedomning = insats.bedomningar.find((b) => b.moteId === moteId);
  if (!bedomning) throw new AppError('not_found', 'Bedömningen finns inte längre; den har ångrats.');
  const foljdId = prepared(db, 'SELECT id FROM insats WHERE ersatter_insats_id = ? AND beslutad_vid_mote_id = ?', { pluck: true })
    .get(insatsId, moteId) as number | undefined;
  return {
    bedomning,
    rekommendation: bedomning.rekommendation,
    insatsStatus: insats.status,
    foljdinsats: foljdId ? moteInsats(db, foljdId) : null,
    upprepad,
  };
}

/** Removes a follow-on this meeting created, refusing when later work already builds on it. */
function removeFoljdinsats(db: Database, id: number): void {
  const used = db
    .prepare('SELECT EXISTS (SELECT 1 FROM effektbedomning WHERE insats_id = ?) OR EXISTS (SELECT 1 FROM insats WHERE ersatter_insats_id = ?)')
    .pluck()
    .get(id, id) as number;
  if (used) throw new AppError('conflict', 'Den nya insatsen har redan bedömts eller ersatts och kan inte tas bort här.');
  db.prepare('DELETE FROM insats WHERE id = ?').run(id);
}

export function evaluate(ctx: HandlerContext, args: z.output<typeof moteChannels['mote:evaluate']['args']>): Bedomningsutfall {
  const { db } = ctx;
  return db.transaction(() => {
    const seen = findHandelse(db, args.nyckel);
    if (seen) return evaluateResult(db, args.insatsId, args.moteId, true);
    const mote = openMote(db, args.moteId);
    const insats = moteInsats(db, args.insatsId);
    const fore = {
      insats: { id: insats.id, status: insats.status, slutdatum: insats.slutdatum },
      bedomning: raw(db, 'SELECT * FROM effektbedomning WHERE insats_id = ? AND mote_id = ?', insats.id, mote.id),
      foljdinsats: raw(db, 'SELECT * FROM insats WHERE ersatter_insats_id = ? AND beslutad_vid_mote_id = ?', insats.id, mote.id),
    };
    if (insats.status !== 'aktiv' && !fore.bedomning) {
      throw new AppError('rule_violation', 'Insatsen är inte längre aktiv och kan inte bedömas vid mötet.');
    }
    // A changed mind at the same meeting replaces the earlier decision; the log keeps it for undo.
    if (fore.foljdinsats) removeFoljdinsats(db, Number(fore.foljdinsats.id));
    const { rekommendation } = recommendDecision({ bedomning: args.bedomning, maletNatt: args.maletNatt, kedja: chainHistory(db, insats.id, mote.id) });
    const fel = checkDecision(rekommendation, args.beslut, args.motivering);
    if (fel) throw new AppError('rule_violation', fel);
    const punkter = resultatFor(db, [insats], mote.datum).get(insats.id) ?? [];
    prepared(db, 'DELETE FROM effektbedomning WHERE insats_id = ? AND mote_id = ?').run(insats.id, mote.id);
    const bedomningId = Number(
      prepared(
        db,
        `INSERT INTO effektbedomning (insats_id, mote_id, datum, bedomning, malet_natt, underlag, resultatforandring,
           rekommendation, beslut, motivering, skapad) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(insats.id, mote.id, mote.datum, args.bedomning, args.maletNatt ? 1 : 0, args.underlag,
        resultatforandring(punkter, insats.startdatum), rekommendation, args.beslut,
        args.beslut !== rekommendation && args.motivering ? args.motivering.trim() : null, instant(ctx)).lastInsertRowid,
    );
    let foljdinsatsId: number | null = null;
    let status: Insats['status'] = 'aktiv';
    if (skaparFoljdinsats(args.beslut)) {
      status = 'ersatt';
      const f = args.foljdinsats;
      foljdinsatsId = createInsats(db, {
        niva: insats.niva, elevId: insats.elevId, gruppId: insats.gruppId, larareId: insats.larareId, amneId: insats.amneId,
        typ: insats.typ,
        beskrivning: f?.beskrivning ?? foljdinsatsBeskrivning(insats.beskrivning, args.beslut),
        forvantadEffekt: f?.forvantadEffekt || insats.forvantadEffekt,
        genomforsAvId: f ? f.genomforsAvId : insats.genomforsAvId,
        aterkopplarId: f ? f.aterkopplarId : insats.aterkopplarId,
        startdatum: f?.startdatum ?? nastaSkoldag(mote.datum),
        beslutadVidMoteId: mote.id,
        ersatterInsatsId: insats.id,
      }, instant(ctx)).id;
    } else if (args.beslut === 'avsluta') status = 'avslutad';
    else if (args.beslut === 'ta_bort') status = 'borttagen';
    prepared(db, 'UPDATE insats SET status = ?, slutdatum = ? WHERE id = ?').run(status, status === 'aktiv' ? null : mote.datum, insats.id);
    logHandelse(ctx, mote.id, args.nyckel, 'bedomning', fore, { insatsId: insats.id, bedomningId, foljdinsatsId });
    return evaluateResult(db, insats.id, mote.id, false);
  })();
}

export function decideUtredning(
  ctx: HandlerContext,
  args: { moteId: number; nyckel: string; elevId: number; beslut: 'inled' | 'inte_nu'; motivering: string | null; ansvarigId: number | null; deadline: string | null },
): void {
  const { db } = ctx;
  db.transaction(() => {
    if (findHandelse(db, args.nyckel)) return;
    const mote = openMote(db, args.moteId);
    if (!db.prepare('SELECT 1 FROM elev WHERE id = ?').get(args.elevId)) throw new AppError('not_found', 'Eleven finns inte.');
    const beslut = raw(db, 'SELECT * FROM utredningsbeslut WHERE mote_id = ? AND elev_id = ?', mote.id, args.elevId);
    const utredning = beslut?.utredning_id ? raw(db, 'SELECT * FROM utredning WHERE id = ?', beslut.utredning_id) : null;
    if (beslut) db.prepare('DELETE FROM utredningsbeslut WHERE id = ?').run(beslut.id);
    if (utredning) db.prepare('DELETE FROM utredning WHERE id = ?').run(utredning.id);
    let utredningId: number | null = null;
    if (args.beslut === 'inled') {
      if (args.deadline !== null && args.deadline < mote.datum) {
        throw new AppError('invalid_argument', 'Utredningens deadline kan inte ligga före mötet.');
      }
      utredningId = Number(
        db
          .prepare('INSERT INTO utredning (elev_id, beslutad_vid_mote_id, ansvarig_id, startdatum, deadline) VALUES (?, ?, ?, ?, ?)')
          .run(args.elevId, mote.id, args.ansvarigId, mote.datum, args.deadline).lastInsertRowid,
      );
    }
    const beslutId = Number(
      db
        .prepare('INSERT INTO utredningsbeslut (mote_id, elev_id, beslut, motivering, utredning_id, skapad) VALUES (?, ?, ?, ?, ?, ?)')
        .run(mote.id, args.elevId, args.beslut, args.beslut === 'inte_nu' ? args.motivering : null, utredningId, instant(ctx))
        .lastInsertRowid,
    );
    logHandelse(ctx, mote.id, args.nyckel, 'utredningsbeslut', { beslut, utredning }, { beslutId, utredningId, elevId: args.elevId });
  })();
}

export function createMoteInsats(ctx: HandlerContext, args: z.output<typeof moteChannels['mote:insats']['args']>): Insats {
  const { db } = ctx;
  return db.transaction(() => {
    const seen = findHandelse(db, args.nyckel);
    if (seen) return getInsats(db, (JSON.parse(seen.efter) as { insatsId: number }).insatsId);
    const mote = openMote(db, args.moteId);
    const need = { individ: args.elevId, grupp: args.gruppId, larare: args.larareId, organisation: 0 }[args.niva];
    if (need === null) throw new AppError('invalid_argument', 'Välj vem insatsen gäller: en elev, en grupp eller en lärare.');
    const { moteId: _mote, nyckel: _nyckel, ...fields } = args;
    const insats = createInsats(db, { ...fields, startdatum: args.startdatum ?? nastaSkoldag(mote.datum), beslutadVidMoteId: mote.id, ersatterInsatsId: null }, instant(ctx));
    logHandelse(ctx, mote.id, args.nyckel, 'insats', {}, { insatsId: insats.id });
    return insats;
  })();
}

function undoText(db: Database, h: Handelse): string {
  const efter = JSON.parse(h.efter) as { insatsId?: number; elevId?: number; bedomningId?: number };
  if (h.typ === 'utredningsbeslut') {
    const namn = db.prepare("SELECT fornamn || ' ' || efternamn FROM elev WHERE id = ?").pluck().get(efter.elevId ?? -1) as string | undefined;
    return `Utredningsbeslutet för ${namn ?? 'eleven'} är ångrat.`;
  }
  const besk = db.prepare('SELECT beskrivning FROM insats WHERE id = ?').pluck().get(efter.insatsId ?? -1) as string | undefined;
  if (h.typ === 'insats') return `Den nya insatsen "${besk ?? ''}" är ångrad.`;
  const beslut = db.prepare('SELECT beslut FROM effektbedomning WHERE id = ?').pluck().get(efter.bedomningId ?? -1) as Beslut | undefined;
  return `Bedömningen av "${besk ?? ''}"${beslut ? ` (${BESLUT_TEXT[beslut]})` : ''} är ångrad.`;
}

export function undo(ctx: HandlerContext, moteId: number, nyckel: string | null): UndoResult {
  const { db } = ctx;
  return db.transaction(() => {
    openMote(db, moteId);
    if (nyckel) {
      const h = findHandelse(db, nyckel);
      // Undoing something already undone, or never received, changes nothing: a replayed undo is harmless.
      if (!h || h.angrad !== null) return { text: null, nyckel };
    }
    const h = db
      .prepare('SELECT * FROM mote_handelse WHERE mote_id = ? AND angrad IS NULL ORDER BY id DESC LIMIT 1')
      .get(moteId) as Handelse | undefined;
    if (!h) return { text: null, nyckel: null };
    if (nyckel && h.nyckel !== nyckel) throw new AppError('conflict', 'Bara den senaste ändringen vid mötet kan ångras.');
    const text = undoText(db, h);
    const fore = JSON.parse(h.fore) as Record<string, Row | null>;
    const efter = JSON.parse(h.efter) as Record<string, number | null>;
    if (h.typ === 'bedomning') {
      if (efter.foljdinsatsId) removeFoljdinsats(db, efter.foljdinsatsId);
      db.prepare('DELETE FROM effektbedomning WHERE id = ?').run(efter.bedomningId);
      if (fore.bedomning) reinsert(db, 'effektbedomning', fore.bedomning);
      if (fore.foljdinsats) reinsert(db, 'insats', fore.foljdinsats);
      const insats = fore.insats as Row;
      db.prepare('UPDATE insats SET status = ?, slutdatum = ? WHERE id = ?').run(insats.status, insats.slutdatum, insats.id);
    } else if (h.typ === 'utredningsbeslut') {
      db.prepare('DELETE FROM utredningsbeslut WHERE id = ?').run(efter.beslutId);
      if (efter.utredningId) db.prepare('DELETE FROM utredning WHERE id = ?').run(efter.utredningId);
      if (fore.utredning) reinsert(db, 'utredning', fore.utredning);
      if (fore.beslut) reinsert(db, 'utredningsbeslut', fore.beslut);
    } else if (efter.insatsId) {
      removeFoljdinsats(db, efter.insatsId);
    }
    db.prepare('UPDATE mote_handelse SET angrad = ? WHERE id = ?').run(instant(ctx), h.id);
    return { text, nyckel: h.nyckel };
  })();
}

