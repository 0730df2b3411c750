// Gallring (issue 8): which pupils who have left are due for removal. A pupil is due when they are inactive and
// their leaving date (slutat) lies at least `gallringAr` whole years before today. The default of 3 years is a
// common rule in kommunernas dokumenthanteringsplaner for working material about pupils' support (insatser,
// uppföljning) that is not part of the elevakt; the kommun's own plan decides, so it is a setting (1–10 years).
import { addYears, format, parseISO } from 'date-fns';

export interface GallringKandidat {
  id: number;
  aktiv: boolean;
  /** 'yyyy-MM-dd', or null when the leaving date is unknown. */
  slutat: string | null;
}

/** The last leaving date that is due today: today minus the rule's years ('yyyy-MM-dd'). */
export function gallringsgrans(idag: string, gallringAr: number): string {
  return format(addYears(parseISO(idag), -gallringAr), 'yyyy-MM-dd');
}

/** True when the pupil's data is due for removal today. An active pupil, or one without a leaving date, never is. */
export function arGallringsbar(elev: GallringKandidat, idag: string, gallringAr: number): boolean {
  if (elev.aktiv || elev.slutat === null) return false;
  return elev.slutat.slice(0, 10) <= gallringsgrans(idag, gallringAr);
}

/** The due pupils' ids in ascending order. */
export function gallringsbaraElever(elever: readonly GallringKandidat[], idag: string, gallringAr: number): number[] {
  return elever.filter((e) => arGallringsbar(e, idag, gallringAr)).map((e) => e.id).sort((a, b) => a - b);
}
