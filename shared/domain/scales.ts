// Result scales: grades A–F (from the school's betyg year, usually åk 6) and the early-years three-step scale.

export const BETYG = ['A', 'B', 'C', 'D', 'E', 'F', '-'] as const;
/** '-' (streck) = the teacher lacks underlag, e.g. because of absence; it counts as not reaching. */
export type Betyg = (typeof BETYG)[number];

export const TIDIGA_NIVAER = ['ej_natt', 'pa_vag', 'natt'] as const;
export type TidigNiva = (typeof TIDIGA_NIVAER)[number];

export type ResultatNiva = Betyg | TidigNiva;
export const RESULTAT_NIVAER: readonly ResultatNiva[] = [...BETYG, ...TIDIGA_NIVAER];

export const TIDIG_NIVA_TEXT: Record<TidigNiva, string> = {
  ej_natt: 'Ej nått',
  pa_vag: 'På väg',
  natt: 'Nått',
};

/** Merit points per grade (SKOLFS): A 20, B 17.5, C 15, D 12.5, E 10, F and '-' 0. */
export const BETYG_POANG: Record<Betyg, number> = { A: 20, B: 17.5, C: 15, D: 12.5, E: 10, F: 0, '-': 0 };

export function isBetyg(value: string): value is Betyg {
  return (BETYG as readonly string[]).includes(value);
}

export function isResultatNiva(value: string): value is ResultatNiva {
  return (RESULTAT_NIVAER as readonly string[]).includes(value);
}

/** A–E is a passing grade (godkänt). */
export function isGodkand(betyg: Betyg | undefined): boolean {
  return betyg !== undefined && betyg !== 'F' && betyg !== '-';
}

/** "Not reaching": F, '-' and ej nått. På väg is on its way, not a failure at this point of the year. */
export function isEjNadd(niva: ResultatNiva): boolean {
  return niva === 'F' || niva === '-' || niva === 'ej_natt';
}
