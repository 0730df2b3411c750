// Small rules of meeting mode: the prefilled text of a follow-on insats, and the next school day it starts on.
import type { Beslut } from '../model';
import { addDaysIso, weekdayOf } from './dates';
import { isHelgdag } from './holidays';

const SUFFIX: Partial<Record<Beslut, string>> = { intensifiera: 'intensifierad', forandra: 'förändrad' };

/** True for the decisions that continue the chain with a new insats (seed 001: intensifieras / förändras). */
export function skaparFoljdinsats(beslut: Beslut): boolean {
  return beslut === 'intensifiera' || beslut === 'forandra';
}

/** "Läxhjälp … – intensifierad": the earlier suffix is replaced, so a chain never reads "– intensifierad – intensifierad". */
export function foljdinsatsBeskrivning(beskrivning: string, beslut: Beslut): string {
  const base = beskrivning.replace(/ – (intensifierad|förändrad)$/u, '');
  const suffix = SUFFIX[beslut];
  return suffix ? `${base} – ${suffix}` : base;
}

/** The first weekday after the meeting that is not a helgdag: when decided insatser start. */
export function nastaSkoldag(motesdatum: string): string {
  let dag = addDaysIso(motesdatum, 1);
  while (weekdayOf(dag) > 5 || isHelgdag(dag)) dag = addDaysIso(dag, 1);
  return dag;
}
