// Swedish public holidays (and the de facto free aftnar) that can fall on a school weekday. Meetings and
// deadlines are moved off them.
import { addDaysIso } from './dates';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Easter Sunday, Gregorian calendar (the anonymous algorithm of Meeus/Jones/Butcher). */
export function paskdagen(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Midsommarafton: the Friday between 19 and 25 June. */
function midsommarafton(year: number): string {
  for (let day = 19; day <= 25; day++) {
    const iso = `${year}-06-${pad(day)}`;
    if (new Date(year, 5, day).getDay() === 5) return iso;
  }
  return `${year}-06-19`;
}

/** Sorted yyyy-MM-dd dates of the year's red days and aftnar on which no school meeting is proposed. */
export function helgdagar(year: number): string[] {
  const pask = paskdagen(year);
  const days = [
    `${year}-01-01`,
    `${year}-01-06`,
    addDaysIso(pask, -2), // långfredagen
    addDaysIso(pask, 1), // annandag påsk
    `${year}-05-01`,
    addDaysIso(pask, 39), // Kristi himmelsfärdsdag
    `${year}-06-06`,
    midsommarafton(year),
    `${year}-12-24`,
    `${year}-12-25`,
    `${year}-12-26`,
    `${year}-12-31`,
  ];
  return [...new Set(days)].sort();
}

export function isHelgdag(iso: string): boolean {
  return helgdagar(Number(iso.slice(0, 4))).includes(iso);
}
