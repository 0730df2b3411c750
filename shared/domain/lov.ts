// Lov (school holidays) and the lov weeks they make. A week is a lovvecka when a lov covers any of its
// weekdays: "never in a lov week" then also keeps meetings out of short weeks around a lov.
import { addDaysIso, daysBetween, isWeekday, isoWeekOf, mondayOf, mondayOfIsoWeek, weekdayOf } from './dates';
import { paskdagen } from './holidays';
import { isRealIsoDate } from '../validation';

export const LOV_TYPER = ['hostlov', 'jullov', 'sportlov', 'pasklov', 'annat'] as const;
/** 'hostlov' | 'jullov' | 'sportlov' | 'pasklov' | 'annat' */
export type LovTyp = (typeof LOV_TYPER)[number];

/** fran and till are inclusive yyyy-MM-dd. */
export interface Lov {
  typ: LovTyp;
  namn: string;
  fran: string;
  till: string;
}

export interface LovVecka {
  vecka: number;
  isoAr: number;
  /** Monday of the week. */
  mandag: string;
  /** Names of the lov that touch the week, e.g. ["Höstlov"]. */
  lov: string[];
}

export const HOSTLOV_VECKA = 44;
/** Sportlov varies by region (v. 7–10); v. 8 is the most common default and the user edits it. */
export const SPORTLOV_VECKA = 8;
const LONGEST_LOV_DAYS = 366;

function weekLov(typ: LovTyp, namn: string, isoAr: number, vecka: number): Lov {
  const mandag = mondayOfIsoWeek(isoAr, vecka);
  return { typ, namn, fran: mandag, till: addDaysIso(mandag, 4) };
}

/** From the Monday of the week with julafton (or julafton itself on a weekend) to the Friday of trettondagen's week. */
function jullov(year: number): Lov {
  const julafton = `${year}-12-24`;
  const trettondagen = `${year + 1}-01-06`;
  const fran = isWeekday(julafton) ? mondayOf(julafton) : julafton;
  const till = isWeekday(trettondagen) ? addDaysIso(mondayOf(trettondagen), 4) : trettondagen;
  return { typ: 'jullov', namn: 'Jullov', fran, till };
}

/** The week after Easter Sunday, i.e. the week of annandag påsk (as in most kommuner). */
function pasklov(year: number): Lov {
  const annandag = addDaysIso(paskdagen(year), 1);
  return { typ: 'pasklov', namn: 'Påsklov', fran: annandag, till: addDaysIso(annandag, 4) };
}

/** Typical Swedish lov for the läsår: höstlov v. 44, jullov, sportlov v. 8, påsklov the week after Easter. */
export function defaultLov(startdatum: string, slutdatum: string): Lov[] {
  if (!isRealIsoDate(startdatum) || !isRealIsoDate(slutdatum)) return [];
  const forsta = Number(startdatum.slice(0, 4));
  const sista = Number(slutdatum.slice(0, 4));
  const kandidater: Lov[] = [];
  for (let year = forsta - 1; year <= sista; year++) {
    kandidater.push(
      weekLov('hostlov', 'Höstlov', year, HOSTLOV_VECKA),
      jullov(year),
      weekLov('sportlov', 'Sportlov', year, SPORTLOV_VECKA),
      pasklov(year),
    );
  }
  return kandidater
    .filter((lov) => lov.till >= startdatum && lov.fran <= slutdatum)
    .sort((a, b) => (a.fran < b.fran ? -1 : a.fran > b.fran ? 1 : 0));
}

/** A Swedish sentence for the first invalid lov, or null. */
export function checkLov(lov: readonly Lov[]): string | null {
  for (const l of lov) {
    const namn = l.namn.trim() === '' ? 'Ett lov' : l.namn;
    if (!isRealIsoDate(l.fran) || !isRealIsoDate(l.till)) {
      return `${namn} har ett datum som inte finns eller inte är skrivet som ÅÅÅÅ-MM-DD.`;
    }
    if (l.till < l.fran) return `${namn} slutar (${l.till}) före det börjar (${l.fran}).`;
    if (daysBetween(l.fran, l.till) > LONGEST_LOV_DAYS) return `${namn} är längre än ett år.`;
  }
  return null;
}

/** Monday → names of the lov touching a weekday of that week. Assumes checkLov passed. */
export function lovWeekMap(lov: readonly Lov[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const l of lov) {
    for (let day = l.fran; day <= l.till; day = addDaysIso(day, 1)) {
      if (weekdayOf(day) > 5) continue;
      const mandag = mondayOf(day);
      const namn = map.get(mandag) ?? [];
      if (!namn.includes(l.namn)) namn.push(l.namn);
      map.set(mandag, namn);
    }
  }
  return map;
}

/** The lov weeks that overlap the läsår, in date order. */
export function lovVeckor(lov: readonly Lov[], startdatum: string, slutdatum: string): LovVecka[] {
  const forstaMandag = mondayOf(startdatum);
  return [...lovWeekMap(lov).entries()]
    .filter(([mandag]) => mandag >= forstaMandag && mandag <= slutdatum)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([mandag, namn]) => ({ ...isoWeekOf(mandag), mandag, lov: namn }));
}
