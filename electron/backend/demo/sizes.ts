// How big each demo size is. s ≈ 100 pupils, m ≈ 400, l ≈ 1,200; xl is l with four earlier läsår of history, whose
// varv also hold formative omdömen, so the xl school has about a million result rows (the bench's size).
import type { DemoSize } from '../../../shared/contract';
import type { Roll } from '../../../shared/model';

export interface SizeConfig {
  seed: number;
  klasserPerArskurs: number;
  klasstorlek: number;
  /** Staff other than lärare, by role; every lärare is added on top. */
  ledningOchElevhalsa: Partial<Record<Roll, number>>;
  larare: number;
  forstelarare: number;
  sarskildaElever: number;
  historikAr: number;
  /** Formative occasions (omdömen) per varv in the earlier läsår, besides the varv's own occasion (results.ts). */
  omdomenPerVarv: number;
  /** New individual insatser the EHT-möte decides at most per meeting. */
  nyaInsatserPerMote: number;
}

export const SIZES: Record<DemoSize, SizeConfig> = {
  s: {
    seed: 0x5eed01, klasserPerArskurs: 1, klasstorlek: 10, larare: 10, forstelarare: 1, sarskildaElever: 4,
    ledningOchElevhalsa: { rektor: 1, bitradande_rektor: 1, specialpedagog: 1, kurator: 1, skolskoterska: 1, skolpsykolog: 1 },
    historikAr: 0, omdomenPerVarv: 0, nyaInsatserPerMote: 4,
  },
  m: {
    seed: 0x5eed02, klasserPerArskurs: 2, klasstorlek: 20, larare: 33, forstelarare: 2, sarskildaElever: 6,
    ledningOchElevhalsa: { rektor: 1, bitradande_rektor: 1, specialpedagog: 2, kurator: 1, skolskoterska: 1, skolpsykolog: 1 },
    historikAr: 0, omdomenPerVarv: 0, nyaInsatserPerMote: 9,
  },
  l: {
    seed: 0x5eed03, klasserPerArskurs: 5, klasstorlek: 24, larare: 89, forstelarare: 4, sarskildaElever: 8,
    ledningOchElevhalsa: { rektor: 1, bitradande_rektor: 2, specialpedagog: 3, kurator: 2, skolskoterska: 2, skolpsykolog: 1 },
    historikAr: 0, omdomenPerVarv: 0, nyaInsatserPerMote: 18,
  },
  xl: {
    seed: 0x5eed04, klasserPerArskurs: 5, klasstorlek: 24, larare: 89, forstelarare: 4, sarskildaElever: 8,
    ledningOchElevhalsa: { rektor: 1, bitradande_rektor: 2, specialpedagog: 3, kurator: 2, skolskoterska: 2, skolpsykolog: 1 },
    historikAr: 4, omdomenPerVarv: 2, nyaInsatserPerMote: 18,
  },
};

/** Subjects read in each årskurs (timplan, simplified): F reads SV and MA, åk 6–9 add moderna språk. */
export function amnenForArskurs(arskurs: number): string[] {
  if (arskurs === 0) return ['SV', 'MA'];
  if (arskurs <= 3) return ['SV', 'MA', 'EN', 'BI', 'GE', 'TK', 'BL', 'IDH', 'MU', 'SL'];
  const mellan = ['SV', 'MA', 'EN', 'BI', 'FY', 'KE', 'TK', 'GE', 'HI', 'RE', 'SH', 'BL', 'HKK', 'IDH', 'MU', 'SL'];
  return arskurs >= 6 ? [...mellan, 'M2'] : mellan;
}

/** What the särskild undervisningsgrupp teaches itself; the rest its pupils read with their class. */
export const SARSKILD_GRUPP_AMNEN = ['SV', 'SVA', 'EN', 'MA', 'BI', 'FY', 'KE', 'TK', 'GE', 'HI', 'RE', 'SH'];
