// The school's settings that the domain rules read. Stored as JSON by the backend; parsing `{}` gives every default,
// so a settings row written by an older Varvet still parses.
import { z } from 'zod';
import { isRealIsoDate } from '../validation';
import { LOV_TYPER } from './lov';

const heltal = (falt: string, min: number, max: number) =>
  z
    .number({ error: `${falt} måste vara ett tal.` })
    .int(`${falt} måste vara ett heltal.`)
    .min(min, `${falt} måste vara minst ${min}.`)
    .max(max, `${falt} får vara högst ${max}.`);

const datum = z.string().refine(isRealIsoDate, { message: 'Datumet finns inte eller är inte skrivet som ÅÅÅÅ-MM-DD.' });

export const lovSchema = z
  .object({
    typ: z.enum(LOV_TYPER, { error: 'Okänd typ av lov.' }),
    namn: z.string().trim().min(1, 'Lovet behöver ett namn.').max(60, 'Lovets namn får vara högst 60 tecken.'),
    fran: datum,
    till: datum,
  })
  .refine((l) => l.till >= l.fran, { message: 'Lovet kan inte sluta före det börjar.', path: ['till'] });

const etikett = (niva: string) =>
  z
    .string({ error: `Benämningen för ${niva} måste vara text.` })
    .trim()
    .min(1, `Benämningen för ${niva} får inte vara tom.`)
    .max(30, `Benämningen för ${niva} får vara högst 30 tecken.`);

/** The early-years scale's three levels as the school names them (the stored values stay ej_natt / pa_vag / natt). */
export const tidigSkalaFalt = {
  ej_natt: etikett('"ej nått"'),
  pa_vag: etikett('"på väg"'),
  natt: etikett('"nått"'),
} as const;

const olikaBenamningar = (s: { ej_natt: string; pa_vag: string; natt: string }) =>
  new Set([s.ej_natt, s.pa_vag, s.natt].map((x) => x.toLocaleLowerCase('sv'))).size === 3;
const OLIKA_FEL = { message: 'De tre nivåerna i den tidiga skalan behöver olika benämningar.' };

const tidigSkalaSchema = z
  .object({
    ej_natt: tidigSkalaFalt.ej_natt.default('Ej nått'),
    pa_vag: tidigSkalaFalt.pa_vag.default('På väg'),
    natt: tidigSkalaFalt.natt.default('Nått'),
  })
  .refine(olikaBenamningar, OLIKA_FEL);

/**
 * The settings the rules read that the school edits under Inställningar → Regler för uppföljningen
 * (channel installningar:set). Each without a default: a value given must be valid, a value left out is kept.
 * Lov, antal varv and varvens längd are edited on Förberedelse → Steg 3; lasEfterMinuter and gallringAr have their
 * own channels (lock:setSettings, gallring:regel).
 */
export const regelInstallningFalt = {
  utredningTroskelVeckor: heltal('Veckor innan beslut om utredning', 5, 6),
  utredningDeadlineDagar: heltal('Dagar till utredningens deadline', 1, 60),
  lararmonsterMinAntal: heltal('Minsta antal elever för lärarmönster', 1, 100),
  lararmonsterMarginal: z
    .number({ error: 'Marginalen måste vara ett tal.' })
    .min(0.05, 'Marginalen måste vara minst 0,05 (5 procentenheter).')
    .max(1, 'Marginalen får vara högst 1 (100 procentenheter).'),
  kriterierPerAmne: heltal('Antal betygskriterier per ämne', 1, 20),
  /** Grades from åk 6, or from åk 4 or 5 by the rektor's decision (prop. 2020/21:58); never åk 1–3. */
  betygFranArskurs: z
    .number({ error: 'Första årskurs med betyg måste vara ett tal.' })
    .int('Första årskurs med betyg måste vara ett heltal.')
    .min(4, 'Betyg ges från årskurs 6, eller från årskurs 4 eller 5 om rektorn beslutar det, aldrig i årskurs 1–3.')
    .max(6, 'Betyg ges från årskurs 6 eller tidigare (från årskurs 4 eller 5 om rektorn beslutar det), inte senare.'),
} as const;

/** The årskurser of the gymnasiebehörighet prognosis (the risk list): whole årskurser 1–10, at least one, no repeats. */
export const prognosArskurserSchema = z
  .array(heltal('Årskurs i prognosen', 1, 10), { error: 'Prognosens årskurser måste vara en lista av årskurser.' })
  .min(1, 'Prognosen behöver minst en årskurs.')
  .refine((a) => new Set(a).size === a.length, { message: 'En årskurs får bara stå en gång i prognosen.' });

const okandNyckel = (vad: string, varfor: string) => (iss: { code?: string; keys?: string[] }) =>
  iss.code === 'unrecognized_keys' ? `${vad} ${(iss.keys ?? []).join(', ')} kan inte ändras här: ${varfor}` : undefined;

/** A change of some of the rule settings; tidigSkala may name only some of its levels. */
export const regelInstallningarAndring = z
  .object(
    {
    utredningTroskelVeckor: regelInstallningFalt.utredningTroskelVeckor.optional(),
    utredningDeadlineDagar: regelInstallningFalt.utredningDeadlineDagar.optional(),
    lararmonsterMinAntal: regelInstallningFalt.lararmonsterMinAntal.optional(),
    lararmonsterMarginal: regelInstallningFalt.lararmonsterMarginal.optional(),
    kriterierPerAmne: regelInstallningFalt.kriterierPerAmne.optional(),
    betygFranArskurs: regelInstallningFalt.betygFranArskurs.optional(),
    tidigSkala: z
      .object(
        { ej_natt: tidigSkalaFalt.ej_natt.optional(), pa_vag: tidigSkalaFalt.pa_vag.optional(), natt: tidigSkalaFalt.natt.optional() },
        { error: okandNyckel('Nivån', 'den tidiga skalan har nivåerna ej_natt, pa_vag och natt.') },
      )
      .strict()
      .optional(),
    },
    {
      error: okandNyckel(
        'Inställningen',
        'lov, antal varv och varvens längd ändras under Förberedelse, steg 3, låstiden under Lösenord och lås och gallringen under Logg och gallring.',
      ),
    },
  )
  .strict();
export type RegelInstallningarAndring = z.input<typeof regelInstallningarAndring>;

export const skolInstallningarSchema = z.object({
  /** Weeks an individual insats chain runs before an explicit utredning decision is due (seed 001: "5-6 veckor"). */
  utredningTroskelVeckor: regelInstallningFalt.utredningTroskelVeckor.default(5),
  /** The law says skyndsamt without a number; three weeks lets the result reach the next EHT-möte. */
  utredningDeadlineDagar: regelInstallningFalt.utredningDeadlineDagar.default(21),
  antalVarv: heltal('Antal varv', 5, 6).default(6),
  /** 6 varv of 5 school weeks fit a typical Swedish läsår after the första EHT-mötet with weeks to spare (6 × 6 = 36
   *  often does not); createSkola and the demo plan the same. DOMAIN.md: 5–6 varv, each 5–6 weeks. */
  varvLangdVeckor: heltal('Veckor per varv', 5, 6).default(5),
  /** Teacher pattern: a subject stands out when at least this many pupils in the group do not reach… */
  lararmonsterMinAntal: regelInstallningFalt.lararmonsterMinAntal.default(3),
  /** …and its share not reaching exceeds the median of the group's other subjects by this much (0.2 = 20 p.e.). */
  lararmonsterMarginal: regelInstallningFalt.lararmonsterMarginal.default(0.2),
  /** null = the typical Swedish lov from defaultLov() for each läsår. */
  lov: z.array(lovSchema).nullable().default(null),
  /** First årskurs with grades A–F; earlier years use the three-step scale (skalaForArskurs). */
  betygFranArskurs: regelInstallningFalt.betygFranArskurs.default(6),
  /** The årskurser whose pupils the behörighet prognosis and risk list cover: the last three of a nioårig
   *  grundskola; a tioårig grundskola sets its own when the law changes. */
  prognosArskurser: prognosArskurserSchema.default([7, 8, 9]),
  /** The school's names of the three-step scale's levels, shown wherever an early-years result is shown (tidigNivaText). */
  tidigSkala: tidigSkalaSchema.prefault({}),
  /** How many betygskriterier per subject the resultatdialog summary shows. */
  kriterierPerAmne: regelInstallningFalt.kriterierPerAmne.default(5),
  /** Minutes without keyboard or mouse before the app locks (issue 8, item 9). */
  lasEfterMinuter: heltal('Minuter innan Varvet låses', 1, 120).default(10),
  /** Gallring: years after a pupil left before their data is removed (shared/domain/gallring.ts; the kommun's
   *  dokumenthanteringsplan decides — 3 years is a common rule for elevhälsa-near working material). */
  gallringAr: heltal('År efter att eleven slutat innan gallring', 1, 10).default(3),
});

export type SkolInstallningar = z.infer<typeof skolInstallningarSchema>;

export const DEFAULT_INSTALLNINGAR: SkolInstallningar = skolInstallningarSchema.parse({});

/** Which scale a result in this årskurs uses: grades A–F from betygFranArskurs, the three-step scale before. */
export function skalaForArskurs(arskurs: number, installningar: SkolInstallningar): 'betyg' | 'tidig' {
  return arskurs >= installningar.betygFranArskurs ? 'betyg' : 'tidig';
}

/** The school's name of an early-years level ("På väg"); grades and '-' are returned as they are. */
export function tidigNivaText(niva: string, tidigSkala: SkolInstallningar['tidigSkala']): string {
  return niva === 'ej_natt' || niva === 'pa_vag' || niva === 'natt' ? tidigSkala[niva] : niva;
}
