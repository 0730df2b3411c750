// Small date helpers shared by backend and renderer. Dates are yyyy-MM-dd strings, which sort as dates.
import { format } from 'date-fns';
import type { Varv } from './model';

export function toIsoDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** The varv that contains `today`; before the first, the first; after the last, the last; null when there are none. */
export function findCurrentVarv<V extends Pick<Varv, 'startdatum' | 'slutdatum' | 'nummer'>>(
  varv: readonly V[],
  today: string,
): V | null {
  const sorted = [...varv].sort((a, b) => a.nummer - b.nummer);
  const first = sorted[0];
  if (!first) return null;
  if (today < first.startdatum) return first;
  const containing = sorted.find((v) => v.startdatum <= today && today <= v.slutdatum);
  if (containing) return containing;
  // Between two varv (a lov week): the next one is the one being prepared.
  return sorted.find((v) => v.startdatum > today) ?? sorted[sorted.length - 1] ?? null;
}

/** "2026/27" for a läsår starting in 2026. */
export function lasarNamn(startdatum: string): string {
  const year = Number(startdatum.slice(0, 4));
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}
