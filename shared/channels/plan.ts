// Channels of Förberedelse (ledarhandling 1–3): the tool inventory, discussion answers and Fundera (used by every
// step), the plan's draft, calendar, versions, återkoppling and exports.
import { z } from 'zod';
import {
  FORMAGA_VARDEN,
  LOV_TYPER,
  PLAN_FRAGA_KEYS,
  VERKTYG_FORMAGA_KEYS,
  type FormagaVarde,
  type Lov,
  type LovVecka,
  type PlanFragaKey,
  type PlanInnehall,
  type VerktygFormaga,
} from '../domain/index';
import type { Varv } from '../model';
import { id, isoDate, optionalText, text } from '../validation';
import { returns } from './define';

export interface Verktyg {
  id: number;
  namn: string;
  beskrivning: string;
  /** `uppdaterad`: when the comment was last stored (null: never), so a local draft can be reconciled with it. */
  formagor: Record<VerktygFormaga, { varde: FormagaVarde | null; kommentar: string; uppdaterad: string | null }>;
}

export interface Diskussionssvar {
  fragaNr: number;
  svar: string;
  uppdaterad: string;
}

export interface Reflektion {
  steg: number;
  varvId: number | null;
  moteId: number | null;
  utfall: string;
  varfor: string;
  nastaSteg: string;
  /** null until something has been saved. */
  uppdaterad: string | null;
}

export type PlanSvar = Partial<Record<PlanFragaKey, string>>;

export interface PlanUtkast {
  svar: PlanSvar;
  uppdaterad: string | null;
}

export interface PlanKalender {
  lasar: { id: number; namn: string; startdatum: string; slutdatum: string; antalVarv: number; varvLangdVeckor: number };
  lov: Lov[];
  lovVeckor: LovVecka[];
  forstaEht: string | null;
  varv: Varv[];
  /** Swedish sentences about dates that break the plan's order or fall in a lov week; saving is still allowed. */
  varningar: string[];
}

export interface PlanVersionInfo {
  id: number;
  nummer: number;
  skapad: string;
  skapadAv: string;
  orsak: string;
  isBaseline: boolean;
  /** The läsår the version belongs to (saved in; a baseline is that läsår's). */
  lasarId: number | null;
  lasarNamn: string | null;
}

export interface PlanVersion extends PlanVersionInfo {
  innehall: PlanInnehall;
}

export interface Aterkoppling {
  id: number;
  versionId: number;
  versionNummer: number;
  till: string;
  delar: string[];
  meddelande: string;
  skickad: string;
  filnamn: string | null;
  svar: string;
  mottagen: string | null;
}

/** The current läsår's baseline: frozen, or when it will be (issue 5: "frozen when the läsår starts"). */
export interface PlanBaslinjeLage {
  lasar: { id: number; namn: string; startdatum: string; slutdatum: string };
  /** The läsår's baseline, or null while none is frozen. */
  baslinje: PlanVersionInfo | null;
  /** True when Varvet froze it by itself as the läsår started (recorded as made by "Varvet (vid läsårets start)"). */
  automatisk: boolean;
  /** No baseline yet and the läsår has not started: the day the plan in force will be frozen. */
  frysesDatum: string | null;
  /** Until this day (the first varv's EHT-möte, not yet begun) the skolledning may set the baseline again; else null. */
  andrasSenast: string | null;
}

/** One step's Fundera and discussion answers for one varv or meeting (or for the step as a whole). */
export interface ArsReflektionDel {
  varvNummer: number | null;
  /** For the steps kept per meeting (4 and 6): the meeting's date. */
  moteDatum: string | null;
  /** null when nothing is written in Utfall, Varför or Nästa steg. */
  fundera: { utfall: string; varfor: string; nastaSteg: string } | null;
  /** The answered discussion questions, by their number in the step (seed 001's order). */
  diskussion: { fragaNr: number; svar: string }[];
}

/** Step 8 shows again what was written after every step of the year: per step, per varv where it repeats. */
export interface ArsReflektioner {
  lasarId: number;
  steg: { steg: number; delar: ArsReflektionDel[] }[];
}

/** A generated document: the renderer saves it (a download in browser mode). */
export interface ExportFil {
  filnamn: string;
  mime: string;
  base64: string;
}

export const EXPORT_FORMAT = ['pdf', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMAT)[number];

const steg = z.number({ error: 'Steg saknas.' }).int().min(1, 'Steget ska vara 1–8.').max(8, 'Steget ska vara 1–8.');
const optionalId = id.nullable().default(null);
const format = z.enum(EXPORT_FORMAT, { error: 'Formatet ska vara pdf eller docx.' });
const svarText = optionalText('Svaret', 20_000);

export const lovSchema = z.object({
  typ: z.enum(LOV_TYPER, { error: 'Välj typ av lov.' }),
  namn: text('Lovets namn', 60),
  fran: isoDate,
  till: isoDate,
});

export const KALENDER_DATUM_FALT = ['forstaEht', 'bedomningSenast', 'resultatdialog', 'eht', 'avstamning'] as const;
export type KalenderDatumFalt = (typeof KALENDER_DATUM_FALT)[number];

export const planChannels = {
  'verktyg:list': {
    summary: 'Steg 1: the documentation tools with their seven capabilities (ja/delvis/nej + kommentar).',
    args: z.object({}).strict(),
    result: returns<Verktyg[]>(),
  },
  'verktyg:create': {
    summary: 'Steg 1: adds a tool to the inventory.',
    args: z.object({ namn: text('Verktygets namn', 120), beskrivning: optionalText('Beskrivningen', 2000).default('') }),
    result: returns<Verktyg>(),
  },
  'verktyg:update': {
    summary: "Steg 1: renames a tool or changes its description.",
    args: z.object({ id, namn: text('Verktygets namn', 120), beskrivning: optionalText('Beskrivningen', 2000).default('') }),
    result: returns<Verktyg>(),
  },
  'verktyg:setFormaga': {
    summary: 'Steg 1: records whether a tool gives one capability (ja/delvis/nej, or null = not judged) and a comment.',
    args: z.object({
      verktygId: id,
      formaga: z.enum(VERKTYG_FORMAGA_KEYS as [VerktygFormaga, ...VerktygFormaga[]], { error: 'Okänd förmåga.' }),
      varde: z.enum(FORMAGA_VARDEN, { error: 'Välj ja, delvis eller nej.' }).nullable(),
      kommentar: optionalText('Kommentaren', 2000).default(''),
    }),
    result: returns<Verktyg>(),
  },
  'verktyg:delete': {
    summary: 'Steg 1: removes a tool and its answers.',
    args: z.object({ id }),
    result: returns<null>(),
  },

  'diskussion:get': {
    summary: 'Answers to a step\'s "Diskutera i skolledningen" questions (per varv for steps 5–7).',
    args: z.object({ steg, varvId: optionalId }),
    result: returns<Diskussionssvar[]>(),
  },
  'diskussion:save': {
    summary: 'Saves (autosave) the answer to one discussion question of a step.',
    args: z.object({ steg, varvId: optionalId, fragaNr: z.number().int().min(1).max(20), svar: svarText }),
    result: returns<Diskussionssvar>(),
  },

  'reflektion:get': {
    summary: 'Fundera of a step (per varv or meeting where the step repeats): Utfall, Varför, Nästa steg.',
    args: z.object({ steg, varvId: optionalId, moteId: optionalId }),
    result: returns<Reflektion>(),
  },
  'reflektion:save': {
    summary: 'Saves (autosave) a Fundera reflection.',
    args: z.object({
      steg,
      varvId: optionalId,
      moteId: optionalId,
      utfall: svarText,
      varfor: svarText,
      nastaSteg: svarText,
    }),
    result: returns<Reflektion>(),
  },
  'reflektion:list': {
    summary: 'Every saved Fundera reflection, by step and varv (the year-end shows them again).',
    args: z.object({}).strict(),
    result: returns<Reflektion[]>(),
  },
  'reflektion:arsavslut': {
    summary: 'Step 8: every step\'s Fundera and discussion answers of a läsår (null: the current one), per step and varv, to read again.',
    args: z.object({ lasarId: optionalId }),
    result: returns<ArsReflektioner>(),
  },

  'plan:utkast': {
    summary: 'Steg 3: the plan being written (answers to the step\'s questions).',
    args: z.object({}).strict(),
    result: returns<PlanUtkast>(),
  },
  'plan:utkastSave': {
    summary: 'Steg 3: saves (autosave) the plan\'s answers.',
    args: z.object({ svar: z.partialRecord(z.enum(PLAN_FRAGA_KEYS as [PlanFragaKey, ...PlanFragaKey[]]), svarText) }),
    result: returns<PlanUtkast>(),
  },
  'plan:kalender': {
    summary: 'Steg 3: the calendar of the current läsår: lov, första EHT-mötet and each varv\'s dates, with warnings.',
    args: z.object({}).strict(),
    result: returns<PlanKalender>(),
  },
  'plan:setDatum': {
    summary: 'Steg 3: moves one date of the calendar; the varv row and its planned meeting change together.',
    args: z
      .object({ falt: z.enum(KALENDER_DATUM_FALT, { error: 'Okänt datumfält.' }), varvId: optionalId, datum: isoDate })
      .refine((v) => v.falt === 'forstaEht' || v.varvId !== null, { message: 'Ange vilket varv datumet gäller.', path: ['varvId'] }),
    result: returns<PlanKalender>(),
  },
  'plan:setLov': {
    summary: 'Steg 3: replaces the läsår\'s lov weeks (dates are kept; ask for a new schedule to move them).',
    args: z.object({ lov: z.array(lovSchema).max(20) }),
    result: returns<PlanKalender>(),
  },
  'plan:foreslaSchema': {
    summary: 'Steg 3: "Föreslå nytt schema" from the läsår, its lov and the number and length of varv; planned meetings move.',
    args: z.object({
      antalVarv: z.number().int().min(5, 'Antal varv ska vara 5 eller 6.').max(6, 'Antal varv ska vara 5 eller 6.'),
      varvLangdVeckor: z.number().int().min(5, 'Ett varv ska vara 5 eller 6 veckor.').max(6, 'Ett varv ska vara 5 eller 6 veckor.'),
    }),
    result: returns<PlanKalender>(),
  },
  'plan:snapshot': {
    summary: 'The current plan (draft answers + calendar) as a snapshot, for comparison with a version.',
    args: z.object({}).strict(),
    result: returns<PlanInnehall>(),
  },
  'plan:versioner': {
    summary: 'The plan\'s versions, newest first, with who/when/why and which one is the baseline.',
    args: z.object({}).strict(),
    result: returns<PlanVersionInfo[]>(),
  },
  'plan:version': {
    summary: 'One version of the plan with its frozen content.',
    args: z.object({ id }),
    result: returns<PlanVersion>(),
  },
  'plan:sparaVersion': {
    summary: 'Freezes the current plan as a new version of the current läsår (who and why); baslinje marks it as that läsår\'s baseline, once.',
    args: z.object({ skapadAv: text('Vem som sparar', 120), orsak: optionalText('Orsaken', 2000).default(''), baslinje: z.boolean().default(false) }),
    result: returns<PlanVersionInfo>(),
  },
  'plan:baslinjeLage': {
    summary: 'The current läsår\'s baseline: which version, whether Varvet froze it at the läsår start, or when it will be frozen.',
    args: z.object({}).strict(),
    result: returns<PlanBaslinjeLage | null>(),
  },
  'plan:sattBaslinje': {
    summary: 'Sets the current läsår\'s baseline again, to one of its versions with content, until the first varv\'s EHT-möte (audited).',
    args: z.object({ versionId: id }),
    result: returns<PlanVersionInfo>(),
  },
  'plan:baslinjeVidStart': {
    summary: 'Run as the app opens: on or after the läsår\'s first day, freezes the plan in force as its baseline if it has none.',
    args: z.object({}).strict(),
    result: returns<PlanBaslinjeLage | null>(),
  },

  'aterkoppling:list': {
    summary: 'Requests for återkoppling on the plan, newest first, with the feedback received.',
    args: z.object({}).strict(),
    result: returns<Aterkoppling[]>(),
  },
  'aterkoppling:create': {
    summary: 'Records a request for återkoppling (to whom, which parts) on a version and returns the export to send.',
    args: z.object({
      versionId: id,
      till: text('Mottagare', 200),
      delar: z.array(z.string().min(1).max(40)).min(1, 'Välj minst en del av planen som du vill ha återkoppling på.').max(20),
      meddelande: optionalText('Meddelandet', 4000).default(''),
      format,
    }),
    result: returns<{ aterkoppling: Aterkoppling; fil: ExportFil }>(),
  },
  'aterkoppling:svar': {
    summary: 'Records the feedback received on a request.',
    args: z.object({ id, svar: svarText, mottagen: isoDate }),
    result: returns<Aterkoppling>(),
  },

  'plan:export': {
    summary: 'The plan as PDF or Word (DOCX): a version, or the current draft when versionId is null.',
    args: z.object({ format, versionId: optionalId }),
    result: returns<ExportFil>(),
  },
} as const;
