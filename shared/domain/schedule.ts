// Läsår schedule (ledarhandling 3: "När och hur ofta ska resultatuppföljningarna genomföras?"). A varv counts
// school weeks: lov weeks inside it are skipped, so a 6-week varv over höstlov spans 7 calendar weeks.
import { addDaysIso, daysBetween, isoWeekOf, maxIso, minIso, mondayOf, weekdayOf } from './dates';
import { isHelgdag } from './holidays';
import { checkLov, lovVeckor, lovWeekMap, type Lov, type LovVecka } from './lov';
import { isRealIsoDate } from '../validation';

export { defaultLov, LOV_TYPER, SPORTLOV_VECKA, HOSTLOV_VECKA, type Lov, type LovTyp, type LovVecka } from './lov';
export { formatDatum, formatDatumKort, formatVecka, formatVeckaKort, isoWeekOf, type IsoVecka } from './dates';

export interface Tillfalle {
  datum: string;
  vecka: number;
  isoAr: number;
}

export interface VarvForslag {
  nummer: number;
  startdatum: string;
  slutdatum: string;
  /** Last day for teachers' assessments in the tool, before the resultatdialog. */
  bedomningSenast: string;
  resultatdialog: Tillfalle;
  eht: Tillfalle;
  avstamning: Tillfalle;
  /** The school weeks the varv counts, in order (lov weeks inside it are not listed). */
  skolveckor: Tillfalle[];
  /** School weeks after this varv that belong to no varv (left-over weeks, spread over the year). */
  pausVeckorEfter: number;
}

export interface ScheduleInput {
  startdatum: string;
  slutdatum: string;
  lov: Lov[];
  antalVarv: number;
  varvLangdVeckor: number;
  /** When left out: the first school week. May lie before startdatum (held the term before). */
  forstaEhtDatum?: string;
  /**
   * The school's utredning threshold in weeks (settings, default 5). Varv 1's EHT-möte — the first follow-up of the
   * insatser decided at the första EHT-möte (seed 001: "under de närmsta sex veckorna") — lies at least this plus
   * one week after the första EHT-möte, so an insats can reach the utredning rule at its first follow-up.
   */
  utredningTroskelVeckor?: number;
}

/** Default utredning threshold (weeks): settings' utredningTroskelVeckor. */
export const UTREDNING_TROSKEL_VECKOR = 5;

/** Weeks at least between the första EHT-möte and varv 1's EHT-möte: the utredning threshold plus one week. */
export function minstaVeckorTillForstaUppfoljning(utredningTroskelVeckor = UTREDNING_TROSKEL_VECKOR): number {
  return utredningTroskelVeckor + 1;
}

export type ScheduleProposal =
  | {
      ok: true;
      forstaEht: Tillfalle;
      varv: VarvForslag[];
      lovVeckor: LovVecka[];
      /** School weeks after the första EHT-möte not used by any varv (the sum of pausVeckorEfter and pausForeForstaVarv). */
      restVeckor: number;
      /** School weeks between the första EHT-möte and varv 1 kept free so the first follow-up is not too early. */
      pausForeForstaVarv: number;
      /** Calendar weeks from the första EHT-möte to varv 1's EHT-möte (at least minstaVeckorTillForstaUppfoljning). */
      veckorTillForstaUppfoljning: number;
    }
  | { ok: false; fel: string; ryms: { antalVarv: number; varvLangdVeckor: number }[] };

export const TILLATNA_ANTAL_VARV = [5, 6] as const;
export const TILLATNA_VARV_LANGDER = [5, 6] as const;
const LANGSTA_LASAR_DAGAR = 400;

/** Preferred weekday (1 = måndag) of each occasion; moved within its week when that day is not a school day. */
export const VECKODAG = { forstaEht: 4, resultatdialog: 2, eht: 4, avstamning: 2, bedomningSenast: 5 } as const;

interface SchoolWeek {
  mandag: string;
  dagar: string[];
}

/** Weeks with at least one school day (weekday in the year, no helgdag) that are not lov weeks. */
function schoolWeeks(startdatum: string, slutdatum: string, lov: readonly Lov[]): SchoolWeek[] {
  const lovMap = lovWeekMap(lov);
  const weeks: SchoolWeek[] = [];
  for (let mandag = mondayOf(startdatum); mandag <= slutdatum; mandag = addDaysIso(mandag, 7)) {
    if (lovMap.has(mandag)) continue;
    const dagar: string[] = [];
    for (let i = 0; i < 5; i++) {
      const day = addDaysIso(mandag, i);
      if (day >= startdatum && day <= slutdatum && !isHelgdag(day)) dagar.push(day);
    }
    if (dagar.length > 0) weeks.push({ mandag, dagar });
  }
  return weeks;
}

/** The school day of the week nearest the preferred weekday; on a tie the earlier one. */
function pickDay(week: SchoolWeek, veckodag: number): string {
  let best = week.dagar[0] as string;
  for (const day of week.dagar) {
    if (Math.abs(weekdayOf(day) - veckodag) < Math.abs(weekdayOf(best) - veckodag)) best = day;
  }
  return best;
}

/** Left-over school weeks, spread evenly after each varv (earlier varv get the remainder), so the varv span the year. */
function spreadPauses(rest: number, antalVarv: number): number[] {
  return Array.from({ length: antalVarv }, (_, i) => Math.floor(rest / antalVarv) + (i < rest % antalVarv ? 1 : 0));
}

function tillfalle(datum: string): Tillfalle {
  return { datum, ...isoWeekOf(datum) };
}

function fits(tillgangliga: number, fore: (varvLangdVeckor: number) => number): { antalVarv: number; varvLangdVeckor: number }[] {
  const ryms: { antalVarv: number; varvLangdVeckor: number }[] = [];
  for (const antalVarv of [...TILLATNA_ANTAL_VARV].reverse()) {
    for (const varvLangdVeckor of [...TILLATNA_VARV_LANGDER].reverse()) {
      if (antalVarv * varvLangdVeckor + fore(varvLangdVeckor) <= tillgangliga) ryms.push({ antalVarv, varvLangdVeckor });
    }
  }
  return ryms;
}

/**
 * School weeks to leave free after the första EHT-möte so that varv 1's EHT-möte (in the varv's second-last week)
 * lies at least `minVeckor` calendar weeks after it. Counted from Monday to Monday: lov weeks in between count, as
 * an insats runs through a lov too.
 */
function pausForeForsta(kvar: SchoolWeek[], forstaEht: string, varvLangdVeckor: number, minVeckor: number): number {
  const start = mondayOf(forstaEht);
  let paus = 0;
  for (;;) {
    const ehtVecka = kvar[paus + varvLangdVeckor - 2];
    if (!ehtVecka || daysBetween(start, ehtVecka.mandag) >= 7 * minVeckor) return paus;
    paus += 1;
  }
}

function rymsText(ryms: { antalVarv: number; varvLangdVeckor: number }[]): string {
  if (ryms.length === 0) return 'Inget av alternativen 5–6 varv om 5–6 veckor ryms; ändra läsårets datum eller loven.';
  const delar = ryms.map((r) => `${r.antalVarv} varv om ${r.varvLangdVeckor} veckor`);
  const lista = delar.length === 1 ? delar[0] : `${delar.slice(0, -1).join(', ')} eller ${delar[delar.length - 1]}`;
  return `Det som ryms: ${lista}.`;
}

function checkInput(input: ScheduleInput): string | null {
  const { startdatum, slutdatum, antalVarv, varvLangdVeckor } = input;
  if (!isRealIsoDate(startdatum)) return `Läsårets första dag (${startdatum}) är inte ett datum skrivet som ÅÅÅÅ-MM-DD.`;
  if (!isRealIsoDate(slutdatum)) return `Läsårets sista dag (${slutdatum}) är inte ett datum skrivet som ÅÅÅÅ-MM-DD.`;
  if (slutdatum <= startdatum) return 'Läsårets sista dag måste komma efter den första.';
  if (daysBetween(startdatum, slutdatum) > LANGSTA_LASAR_DAGAR) return 'Ett läsår kan vara högst 13 månader långt.';
  if (!(TILLATNA_ANTAL_VARV as readonly number[]).includes(antalVarv)) return 'Antalet varv måste vara 5 eller 6.';
  if (!(TILLATNA_VARV_LANGDER as readonly number[]).includes(varvLangdVeckor)) {
    return 'Ett varv måste vara 5 eller 6 veckor långt.';
  }
  const lovFel = checkLov(input.lov);
  if (lovFel) return lovFel;
  const troskel = input.utredningTroskelVeckor;
  if (troskel !== undefined && (!Number.isInteger(troskel) || troskel < 1 || troskel > 52)) {
    return 'Veckor innan beslut om utredning måste vara ett heltal mellan 1 och 52.';
  }
  const eht = input.forstaEhtDatum;
  if (eht !== undefined && !isRealIsoDate(eht)) return `Första EHT-mötet (${eht}) är inte ett datum skrivet som ÅÅÅÅ-MM-DD.`;
  if (eht !== undefined && eht > slutdatum) return 'Första EHT-mötet måste ligga före läsårets sista dag.';
  return null;
}

/** Where the första EHT-möte lies and how many school weeks come before the first varv. */
function placeForstaEht(input: ScheduleInput, weeks: SchoolWeek[]): { eht: string; forbrukade: number } | string {
  const given = input.forstaEhtDatum;
  if (given === undefined) {
    const first = weeks[0];
    return first ? { eht: pickDay(first, VECKODAG.forstaEht), forbrukade: 1 } : 'Läsåret har inga skolveckor utanför lov.';
  }
  // Held in the preparation term before the läsår (seed 001: "förberedelse terminen innan") is fine, but never in
  // a lov week: that holds for a date before the start as much as for one inside the year.
  const lov = lovWeekMap(input.lov).get(mondayOf(given));
  const index = weeks.findIndex((w) => w.dagar.includes(given));
  if (lov || (index < 0 && given >= input.startdatum)) {
    const varfor = lov ? `ligger i en lovvecka (${lov.join(', ')})` : 'är ingen skoldag';
    return `Första EHT-mötet (${given}) ${varfor}. Välj en skoldag utanför loven.`;
  }
  if (given < input.startdatum) return { eht: given, forbrukade: 0 };
  return { eht: given, forbrukade: index + 1 };
}

/**
 * Proposes the year's varv. Each varv has `varvLangdVeckor` school weeks: bedömningar senast on the Friday of the
 * fourth-last week, resultatdialog in the third-last, EHT in the second-last and avstämning in the last week.
 */
export function proposeSchedule(input: ScheduleInput): ScheduleProposal {
  const inputFel = checkInput(input);
  if (inputFel) return { ok: false, fel: inputFel, ryms: [] };
  const weeks = schoolWeeks(input.startdatum, input.slutdatum, input.lov);
  const placed = placeForstaEht(input, weeks);
  if (typeof placed === 'string') return { ok: false, fel: placed, ryms: [] };
  const kvar = weeks.slice(placed.forbrukade);
  const minVeckor = minstaVeckorTillForstaUppfoljning(input.utredningTroskelVeckor);
  const fore = (langd: number) => pausForeForsta(kvar, placed.eht, langd, minVeckor);
  const paus = fore(input.varvLangdVeckor);
  const behov = input.antalVarv * input.varvLangdVeckor;
  if (kvar.length < behov + paus) {
    const ryms = fits(kvar.length, fore);
    const varfor =
      paus > 0
        ? ` (${behov} för varven och ${paus} före varv 1, så att varv 1:s EHT-möte – den första uppföljningen av ` +
          `insatserna från första EHT-mötet – ligger minst ${minVeckor} veckor efter första EHT-mötet: ` +
          `utredningsgränsen ${minVeckor - 1} veckor plus en vecka)`
        : '';
    const fel =
      `Läsåret rymmer inte ${input.antalVarv} varv om ${input.varvLangdVeckor} veckor: efter första EHT-mötet ` +
      `finns ${kvar.length} skolveckor utanför loven, men det behövs ${behov + paus}${varfor}. ${rymsText(ryms)}`;
    return { ok: false, fel, ryms };
  }
  const n = input.varvLangdVeckor;
  const pauser = spreadPauses(kvar.length - behov - paus, input.antalVarv);
  const varv: VarvForslag[] = [];
  let forsta = paus;
  for (let i = 0; i < input.antalVarv; i++) {
    const vw = kvar.slice(forsta, forsta + n);
    forsta += n + (pauser[i] ?? 0);
    const at = (fromEnd: number): SchoolWeek => vw[n - fromEnd] as SchoolWeek;
    const sista = at(1);
    varv.push({
      nummer: i + 1,
      startdatum: maxIso((vw[0] as SchoolWeek).mandag, input.startdatum),
      slutdatum: minIso(addDaysIso(sista.mandag, 4), input.slutdatum),
      bedomningSenast: pickDay(at(4), VECKODAG.bedomningSenast),
      resultatdialog: tillfalle(pickDay(at(3), VECKODAG.resultatdialog)),
      eht: tillfalle(pickDay(at(2), VECKODAG.eht)),
      avstamning: tillfalle(pickDay(sista, VECKODAG.avstamning)),
      skolveckor: vw.map((w) => tillfalle(w.dagar[0] as string)),
      pausVeckorEfter: pauser[i] ?? 0,
    });
  }
  return {
    ok: true,
    forstaEht: tillfalle(placed.eht),
    varv,
    lovVeckor: lovVeckor(input.lov, input.startdatum, input.slutdatum),
    restVeckor: kvar.length - behov,
    pausForeForstaVarv: paus,
    veckorTillForstaUppfoljning: Math.floor(daysBetween(mondayOf(placed.eht), mondayOf((varv[0] as VarvForslag).eht.datum)) / 7),
  };
}
