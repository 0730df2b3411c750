// Channels of the EHT-möte (ledarhandling steps 4 and 6): preparing a meeting, its agenda in one reply, meeting
// mode's evaluations and decisions (idempotent by a client key, undoable), closing, the protokoll, utredningar and
// a pupil's history.
import { z } from 'zod';
import type { AmneKriterier, KedjeBedomning, TeacherPattern } from '../domain/index';
import {
  BEDOMNINGAR,
  BESLUT,
  UTREDNING_UTFALL,
  type Beslut,
  type Effektbedomning,
  type Insats,
  type InsatsStatus,
  type MoteStatus,
  type MoteTyp,
  type Roll,
  type UtredningUtfall,
  type Varv,
} from '../model';
import { id, isoDate, optionalText, text } from '../validation';
import { insatsFields, requireInsatsTarget } from './core';
import { returns } from './define';

export const MOTE_EHT_TYPER = ['forsta_eht', 'eht'] as const;
export type MoteEhtTyp = (typeof MOTE_EHT_TYPER)[number];

export interface MoteDeltagare {
  personalId: number | null;
  namn: string;
  funktion: string;
  inbjuden: boolean;
}

export interface MoteRad {
  id: number;
  lasarId: number;
  varvId: number | null;
  varvNummer: number | null;
  typ: MoteTyp;
  datum: string;
  status: MoteStatus;
  anteckningar: string;
  avslutat: string | null;
  antalDeltagare: number;
  antalBedomningar: number;
}

export interface Mote extends MoteRad {
  deltagare: MoteDeltagare[];
}

export interface AgendaPerson {
  id: number;
  namn: string;
  roller: Roll[];
}

export interface AgendaElev {
  id: number;
  namn: string;
  klass: string | null;
  /** The Elev-ID from the school platform: tells two pupils with the same name and class apart. */
  externId: string | null;
}

/** One insats earlier in the chain, with what was judged and decided about it. */
export interface KedjeLank {
  insatsId: number;
  beskrivning: string;
  startdatum: string;
  status: InsatsStatus;
  bedomningar: Pick<Effektbedomning, 'datum' | 'bedomning' | 'beslut' | 'motivering' | 'underlag'>[];
}

/** Results behind the evidence: the pupil's levels in the subject, or the group's count not reaching, per occasion. */
export interface ResultatPunkt {
  tillfalle: string;
  datum: string;
  /** Individ: the level (A–F, ej_natt…). Grupp: "4 av 22 når inte". */
  varde: string;
  ejNadda: number | null;
  antal: number | null;
}

export interface AgendaInsats {
  insats: Insats;
  /** Earlier evaluations in the chain before this meeting, oldest first: the input of recommendDecision. */
  kedja: KedjeBedomning[];
  /** The insatser this one replaced, oldest first. */
  historik: KedjeLank[];
  resultat: ResultatPunkt[];
  /** "F → E" from the last result before the chain started to the latest one by the meeting; null without results. */
  resultatforandring: string | null;
  /** This meeting's evaluation, when made. */
  bedomning: Effektbedomning | null;
  /** The follow-on insats this meeting decided (intensifiera, förändra). */
  foljdinsats: Insats | null;
}

export interface UtredningKandidat {
  elevId: number;
  insatsIds: number[];
  veckor: number;
  skal: string;
  foreslagenDeadline: string;
  /** Why the suggestion is moved (a lov, the läsår's end, a helgdag); null when it is the meeting date plus the days. */
  foreslagenDeadlineSkal: string | null;
  beslut: {
    beslut: 'inled' | 'inte_nu';
    motivering: string | null;
    utredningId: number | null;
    ansvarigId: number | null;
    deadline: string | null;
  } | null;
}

export interface UtredningRad {
  id: number;
  elevId: number;
  elev: string;
  klass: string | null;
  ansvarigId: number;
  ansvarig: string;
  startdatum: string;
  deadline: string;
  status: 'pagar' | 'avslutad';
  utfall: UtredningUtfall | null;
  avslutadDatum: string | null;
  beslutadVidMoteId: number | null;
  /** Days past the deadline (open utredningar only), else 0. */
  dagarForsenad: number;
}

export interface AgendaAmne {
  amneId: number;
  amne: string;
  antalElever: number;
  antalEjNadda: number;
  kriterier: AmneKriterier['kriterier'];
}

/** Per group at the reviewed occasion: how many do not reach, where, and which criteria. */
export interface AgendaGrupp {
  gruppId: number;
  grupp: string;
  antalElever: number;
  /** Pupils not reaching the goals in at least one subject. */
  antalEjNadda: number;
  /** The same at the occasion before; null when the group had no results then. */
  foregaendeEjNadda: number | null;
  /** The subjects where the largest share does not reach, at most three. */
  amnen: { amne: string; antal: number; antalEjNadda: number }[];
  /** The criteria most pupils in the group miss, at most three. */
  kriterier: { amne: string; kriterium: string; antalEjNadda: number }[];
}

/**
 * Which results the meeting reviews: a första EHT-möte last term's (the latest occasion before the term began), an
 * EHT-möte its varv's; 'senaste' when the varv has no results yet and the latest before the meeting is shown.
 */
export type AgendaResultatUrval = 'forra_terminen' | 'varvet' | 'senaste';

export interface MoteAgenda {
  mote: Mote;
  varv: Varv | null;
  personal: AgendaPerson[];
  elever: Record<number, AgendaElev>;
  insatser: AgendaInsats[];
  /** New insatser decided at this meeting that are not follow-ons of an evaluated one. */
  nyaInsatser: Insats[];
  utredningskandidater: UtredningKandidat[];
  /** Open utredningar; those past their deadline by the meeting date have dagarForsenad > 0. */
  utredningar: UtredningRad[];
  lararmonster: (TeacherPattern & { larare: string; amne: string })[];
  resultat: { tillfalle: string | null; datum: string | null; urval: AgendaResultatUrval; amnen: AgendaAmne[]; grupper: AgendaGrupp[] };
  anteckningar: Record<string, string>;
  /** This meeting's changes that can still be undone, oldest first, with what each touched. */
  angerbara: Angerbar[];
}

export interface Angerbar {
  nyckel: string;
  typ: 'bedomning' | 'utredningsbeslut' | 'insats';
  insatsId: number | null;
  elevId: number | null;
}

export interface HistorikHandelse {
  datum: string;
  typ: 'insats' | 'bedomning' | 'utredningsbeslut' | 'utredning' | 'utredning_avslutad';
  rubrik: string;
  text: string;
  insatsId: number | null;
  moteId: number | null;
  /** utredning_avslutad with "beslut att inte upprätta åtgärdsprogram": last day of the appeal counted from the decision day. */
  overklagandeSenast?: string;
}

export interface ElevHistorik {
  elev: AgendaElev & { arskurs: number };
  insatser: Insats[];
  utredningar: UtredningRad[];
  handelser: HistorikHandelse[];
}

const nyckel = z
  .string({ error: 'Ändringens nyckel saknas.' })
  .min(8, 'Ändringens nyckel är för kort.')
  .max(80, 'Ändringens nyckel är för lång.');

const deltagare = z.object({
  personalId: id.nullable().default(null),
  namn: optionalText('Namn', 120).default(''),
  funktion: optionalText('Funktion', 120).default(''),
  inbjuden: z.boolean().default(false),
});

export const foljdinsatsArgs = z.object({
  beskrivning: text('Beskrivning av den nya insatsen', 2000),
  forvantadEffekt: optionalText('Förväntad effekt', 2000).default(''),
  genomforsAvId: id.nullable().default(null),
  aterkopplarId: id.nullable().default(null),
  startdatum: isoDate.nullable().default(null),
});
export type FoljdinsatsArgs = z.input<typeof foljdinsatsArgs>;

export const moteEvaluateArgs = z.object({
  moteId: id,
  nyckel,
  insatsId: id,
  bedomning: z.enum(BEDOMNINGAR, { error: 'Välj en bedömning av effekten (1–5).' }),
  maletNatt: z.boolean().default(false),
  underlag: optionalText('Underlag').default(''),
  beslut: z.enum(BESLUT, { error: 'Välj ett beslut.' }),
  motivering: optionalText('Motivering').nullable().default(null),
  /** For intensifiera and förändra; left out, the follow-on copies the insats. */
  foljdinsats: foljdinsatsArgs.nullable().default(null),
});
export type MoteEvaluateArgs = z.input<typeof moteEvaluateArgs>;

export const moteInsatsArgs = insatsFields
  .extend({ moteId: id, nyckel, startdatum: isoDate.nullable().default(null) })
  .superRefine(requireInsatsTarget);

export interface EvaluateResult {
  bedomning: Effektbedomning;
  rekommendation: Beslut;
  insatsStatus: InsatsStatus;
  foljdinsats: Insats | null;
  /** True when the key had been applied before (a replay): nothing changed. */
  upprepad: boolean;
  /** The utredning candidates as this judgement leaves them (the rule reads the meeting's judgements). */
  utredningskandidater: UtredningKandidat[];
  /** The candidates' pupils, for those not already in the agenda. */
  kandidatElever: Record<number, AgendaElev>;
}

export interface UndoResult {
  /** What was undone, in Swedish, for the status line; null when there was nothing to undo. */
  text: string | null;
  nyckel: string | null;
}

export const moteChannels = {
  'mote:list': {
    summary: 'The EHT-möten (första EHT and EHT) of the current läsår, by date, with status and counts.',
    args: z.object({}).strict(),
    result: returns<MoteRad[]>(),
  },
  'mote:create': {
    summary: 'Prepares a new EHT-möte (första EHT-möte or EHT-möte) in a varv, with date and participants incl. invited guests.',
    args: z.object({
      typ: z.enum(MOTE_EHT_TYPER, { error: 'Välj första EHT-mötet eller EHT-möte.' }),
      varvId: id.nullable().default(null),
      datum: isoDate,
      deltagare: z.array(deltagare).max(60, 'Högst 60 deltagare.').default([]),
    }),
    result: returns<Mote>(),
  },
  'mote:update': {
    summary: 'Changes date, participants or notes of a meeting that is not closed.',
    args: z.object({
      id,
      datum: isoDate.optional(),
      deltagare: z.array(deltagare).max(60, 'Högst 60 deltagare.').optional(),
      anteckningar: optionalText('Anteckningar', 20000).optional(),
    }),
    result: returns<Mote>(),
  },
  'mote:agenda': {
    summary: 'Everything meeting mode needs in one reply: due insatser with chain and evidence, utredning candidates, open utredningar, teacher patterns, the criteria summary and new insatser.',
    args: z.object({ moteId: id }),
    result: returns<MoteAgenda>(),
  },
  'mote:evaluate': {
    summary: 'Judgement + decision (+ motivation when it departs from the rule) for one insats at the meeting; intensifiera/förändra create the follow-on insats in the chain, avsluta/ta bort close it. Idempotent per nyckel.',
    args: moteEvaluateArgs,
    result: returns<EvaluateResult>(),
  },
  'mote:utredningsbeslut': {
    summary: 'The utredning decision for a pupil the rule lists: inled (ansvarig, deadline) or inte nu (motivering). Idempotent per nyckel.',
    args: z
      .object({
        moteId: id,
        nyckel,
        elevId: id,
        beslut: z.enum(['inled', 'inte_nu'], { error: 'Välj inled utredning eller inte nu.' }),
        motivering: optionalText('Motivering').nullable().default(null),
        ansvarigId: id.nullable().default(null),
        deadline: isoDate.nullable().default(null),
      })
      .superRefine((v, ctx) => {
        if (v.beslut === 'inte_nu' && !v.motivering) {
          ctx.addIssue({ code: 'custom', path: ['motivering'], message: 'Skriv varför ni inte inleder en utredning nu.' });
        }
        if (v.beslut === 'inled' && (v.ansvarigId === null || v.deadline === null)) {
          ctx.addIssue({ code: 'custom', path: ['ansvarigId'], message: 'En utredning behöver en ansvarig och en deadline.' });
        }
      }),
    result: returns<UtredningKandidat>(),
  },
  'mote:insats': {
    summary: 'A new insats decided at the meeting (any level, e.g. handledning for a teacher). Idempotent per nyckel.',
    args: moteInsatsArgs,
    result: returns<Insats>(),
  },
  'mote:insatsUpdate': {
    summary: 'Edits an insats this meeting decided (follow-on or new) before the meeting is closed.',
    args: z.object({
      moteId: id,
      insatsId: id,
      beskrivning: text('Beskrivning', 2000).optional(),
      forvantadEffekt: optionalText('Förväntad effekt', 2000).optional(),
      genomforsAvId: id.nullable().optional(),
      aterkopplarId: id.nullable().optional(),
      startdatum: isoDate.optional(),
    }),
    result: returns<Insats>(),
  },
  'mote:anteckning': {
    summary: 'Saves the note of one agenda item (autosave).',
    args: z.object({ moteId: id, punkt: z.string().min(1).max(60), text: optionalText('Anteckning', 20000) }),
    result: returns<{ punkt: string; text: string }>(),
  },
  'mote:undo': {
    summary: "Undoes the meeting's latest change exactly (evaluation with its follow-on insats and status, utredning decision, new insats). With nyckel: only that change, and only if it is the latest; a repeated undo does nothing.",
    args: z.object({ moteId: id, nyckel: nyckel.nullable().default(null) }),
    result: returns<UndoResult>(),
  },
  'mote:close': {
    summary: 'Closes the meeting; refuses with a Swedish sentence naming every pupil the utredning rule lists without a decision.',
    args: z.object({ moteId: id, avslutatAvId: id.nullable().default(null) }),
    result: returns<Mote>(),
  },
  'mote:protokoll': {
    summary: 'The EHT-protokoll as PDF (base64), optionally pseudonymised (initials + code instead of names).',
    args: z.object({ moteId: id, pseudonymiserad: z.boolean().default(false) }),
    result: returns<{ filnamn: string; base64: string }>(),
  },
  'elev:historik': {
    summary: "A pupil's insats history: every insats with its evaluations, decisions and utredningar as a timeline.",
    args: z.object({ elevId: id }),
    result: returns<ElevHistorik>(),
  },
  'utredning:list': {
    summary: 'Utredningar: all, the open ones, or the overdue ones (open and past their deadline today).',
    args: z.object({ urval: z.enum(['alla', 'oppna', 'forsenade']).default('oppna') }),
    result: returns<UtredningRad[]>(),
  },
  'utredning:close': {
    summary: 'Records the outcome of an utredning: åtgärdsprogram upprättas, or beslut att inte upprätta åtgärdsprogram (appealable).',
    args: z.object({
      id,
      utfall: z.enum(UTREDNING_UTFALL, { error: 'Välj utfall av utredningen.' }),
      datum: isoDate.nullable().default(null),
    }),
    result: returns<UtredningRad>(),
  },
} as const;

