// Display helpers for the renderer. Dates and weeks come from the shared domain helpers (Swedish locale, ISO weeks).
import { toIsoDate } from '../../shared/calendar';
import { formatDatum, formatVecka } from '../../shared/index';
import type { Elev, Personal } from '../../shared/model';
import { ROLL_TEXT } from '../../shared/labels';

export function elevNamn(elev: Pick<Elev, 'fornamn' | 'efternamn'>): string {
  return `${elev.fornamn} ${elev.efternamn}`;
}

/** Lists are sorted by efternamn, so they show it first. */
export function elevListNamn(elev: Pick<Elev, 'fornamn' | 'efternamn'>): string {
  return `${elev.efternamn}, ${elev.fornamn}`;
}

export function personalNamn(person: Pick<Personal, 'fornamn' | 'efternamn'>): string {
  return `${person.fornamn} ${person.efternamn}`;
}

export function personalMedRoller(person: Personal): string {
  const roller = person.roller.map((r) => ROLL_TEXT[r]).join(', ');
  return roller ? `${personalNamn(person)} (${roller})` : personalNamn(person);
}

/** "vecka 44, tisdag 4 november" */
export function datumMedVecka(iso: string): string {
  return `${formatVecka(iso)}, ${formatDatum(iso)}`;
}

/** "tisdag 4 november 2026": for dates that may lie in another year than the one in view. */
export function datumMedAr(iso: string): string {
  return `${formatDatum(iso)} ${iso.slice(0, 4)}`;
}

const TAL = new Intl.NumberFormat('sv-SE');

/** "1 200" with the Swedish thousands separator. */
export function antalText(n: number): string {
  return TAL.format(n);
}

/** Today in the user's local time as yyyy-MM-dd. */
export function todayIso(): string {
  return toIsoDate(new Date());
}
