// The EHT-protokoll as PDF, on the shared document builder. A closed meeting is printed from the agenda frozen when
// it closed; an open one from the live agenda (marked preliminary). Pseudonymised: pupils as initials + code, and
// their names scrubbed from free text, so the file can be shared where names are not allowed.
import type { Database } from 'better-sqlite3';
import type { MoteAgenda } from '../../../shared/channels/mote';
import { MOTE_TYP_TEXT } from '../../../shared/labels';
import { AppError } from '../../../shared/errors';
import { buildAgenda } from '../services/moteAgenda';
import { pseudonymer } from '../services/motePseudonym';
import { getSkola } from '../services/skola';
import { filnamnsdel } from './document';
import { createBuilder } from './builders';
import { writeProtokoll, type ProtokollNamn } from './protokollInnehall';

function agendaFor(db: Database, moteId: number): MoteAgenda {
  const frozen = db.prepare('SELECT agenda_json FROM mote WHERE id = ? AND status = ?').pluck().get(moteId, 'avslutat') as string | null | undefined;
  return frozen ? (JSON.parse(frozen) as MoteAgenda) : buildAgenda(db, moteId);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function namer(db: Database, agenda: MoteAgenda, pseudonymiserad: boolean, skapad: string): ProtokollNamn {
  const personal = new Map(agenda.personal.map((p) => [p.id, p.namn]));
  const person = (id: number | null) => (id === null ? '–' : (personal.get(id) ?? '–'));
  const elevIds = [
    ...Object.keys(agenda.elever).map(Number),
    ...agenda.utredningar.map((u) => u.elevId),
  ];
  if (!pseudonymiserad) {
    const namn = new Map([...Object.values(agenda.elever).map((e) => [e.id, e.namn] as const), ...agenda.utredningar.map((u) => [u.elevId, u.elev] as const)]);
    return { elev: (id) => (id === null ? '–' : (namn.get(id) ?? '–')), text: (t) => t, person };
  }
  const koder = db.transaction(() => pseudonymer(db, elevIds, skapad))();
  const namn = db
    .prepare('SELECT id, fornamn, efternamn FROM elev WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...new Set(elevIds)])) as { id: number; fornamn: string; efternamn: string }[];
  // Longest first, so "Anna Berg" is replaced whole before "Anna"; staff names are left alone.
  const staff = new Set([...personal.values()].flatMap((p) => p.split(' ')));
  const byten = namn
    .flatMap((e) => {
      const kod = koder.get(e.id) ?? 'elev';
      return [[`${e.fornamn} ${e.efternamn}`, kod], [e.efternamn, kod], [e.fornamn, kod]] as [string, string][];
    })
    .filter(([s], i, all) => i === all.findIndex(([t]) => t === s) && (s.includes(' ') || !staff.has(s)))
    .sort((a, b) => b[0].length - a[0].length);
  const text = (t: string) =>
    byten.reduce((acc, [s, kod]) => acc.replace(new RegExp(`(?<![\\p{L}])${escapeRegExp(s)}(?![\\p{L}])`, 'gu'), kod), t);
  return { elev: (id) => (id === null ? '–' : (koder.get(id) ?? '–')), text, person };
}

export async function protokollPdf(
  db: Database,
  moteId: number,
  opts: { pseudonymiserad: boolean; now: Date },
): Promise<{ filnamn: string; pdf: Buffer }> {
  const skola = getSkola(db);
  if (!skola) throw new AppError('not_found', 'Det finns ingen skola i databasen.');
  const agenda = agendaFor(db, moteId);
  const { mote } = agenda;
  if (mote.typ !== 'eht' && mote.typ !== 'forsta_eht') throw new AppError('rule_violation', 'Protokoll skrivs för EHT-möten.');
  const nastaMote = db
    .prepare("SELECT datum FROM mote WHERE typ = 'eht' AND lasar_id = ? AND datum > ? ORDER BY datum LIMIT 1")
    .pluck()
    .get(mote.lasarId, mote.datum) as string | undefined;
  const b = await createBuilder(
    'pdf',
    {
      skola: skola.namn,
      titel: 'EHT-protokoll',
      datum: mote.datum,
      undertitel: `${MOTE_TYP_TEXT[mote.typ]}${mote.varvNummer ? `, varv ${mote.varvNummer}` : ''}${opts.pseudonymiserad ? ' · pseudonymiserat' : ''}`,
    },
    { utskrivet: opts.now },
  );
  writeProtokoll(b, agenda, namer(db, agenda, opts.pseudonymiserad, opts.now.toISOString()), {
    pseudonymiserad: opts.pseudonymiserad,
    nastaMote: nastaMote ?? null,
  });
  const pdf = await b.finish();
  const filnamn = `eht-protokoll-${filnamnsdel(skola.namn)}-${mote.datum}${opts.pseudonymiserad ? '-pseudonymiserat' : ''}.pdf`;
  return { filnamn, pdf };
}

export async function buildProtokoll(db: Database, moteId: number, opts: { pseudonymiserad: boolean; now: Date }): Promise<{ filnamn: string; base64: string }> {
  const { filnamn, pdf } = await protokollPdf(db, moteId, opts);
  return { filnamn, base64: pdf.toString('base64') };
}
