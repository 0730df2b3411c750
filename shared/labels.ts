// Swedish display text for the domain vocabulary, worded as in Skolverket's ledarhandling (seed 001).
import type {
  Bedomning,
  Beslut,
  GruppTyp,
  InsatsStatus,
  InsatsTyp,
  MoteTyp,
  Niva,
  Roll,
  UtredningUtfall,
} from './model';

export const NIVA_TEXT: Record<Niva, string> = {
  individ: 'Individ',
  grupp: 'Grupp',
  larare: 'Lärare',
  organisation: 'Organisation',
};

export const INSATS_TYP_TEXT: Record<InsatsTyp, string> = {
  extra_anpassning: 'Extra anpassning',
  sarskilt_stod: 'Särskilt stöd',
  forandrad_undervisning: 'Förändrad undervisning',
  handledning: 'Handledning',
  annan: 'Annan insats',
};

export const INSATS_STATUS_TEXT: Record<InsatsStatus, string> = {
  aktiv: 'Pågår',
  avslutad: 'Avslutad',
  borttagen: 'Borttagen',
  ersatt: 'Ersatt av ny insats',
};

export const BEDOMNING_TEXT: Record<Bedomning, string> = {
  tydlig_effekt: 'Tydlig effekt',
  viss_effekt: 'Viss effekt',
  ingen_effekt: 'Ingen effekt',
  negativ_utveckling: 'Negativ utveckling',
  kan_ej_bedomas: 'Kan ej bedömas',
};

export const BESLUT_TEXT: Record<Beslut, string> = {
  intensifiera: 'Intensifiera',
  forandra: 'Förändra',
  ta_bort: 'Ta bort',
  avsluta: 'Avsluta – målet nått',
  komplettera_underlag: 'Komplettera underlag',
};

export const ROLL_TEXT: Record<Roll, string> = {
  rektor: 'Rektor',
  bitradande_rektor: 'Biträdande rektor',
  specialpedagog: 'Specialpedagog',
  kurator: 'Kurator',
  skolskoterska: 'Skolsköterska',
  skolpsykolog: 'Skolpsykolog',
  forstelarare: 'Förstelärare',
  larare: 'Lärare',
  mentor: 'Mentor',
};

export const MOTE_TYP_TEXT: Record<MoteTyp, string> = {
  forsta_eht: 'Första EHT-mötet',
  resultatdialog: 'Resultatdialog',
  eht: 'EHT-möte',
  avstamning: 'Avstämning i skolledningen',
  arsavslut: 'Årsavslut',
};

export const UTREDNING_UTFALL_TEXT: Record<UtredningUtfall, string> = {
  atgardsprogram: 'Behov – åtgärdsprogram upprättas',
  inget_atgardsprogram: 'Inget behov – beslut att inte upprätta åtgärdsprogram',
};

export const GRUPP_TYP_TEXT: Record<GruppTyp, string> = {
  klass: 'Klass',
  undervisningsgrupp: 'Undervisningsgrupp',
};

/** "F" for förskoleklass, otherwise the number. */
export function arskursText(arskurs: number): string {
  return arskurs === 0 ? 'F' : String(arskurs);
}
