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

const tidigSkalaSchema = z.object({
  ej_natt: z.string().trim().min(1).max(30).default('Ej nått'),
  pa_vag: z.string().trim().min(1).max(30).default('På väg'),
  natt: z.string().trim().min(1).max(30).default('Nått'),
});

export const skolInstallningarSchema = z.object({
  /** Weeks an individual insats chain runs before an explicit utredning decision is due (seed 001: "5-6 veckor"). */
  utredningTroskelVeckor: heltal('Veckor innan beslut om utredning', 5, 6).default(5),
  /** The law says skyndsamt without a number; three weeks lets the result reach the next EHT-möte. */
  utredningDeadlineDagar: heltal('Dagar till utredningens deadline', 1, 60).default(21),
  antalVarv: heltal('Antal varv', 5, 6).default(6),
  varvLangdVeckor: heltal('Veckor per varv', 5, 6).default(6),
  /** Teacher pattern: a subject stands out when at least this many pupils in the group do not reach… */
  lararmonsterMinAntal: heltal('Minsta antal elever för lärarmönster', 1, 100).default(3),
  /** …and its share not reaching exceeds the median of the group's other subjects by this much (0.2 = 20 p.e.). */
  lararmonsterMarginal: z
    .number({ error: 'Marginalen måste vara ett tal.' })
    .min(0.05, 'Marginalen måste vara minst 0,05 (5 procentenheter).')
    .max(1, 'Marginalen får vara högst 1 (100 procentenheter).')
    .default(0.2),
  /** null = the typical Swedish lov from defaultLov() for each läsår. */
  lov: z.array(lovSchema).nullable().default(null),
  /** First årskurs with grades A–F; earlier years use the three-step scale. */
  betygFranArskurs: heltal('Första årskurs med betyg', 1, 9).default(6),
  tidigSkala: tidigSkalaSchema.prefault({}),
  /** How many betygskriterier per subject the resultatdialog summary shows. */
  kriterierPerAmne: heltal('Antal betygskriterier per ämne', 1, 20).default(5),
  /** Minutes without keyboard or mouse before the app locks (issue 8, item 9). */
  lasEfterMinuter: heltal('Minuter innan Varvet låses', 1, 120).default(10),
  /** Gallring: years after a pupil left before their data is removed (shared/domain/gallring.ts; the kommun's
   *  dokumenthanteringsplan decides — 3 years is a common rule for elevhälsa-near working material). */
  gallringAr: heltal('År efter att eleven slutat innan gallring', 1, 10).default(3),
});

export type SkolInstallningar = z.infer<typeof skolInstallningarSchema>;

export const DEFAULT_INSTALLNINGAR: SkolInstallningar = skolInstallningarSchema.parse({});

/** Which scale a result in this årskurs uses. */
export function skalaForArskurs(arskurs: number, installningar: SkolInstallningar): 'betyg' | 'tidig' {
  return arskurs >= installningar.betygFranArskurs ? 'betyg' : 'tidig';
}
