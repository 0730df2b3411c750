// Dates are yyyy-MM-dd strings everywhere; Date objects live only inside these helpers, at local midnight, so
// calendar arithmetic never depends on a time zone or on daylight saving.
import { addDays, differenceInCalendarDays, format, getISODay, getISOWeek, getISOWeekYear, parseISO, startOfISOWeek } from 'date-fns';
import { sv } from 'date-fns/locale';

export interface IsoVecka {
  vecka: number;
  isoAr: number;
}

function toDate(iso: string): Date {
  return parseISO(iso);
}

function toIso(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

export function addDaysIso(iso: string, days: number): string {
  return toIso(addDays(toDate(iso), days));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
}

/** 1 = måndag … 7 = söndag. */
export function weekdayOf(iso: string): number {
  return getISODay(toDate(iso));
}

export function isWeekday(iso: string): boolean {
  return weekdayOf(iso) <= 5;
}

/** The Monday of the ISO week the date lies in. */
export function mondayOf(iso: string): string {
  return toIso(startOfISOWeek(toDate(iso)));
}

/** The Monday of ISO week `vecka` of ISO year `isoAr` (week 1 is the week with 4 January). */
export function mondayOfIsoWeek(isoAr: number, vecka: number): string {
  const week1 = startOfISOWeek(new Date(isoAr, 0, 4));
  return toIso(addDays(week1, (vecka - 1) * 7));
}

export function isoWeekOf(iso: string): IsoVecka {
  const date = toDate(iso);
  return { vecka: getISOWeek(date), isoAr: getISOWeekYear(date) };
}

/** "vecka 44" */
export function formatVecka(iso: string): string {
  return `vecka ${getISOWeek(toDate(iso))}`;
}

/** "v. 44", for tables. */
export function formatVeckaKort(iso: string): string {
  return `v. ${getISOWeek(toDate(iso))}`;
}

/**
 * The one way a date reads in running Swedish text: "fredag 21 augusti", with the year ("fredag 21 augusti 2026")
 * when `medAr` is true or differs from `iAr`. A value that is not a real date is returned as it is, never thrown.
 */
export function datumISvenskText(iso: string, opts: { medAr?: boolean; iAr?: number } = {}): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = toDate(iso);
  if (Number.isNaN(d.getTime()) || format(d, 'yyyy-MM-dd') !== iso) return iso;
  const ar = opts.medAr === true || (opts.iAr !== undefined && d.getFullYear() !== opts.iAr);
  return format(d, ar ? 'EEEE d MMMM yyyy' : 'EEEE d MMMM', { locale: sv });
}

/** "tisdag 4 november" */
export function formatDatum(iso: string): string {
  return format(toDate(iso), 'EEEE d MMMM', { locale: sv });
}

/** "4 nov." */
export function formatDatumKort(iso: string): string {
  return format(toDate(iso), 'd MMM', { locale: sv });
}

export function minIso(a: string, b: string): string {
  return a <= b ? a : b;
}

export function maxIso(a: string, b: string): string {
  return a >= b ? a : b;
}
