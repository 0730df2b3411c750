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
  // M1 is the språkval (the optional 17th grade in meritvärdet); M2 a modern language read as elevens val.
  { kod: 'M1', namn: 'Moderna språk, språkval' },
  { kod: 'M2', namn: 'Moderna språk, elevens val' },
  { kod: 'ML', namn: 'Modersmål' },
] as const;

export type AmneKod = (typeof GRUNDSKOLA_AMNEN)[number]['kod'];

export const AMNE_KODER: readonly AmneKod[] = GRUNDSKOLA_AMNEN.map((a) => a.kod);

export function isAmneKod(kod: string): kod is AmneKod {
  return (AMNE_KODER as readonly string[]).includes(kod);
}

/** Swedish name of a subject code; an unknown code is returned as it is. */
export function amneNamn(kod: string): string {
  return GRUNDSKOLA_AMNEN.find((a) => a.kod === kod)?.namn ?? kod;
}
