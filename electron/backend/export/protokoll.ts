// The EHT-protokoll as PDF, on the shared document builder. A closed meeting is printed from the agenda frozen when
// it closed; an open one from the live agenda (marked preliminary). Pseudonymised: pupils as initials + code, and
// their names scrubbed from free text, so the file can be shared where names are not allowed.
import type { Database } from 'better-sqlite3';
import type { MoteAgenda } from '../../../shared/channels/mote';
import { MOTE_TYP_TEXT } from '../../../shared/labels';
import { AppError } from '../../../shared/errors';
import { buildAgenda } from '../mote/agenda';
import { pseudonymer } from '../mote/pseudonym';
import { getSkola } from '../skola/skola';
import { filnamnsdel } from './document';
import { createBuilder } from './builders';
import { writeProtokoll, type ProtokollNamn } from './protokollInnehall';

function agendaFor(db: Database, moteId: number): MoteAgenda {
  const frozen = db.prepare('SELECT agenda_json FROM mote WHERE id = ? AND status = ?').pluck().get(moteId, 'avslutat') as string | null | undefined;
  return frozen ? (JSON.parse(frozen) as MoteAgenda) : buildAgenda(db, moteId);
}

const ORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

function ord(s: string): string[] {
  return s.match(ORD) ?? [];
}

/**
 * Replaces names in free text by walking its words once: at each word the longest name starting there wins. Names
 * are word sequences; words may be separated by spaces (and a comma, for "Efternamn, Förnamn"). `hela` is matched in
 * any case, `delar` exactly as written. Linear in the text, whatever the size of the register.
 */
function namnbytare(hela: Map<string, number>, delar: Map<string, number>, kod: (elevId: number) => string): (t: string) => string {
  const langst = Math.max(1, ...[...hela.keys(), ...delar.keys()].map((k) => k.split(' ').length));
  return (t) => {
    const traffar = [...t.matchAll(ORD)];
    let out = '';
    let pos = 0;
    for (let i = 0; i < traffar.length; ) {
      let hit: { slut: number; elevId: number; n: number } | null = null;
      for (let n = Math.min(langst, traffar.length - i); n >= 1 && !hit; n--) {
        const orden = traffar.slice(i, i + n);
        const mellan = orden.slice(1).every((m, j) => {
          const fore = orden[j] as RegExpExecArray;
          return /^,?\s+$/.test(t.slice((fore.index ?? 0) + fore[0].length, m.index));
        });
        if (!mellan) continue;
        const nyckel = orden.map((m) => m[0]).join(' ');
        const sista = orden[n - 1] as RegExpExecArray;
        const slut = (sista.index ?? 0) + sista[0].length;
        const elevId = hela.get(nyckel.toLocaleLowerCase('sv')) ?? delar.get(nyckel);
        // The genitive ("Adam Alis mamma"): the name without its s, which stays after the code.
        const utanS = elevId === undefined && nyckel.length > 2 && nyckel.endsWith('s') ? nyckel.slice(0, -1) : null;
        const genitiv = utanS === null ? undefined : (hela.get(utanS.toLocaleLowerCase('sv')) ?? delar.get(utanS));
        if (elevId !== undefined) hit = { slut, elevId, n };
        else if (genitiv !== undefined) hit = { slut: slut - 1, elevId: genitiv, n };
      }
      const forsta = traffar[i] as RegExpExecArray;
      if (hit) {
        out += t.slice(pos, forsta.index) + kod(hit.elevId);
        pos = hit.slut;
        i += hit.n;
      } else i += 1;
    }
    return out + t.slice(pos);
  };
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
  const agendaElever = new Set(elevIds);
  // Every pupil in the register, not only those on the agenda: free text (a guest "Vårdnadshavare till …", a note,
  // an underlag) may name any of them.
  const register = db.prepare('SELECT id, fornamn, efternamn FROM elev').all() as { id: number; fornamn: string; efternamn: string }[];
  const staff = new Set([...personal.values()].flatMap((p) => p.split(' ')));
  const staffFull = new Set([...personal.values()].map((p) => ord(p).join(' ').toLocaleLowerCase('sv')));
  // Full names of every pupil (any case, any spacing, either order); first and last names alone (as written) for the
  // agenda's pupils, whose names are the likeliest to be written on their own. Staff names are left alone.
  const hela = new Map<string, number>();
  const delar = new Map<string, number>();
  const nyckel = (...delarna: string[]) => delarna.flatMap(ord).join(' ');
  for (const e of register) {
    const full = nyckel(e.fornamn, e.efternamn).toLocaleLowerCase('sv');
    if (full === '' || staffFull.has(full)) continue;
    hela.set(full, e.id);
    hela.set(nyckel(e.efternamn, e.fornamn).toLocaleLowerCase('sv'), e.id);
    if (agendaElever.has(e.id)) {
      for (const del of [nyckel(e.fornamn), nyckel(e.efternamn)]) {
        if (del.length > 1 && !staff.has(del) && !delar.has(del)) delar.set(del, e.id);
      }
    }
  }
  // A pupil off the agenda gets a code only when the text names them.
  const kod = (elevId: number) => {
    const k = koder.get(elevId) ?? db.transaction(() => pseudonymer(db, [elevId], skapad))().get(elevId);
    if (k) koder.set(elevId, k);
    return k ?? 'elev';
  };
  const text = namnbytare(hela, delar, kod);
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
