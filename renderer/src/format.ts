// Display helpers for the renderer. Dates and weeks come from the shared domain helpers (Swedish locale, ISO weeks).
import { toIsoDate } from '../../shared/calendar';
import { formatDatum, formatVecka } from '../../shared/index';
import { datumISvenskText } from '../../shared/domain/index';
import type { Elev, Personal } from '../../shared/model';
import { ROLL_TEXT } from '../../shared/labels';

export function elevNamn(elev: Pick<Elev, 'fornamn' | 'efternamn'>): string {
  return `${elev.fornamn} ${elev.efternamn}`;
}

/**
 * The year of birth where the Elev-ID is a personnummer (ÅÅÅÅMMDD-XXXX, ÅÅÅÅMMDDXXXX or ÅÅMMDD-XXXX); null otherwise.
 * Two-digit years are placed in the century that makes the pupil of school age (at most 20 years old in `idag`'s year).
 */
export function fodelsear(externId: string | null | undefined, idagAr = new Date().getFullYear()): number | null {
  const id = (externId ?? '').trim();
  const long = /^(\d{4})(\d{2})(\d{2})-?\d{4}$/.exec(id);
  const short = long ? null : /^(\d{2})(\d{2})(\d{2})[-+]?\d{4}$/.exec(id);
  const m = long ?? short;
  if (!m) return null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (long) return Number(m[1]);
  const yy = Number(m[1]);
  const century = Math.floor(idagAr / 100) * 100;
  return century + yy > idagAr ? century - 100 + yy : century + yy;
}

/**
 * "Elev-ID E24030" or "Elev-ID 20130412-1234, född 2013": what tells two pupils with the same name and class apart.
 * '' for a pupil without an Elev-ID.
 */
export function elevIdText(elev: { externId?: string | null }): string {
  if (!elev.externId) return '';
  const ar = fodelsear(elev.externId);
  return `Elev-ID ${elev.externId}${ar ? `, född ${ar}` : ''}`;
}

/** "Berg, Anna (7A, Elev-ID E24030)": a pupil in a picker, where the name alone may fit two. */
export function elevValText(elev: Pick<Elev, 'fornamn' | 'efternamn' | 'klass' | 'externId'>): string {
  const extra = [elev.klass, elevIdText(elev)].filter(Boolean).join(', ');
  return `${elev.efternamn}, ${elev.fornamn}${extra ? ` (${extra})` : ''}`;
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

/**
 * The renderer's one date formatter for running text: "fredag 21 augusti", with the year when it is not this year
 * ("fredag 21 augusti 2026"). Never an ISO date, never a thrown "Invalid time value".
 */
export function datum(iso: string | null | undefined, idag: string = todayIso()): string {
  if (!iso) return '';
  return datumISvenskText(iso, { iAr: Number(idag.slice(0, 4)) });
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
