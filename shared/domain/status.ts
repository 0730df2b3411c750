// One definition of held, next and active (issue 15, item 11), used by every page and report: Översikt, its year,
// the EHT-möte's agenda counts, step 8 and the year report. The backend's SQL says the same in
// electron/backend/skola/status.ts; tests/unit/status.test.ts and tests/db/status.test.ts hold both to it.
import type { MoteTyp } from '../model';

export type MoteStatus = 'planerat' | 'pagar' | 'avslutat';

/** The order the meetings of one varv come in, for meetings on the same day. */
export const MOTE_ORDNING: Record<MoteTyp, number> = { forsta_eht: 0, resultatdialog: 1, eht: 2, avstamning: 3, arsavslut: 4 };

/**
 * Held: marked done, and its day has come. A meeting dated after today is not held yet, whatever is marked: a
 * count of what happened never counts what is still to come.
 */
export function arHallet(m: { status: MoteStatus | string; datum: string | null }, idag: string): boolean {
  return m.status === 'avslutat' && m.datum !== null && m.datum <= idag;
}

/**
 * Active on a day: not ended, and started. An insats decided at a meeting and starting the next school day is not
 * active on the meeting's day (the meeting counts it among its new insatser, not among those it evaluates).
 */
export function arAktiv(i: { status: string; startdatum: string }, dag: string): boolean {
  return i.status === 'aktiv' && i.startdatum <= dag;
}

/**
 * The varv's resultatdialog "meeting" is the set of its dialogues: held when every dialogue planned in the varv is
 * held, under way when some are, planned when none is. Without any dialogue its own status stands.
 */
export function resultatdialogStatus(dialoger: { status: 'planerad' | 'genomford'; datum: string }[], idag: string, egen: MoteStatus): MoteStatus {
  if (dialoger.length === 0) return egen;
  const hallna = dialoger.filter((d) => d.status === 'genomford' && d.datum <= idag).length;
  if (hallna === dialoger.length) return 'avslutat';
  return hallna > 0 ? 'pagar' : 'planerat';
}

export interface MoteKandidat {
  typ: MoteTyp;
  datum: string;
  status: MoteStatus | string;
}

/**
 * The next meeting: one under way comes first (its work is not done, even if its day has passed); else the first
 * not held from today on, in date order and, on the same day, in the order of the varv.
 */
export function nastaMote<T extends MoteKandidat>(moten: readonly T[], idag: string): T | null {
  const ordnade = [...moten].sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : MOTE_ORDNING[a.typ] - MOTE_ORDNING[b.typ]));
  const pagar = ordnade.find((m) => m.status === 'pagar');
  if (pagar) return pagar;
  return ordnade.find((m) => !arHallet(m, idag) && m.datum >= idag) ?? null;
}
