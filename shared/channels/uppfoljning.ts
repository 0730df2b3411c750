// Channels of uppföljning (ledarhandling steps 5, 7 and 8) and what leaves the app for the huvudman: resultatdialoger
// with their question bank, the avstämning, utvecklingsområden, the year-end, Översikt's year and charts, the
// pseudonymised year report and the registerutdrag (GDPR art. 15).
import { z } from 'zod';
import { BEDOMNINGAR } from '../model';
import { id, isoDate, optionalText, text } from '../validation';
import { returns } from './define';
import type { ExportFil } from './plan';
import {
  OMFATTNINGAR,
  UTVECKLING_STATUSAR,
  type ArsavslutVy,
  type AvstamningVy,
  type Fraga,
  type OversiktDiagram,
  type OversiktUppfoljning,
  type Resultatdialog,
  type ResultatdialogRad,
  type ResultatdialogVal,
  type ResultatdialogVy,
  type Utvecklingsomrade,
} from './uppfoljningTypes';

export * from './uppfoljningTypes';

const optionalId = id.nullable().default(null);
const langText = (falt: string) => optionalText(falt, 20_000);
const arskurs = z.number().int().min(0, 'Årskursen ska vara F–9.').max(9, 'Årskursen ska vara F–9.');

export const resultatdialogCreateArgs = z
  .object({
    varvId: id,
    omfattning: z.enum(OMFATTNINGAR, { error: 'Välj lärare, ämneslag eller arbetslag.' }),
    larareId: optionalId,
    amneId: optionalId,
    arskurser: z.array(arskurs).max(10).default([]),
    datum: isoDate.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.omfattning === 'larare' && v.larareId === null) ctx.addIssue({ code: 'custom', path: ['larareId'], message: 'Välj vilken lärare dialogen gäller.' });
    if (v.omfattning === 'amneslag' && v.amneId === null) ctx.addIssue({ code: 'custom', path: ['amneId'], message: 'Välj vilket ämneslag dialogen gäller.' });
    if (v.omfattning === 'arbetslag' && v.arskurser.length === 0) ctx.addIssue({ code: 'custom', path: ['arskurser'], message: 'Välj vilka årskurser arbetslaget har.' });
  });

export const uppfoljningChannels = {
  'fragebank:list': {
    summary: "Steg 5: the skolledning's reusable questions for resultatdialoger, in order (inactive ones too when asked).",
    args: z.object({ inklusiveInaktiva: z.boolean().default(false) }),
    result: returns<Fraga[]>(),
  },
  'fragebank:save': {
    summary: 'Steg 5: adds a question (id null) or changes its text or whether it is in use.',
    args: z.object({ id: optionalId, text: text('Frågan', 500), aktiv: z.boolean().default(true) }),
    result: returns<Fraga>(),
  },
  'fragebank:move': {
    summary: 'Steg 5: moves a question one step up or down in the bank.',
    args: z.object({ id, riktning: z.enum(['upp', 'ner'], { error: 'Riktningen ska vara upp eller ner.' }) }),
    result: returns<Fraga[]>(),
  },

  'resultatdialog:val': {
    summary: 'Steg 5: who a dialogue can be with: teachers (with their groups), subjects (ämneslag) and årskurser (arbetslag).',
    args: z.object({}).strict(),
    result: returns<ResultatdialogVal>(),
  },
  'resultatdialog:list': {
    summary: 'Steg 5: the resultatdialoger of a varv (null = the current varv).',
    args: z.object({ varvId: optionalId }),
    result: returns<ResultatdialogRad[]>(),
  },
  'resultatdialog:create': {
    summary: "Steg 5: a dialogue with a teacher, ämneslag or arbetslag in a varv; links last varv's plan for the same scope and takes the bank's questions.",
    args: resultatdialogCreateArgs,
    result: returns<ResultatdialogVy>(),
  },
  'resultatdialog:get': {
    summary: "Steg 5: one dialogue with the criteria summary of its groups and the previous varv's plan (\"hur gick det?\").",
    args: z.object({ id }),
    result: returns<ResultatdialogVy>(),
  },
  'resultatdialog:pdf': {
    summary: 'Steg 5: one dialogue printed for the teacher (PDF): the template, last varv\'s plan, the questions and the criteria summary per group; no teacher pattern.',
    args: z.object({ id }),
    result: returns<ExportFil>(),
  },
  'resultatdialog:save': {
    summary: "Steg 5: saves (autosave) the template's fields, the follow-up of last varv's plan, the date or status.",
    args: z.object({
      id,
      iakttagelser: langText('Iakttagelserna').optional(),
      forandring: langText('Förändringen').optional(),
      forvantadEffekt: langText('Förväntad effekt').optional(),
      uppfoljningPlan: langText('Uppföljningen').optional(),
      hurGickDet: langText('Hur gick det').optional(),
      foregaendeEffekt: z.enum(BEDOMNINGAR, { error: 'Välj en bedömning av effekten.' }).nullable().optional(),
      datum: isoDate.optional(),
      status: z.enum(['planerad', 'genomford'], { error: 'Status ska vara planerad eller genomförd.' }).optional(),
    }),
    result: returns<Resultatdialog>(),
  },
  'resultatdialog:setFragor': {
    summary: 'Steg 5: which questions of the bank the dialogue uses, in order (answers to kept questions stay).',
    args: z.object({ id, fragaIds: z.array(id).max(50) }),
    result: returns<Resultatdialog>(),
  },
  'resultatdialog:svar': {
    summary: 'Steg 5: saves (autosave) what was said to one question in the dialogue.',
    args: z.object({ id, fragaId: id, svar: langText('Svaret') }),
    result: returns<Resultatdialog>(),
  },
  'resultatdialog:delete': {
    summary: 'Steg 5: removes a dialogue that was created by mistake.',
    args: z.object({ id }),
    result: returns<null>(),
  },

  'avstamning:get': {
    summary: 'Steg 7: the avstämning of a varv (null = current): which årskurser are done (from held dialogues or by hand), notes, status.',
    args: z.object({ varvId: optionalId }),
    result: returns<AvstamningVy>(),
  },
  'avstamning:save': {
    summary: 'Steg 7: saves (autosave) the avstämning: date, notes, årskurser marked done by hand, status.',
    args: z.object({
      varvId: id,
      datum: isoDate.nullable().optional(),
      anteckningar: langText('Anteckningarna').optional(),
      arskurserKlara: z.array(arskurs).max(10).optional(),
      status: z.enum(['pagar', 'klar'], { error: 'Status ska vara pågår eller klar.' }).optional(),
      /** Marks it klar although parts are undone (the user was asked and confirmed). */
      bekraftat: z.boolean().optional(),
    }),
    result: returns<AvstamningVy>(),
  },

  'utvecklingsomrade:list': {
    summary: 'Steg 5/7: the school-wide utvecklingsområden with the varv each came from and its status history.',
    args: z.object({}).strict(),
    result: returns<Utvecklingsomrade[]>(),
  },
  'utvecklingsomrade:create': {
    summary: 'Steg 5/7: a new utvecklingsområde for systematiskt kvalitetsarbete, from a varv.',
    args: z.object({ titel: text('Rubriken', 200), beskrivning: langText('Beskrivningen').default(''), franVarvId: optionalId }),
    result: returns<Utvecklingsomrade>(),
  },
  'utvecklingsomrade:update': {
    summary: "Changes an utvecklingsområde's title or description.",
    args: z.object({ id, titel: text('Rubriken', 200), beskrivning: langText('Beskrivningen').default('') }),
    result: returns<Utvecklingsomrade>(),
  },
  'utvecklingsomrade:setStatus': {
    summary: 'Records a new status of an utvecklingsområde in a varv, with a comment (kept as history).',
    args: z.object({
      id,
      status: z.enum(UTVECKLING_STATUSAR, { error: 'Välj status: identifierat, pågår, genomfört eller avslutat.' }),
      kommentar: optionalText('Kommentaren', 2000).default(''),
      varvId: optionalId,
    }),
    result: returns<Utvecklingsomrade>(),
  },

  'arsavslut:get': {
    summary: 'Steg 8: the year-end of a läsår (null = current): the changes assembled from the data, the baseline plan beside what happened.',
    args: z.object({ lasarId: optionalId }),
    result: returns<ArsavslutVy>(),
  },
  'arsavslut:save': {
    summary: 'Steg 8: saves (autosave) what still needs changing, the new plan version and when it was checked with EHT and förstelärare.',
    args: z.object({
      lasarId: id,
      behoverGoras: langText('Det som behöver göras').optional(),
      planVersionId: id.nullable().optional(),
      avstamdEht: isoDate.nullable().optional(),
      avstamdForstelarare: isoDate.nullable().optional(),
      status: z.enum(['pagar', 'klar'], { error: 'Status ska vara pågår eller klar.' }).optional(),
      /** Marks it klar although parts are undone (the user was asked and confirmed). */
      bekraftat: z.boolean().optional(),
    }),
    result: returns<ArsavslutVy>(),
  },

  'oversikt:uppfoljning': {
    summary: 'Översikt: the next meeting and what is due for it, insatser without a follow-up person, pupils at behörighet risk (åk 7–9).',
    args: z.object({}).strict(),
    result: returns<OversiktUppfoljning>(),
  },
  'oversikt:diagram': {
    summary: 'Översikt: effect judgements per varv, decisions per varv and pupils with active insatser per årskurs.',
    args: z.object({}).strict(),
    result: returns<OversiktDiagram>(),
  },

  'rapport:arsrapport': {
    summary: "The huvudman's pseudonymised year report (no names or ids, small counts suppressed) as PDF, DOCX or JSON.",
    args: z.object({
      format: z.enum(['pdf', 'docx', 'json'], { error: 'Formatet ska vara pdf, docx eller json.' }),
      lasarId: optionalId,
    }),
    result: returns<ExportFil>(),
  },
  'rapport:registerutdrag': {
    summary: 'Registerutdrag (GDPR art. 15): everything stored about one pupil, as PDF or JSON.',
    args: z.object({ elevId: id, format: z.enum(['pdf', 'json'], { error: 'Formatet ska vara pdf eller json.' }) }),
    result: returns<ExportFil>(),
  },
} as const;

export type ResultatdialogCreateArgs = z.output<typeof resultatdialogCreateArgs>;
