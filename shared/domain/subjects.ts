// The grundskola subjects with the codes schools and school platforms use.

export const GRUNDSKOLA_AMNEN = [
  { kod: 'SV', namn: 'Svenska' },
  { kod: 'SVA', namn: 'Svenska som andraspråk' },
  { kod: 'EN', namn: 'Engelska' },
  { kod: 'MA', namn: 'Matematik' },
  { kod: 'BI', namn: 'Biologi' },
  { kod: 'FY', namn: 'Fysik' },
  { kod: 'KE', namn: 'Kemi' },
  { kod: 'TK', namn: 'Teknik' },
  { kod: 'GE', namn: 'Geografi' },
  { kod: 'HI', namn: 'Historia' },
  { kod: 'RE', namn: 'Religionskunskap' },
  { kod: 'SH', namn: 'Samhällskunskap' },
  { kod: 'BL', namn: 'Bild' },
  { kod: 'HKK', namn: 'Hem- och konsumentkunskap' },
  { kod: 'IDH', namn: 'Idrott och hälsa' },
  { kod: 'MU', namn: 'Musik' },
  { kod: 'SL', namn: 'Slöjd' },
  // Skolverket's betygskatalog: M1 = moderna språk som elevens val, M2 = moderna språk som språkval (the optional
  // 17th grade in meritvärdet). Platforms append the language: M2TY, M1SP (shared/import/values.ts).
  { kod: 'M1', namn: 'Moderna språk, elevens val' },
  { kod: 'M2', namn: 'Moderna språk, språkval' },
  { kod: 'ML', namn: 'Modersmål' },
  { kod: 'TN', namn: 'Teckenspråk för hörande' },
] as const;

export type AmneKod = (typeof GRUNDSKOLA_AMNEN)[number]['kod'];

export const AMNE_KODER: readonly AmneKod[] = GRUNDSKOLA_AMNEN.map((a) => a.kod);

/** The sixteen subjects every pupil reads (SV or SVA counted once, as 'SV'): a grade missing in one is underlag saknas. */
export const OBLIGATORISKA_AMNEN: readonly AmneKod[] = ['SV', 'EN', 'MA', 'BI', 'FY', 'KE', 'TK', 'GE', 'HI', 'RE', 'SH', 'BL', 'HKK', 'IDH', 'MU', 'SL'];

/** Moderna språk som språkval: the only subject that can be the 17th meritvärde grade. */
export const SPRAKVAL_KOD: AmneKod = 'M2';

export function isAmneKod(kod: string): kod is AmneKod {
  return (AMNE_KODER as readonly string[]).includes(kod);
}

/** Swedish name of a subject code; an unknown code is returned as it is. */
export function amneNamn(kod: string): string {
  return GRUNDSKOLA_AMNEN.find((a) => a.kod === kod)?.namn ?? kod;
}
