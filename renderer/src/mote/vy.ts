// What meeting mode shows for each insats and pupil: the stored agenda with the queued (not yet confirmed) changes
// laid over it, and the draft being judged. Pure functions, so moving between insatser is instant.
import type { AgendaInsats, MoteAgenda, UtredningKandidat } from '../../../shared/channels/mote';
import { foljdinsatsBeskrivning, nastaSkoldag, recommendDecision, skaparFoljdinsats, type DecisionRecommendation } from '../../../shared/index';
import type { Bedomning, Beslut } from '../../../shared/model';
import type { KoItem } from './ko';

export interface Foljd {
  beskrivning: string;
  forvantadEffekt: string;
  genomforsAvId: number | null;
  aterkopplarId: number | null;
  startdatum: string;
}

/** The judgement being made for one insats, before Enter. */
export interface Utkast {
  bedomning: Bedomning | null;
  maletNatt: boolean;
  underlag: string;
  /** null = follow the recommendation. */
  beslut: Beslut | null;
  motivering: string;
  foljd: Foljd | null;
}

export interface Effektiv {
  bedomning: Bedomning;
  maletNatt: boolean;
  underlag: string;
  beslut: Beslut;
  rekommendation: Beslut;
  motivering: string | null;
  foljdBeskrivning: string | null;
  sparad: boolean;
}

export const TOMT_UTKAST: Utkast = { bedomning: null, maletNatt: false, underlag: '', beslut: null, motivering: '', foljd: null };

export function rekommendation(ai: AgendaInsats, u: Pick<Utkast, 'bedomning' | 'maletNatt'>): DecisionRecommendation | null {
  return u.bedomning ? recommendDecision({ bedomning: u.bedomning, maletNatt: u.maletNatt, kedja: ai.kedja }) : null;
}

export function standardFoljd(ai: AgendaInsats, beslut: Beslut, motesdatum: string): Foljd {
  return {
    beskrivning: foljdinsatsBeskrivning(ai.insats.beskrivning, beslut),
    forvantadEffekt: ai.insats.forvantadEffekt,
    genomforsAvId: ai.insats.genomforsAvId,
    aterkopplarId: ai.insats.aterkopplarId,
    startdatum: nastaSkoldag(motesdatum),
  };
}

/** The decision shown for an insats: a queued one first, then the stored one unless it is being undone. */
export function effektiv(ai: AgendaInsats, agenda: MoteAgenda, ko: KoItem[], angrade: string[]): Effektiv | null {
  const queued = ko.filter((k): k is Extract<KoItem, { typ: 'evaluate' }> => k.typ === 'evaluate' && k.args.insatsId === ai.insats.id).at(-1);
  if (queued) {
    const a = queued.args;
    const rek = recommendDecision({ bedomning: a.bedomning, maletNatt: a.maletNatt ?? false, kedja: ai.kedja }).rekommendation;
    return {
      bedomning: a.bedomning, maletNatt: a.maletNatt ?? false, underlag: a.underlag ?? '', beslut: a.beslut, rekommendation: rek,
      motivering: a.motivering ?? null, foljdBeskrivning: a.foljdinsats?.beskrivning ?? null, sparad: false,
    };
  }
  const key = agenda.angerbara.filter((x) => x.typ === 'bedomning' && x.insatsId === ai.insats.id).at(-1)?.nyckel;
  if (!ai.bedomning || (key && angrade.includes(key))) return null;
  const b = ai.bedomning;
  return {
    bedomning: b.bedomning, maletNatt: b.maletNatt, underlag: b.underlag, beslut: b.beslut, rekommendation: b.rekommendation,
    motivering: b.motivering, foljdBeskrivning: ai.foljdinsats?.beskrivning ?? null, sparad: true,
  };
}

export function effektivUtredning(k: UtredningKandidat, agenda: MoteAgenda, ko: KoItem[], angrade: string[]): (UtredningKandidat['beslut'] & { sparad: boolean }) | null {
  const queued = ko.filter((x): x is Extract<KoItem, { typ: 'utredning' }> => x.typ === 'utredning' && x.args.elevId === k.elevId).at(-1);
  if (queued) {
    const a = queued.args;
    return { beslut: a.beslut, motivering: a.motivering ?? null, utredningId: null, ansvarigId: a.ansvarigId ?? null, deadline: a.deadline ?? null, sparad: false };
  }
  const key = agenda.angerbara.filter((x) => x.typ === 'utredningsbeslut' && x.elevId === k.elevId).at(-1)?.nyckel;
  if (!k.beslut || (key && angrade.includes(key))) return null;
  return { ...k.beslut, sparad: true };
}

/** The arguments Enter sends: the draft with the recommendation filled in, and the prefilled follow-on. */
export function evaluateArgs(ai: AgendaInsats, u: Utkast, moteId: number, motesdatum: string, nyckel: string) {
  const rek = rekommendation(ai, u);
  if (!u.bedomning || !rek) return null;
  const beslut = u.beslut ?? rek.rekommendation;
  const foljd = skaparFoljdinsats(beslut) ? (u.foljd ?? standardFoljd(ai, beslut, motesdatum)) : null;
  return {
    moteId,
    nyckel,
    insatsId: ai.insats.id,
    bedomning: u.bedomning,
    maletNatt: u.maletNatt,
    underlag: u.underlag.trim(),
    beslut,
    motivering: beslut !== rek.rekommendation ? u.motivering.trim() : null,
    foljdinsats: foljd,
  };
}

export function vemText(ai: AgendaInsats, agenda: MoteAgenda): string {
  const i = ai.insats;
  if (i.niva === 'individ') return i.elevId !== null ? (agenda.elever[i.elevId]?.namn ?? 'Elev') : 'Elev';
  if (i.niva === 'grupp') return `Grupp ${i.grupp ?? ''}`;
  if (i.niva === 'larare') return `Lärare ${agenda.personal.find((p) => p.id === i.larareId)?.namn ?? ''}`;
  return 'Organisationen';
}

/**
 * The heading of the EHT-möten page's first open meeting: "Nästa möte" only when its date is today or later; a
 * meeting whose date has passed without being closed is called what it is.
 */
export function nastaMoteRubrik(datum: string, idag: string): string {
  return datum >= idag ? 'Nästa möte' : 'Inte avslutat (datumet har passerat)';
}
