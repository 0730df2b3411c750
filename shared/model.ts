// Domain vocabulary. Naming rule for the whole codebase: domain nouns are Swedish (written without å/ä/ö in
// identifiers: Elev, Insats, Varv, Mote…), everything technical is English (createInsats, openDatabase…).

export const NIVAER = ['individ', 'grupp', 'larare', 'organisation'] as const;
export type Niva = (typeof NIVAER)[number];

export const INSATS_TYPER = [
  'extra_anpassning',
  'sarskilt_stod',
  'forandrad_undervisning',
  'handledning',
  'annan',
] as const;
export type InsatsTyp = (typeof INSATS_TYPER)[number];

/** ersatt = replaced by a follow-on insats in the chain (after intensifiera or förändra). */
export const INSATS_STATUSAR = ['aktiv', 'avslutad', 'borttagen', 'ersatt'] as const;
export type InsatsStatus = (typeof INSATS_STATUSAR)[number];

/** In the order of keys 1–5 in meeting mode. */
export const BEDOMNINGAR = [
  'tydlig_effekt',
  'viss_effekt',
  'ingen_effekt',
  'negativ_utveckling',
  'kan_ej_bedomas',
] as const;
export type Bedomning = (typeof BEDOMNINGAR)[number];

export const BESLUT = ['intensifiera', 'forandra', 'ta_bort', 'avsluta', 'komplettera_underlag'] as const;
export type Beslut = (typeof BESLUT)[number];

export const ROLLER = [
  'rektor',
  'bitradande_rektor',
  'specialpedagog',
  'kurator',
  'skolskoterska',
  'skolpsykolog',
  'forstelarare',
  'larare',
  'mentor',
] as const;
export type Roll = (typeof ROLLER)[number];

export const MOTE_TYPER = ['forsta_eht', 'resultatdialog', 'eht', 'avstamning', 'arsavslut'] as const;
export type MoteTyp = (typeof MOTE_TYPER)[number];

export const MOTE_STATUSAR = ['planerat', 'pagar', 'avslutat'] as const;
export type MoteStatus = (typeof MOTE_STATUSAR)[number];

export const UTREDNING_STATUSAR = ['pagar', 'avslutad'] as const;
export type UtredningStatus = (typeof UTREDNING_STATUSAR)[number];

export const UTREDNING_UTFALL = ['atgardsprogram', 'inget_atgardsprogram'] as const;
export type UtredningUtfall = (typeof UTREDNING_UTFALL)[number];

export const UTREDNINGSBESLUT = ['inled', 'inte_nu'] as const;
export type Utredningsbeslut = (typeof UTREDNINGSBESLUT)[number];

export const GRUPP_TYPER = ['klass', 'undervisningsgrupp'] as const;
export type GruppTyp = (typeof GRUPP_TYPER)[number];

/** Årskurs: 0 = förskoleklass (F), 1–9 grundskola. */
export type Arskurs = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export interface Skola {
  id: number;
  namn: string;
  skapad: string;
}

export interface Lasar {
  id: number;
  namn: string;
  startdatum: string;
  slutdatum: string;
}

export interface Varv {
  id: number;
  lasarId: number;
  nummer: number;
  startdatum: string;
  slutdatum: string;
  bedomningSenast: string | null;
  resultatdialogDatum: string | null;
  ehtDatum: string | null;
  avstamningDatum: string | null;
}

export interface Elev {
  id: number;
  externId: string | null;
  fornamn: string;
  efternamn: string;
  arskurs: number;
  klassId: number | null;
  klass: string | null;
  mentorId: number | null;
  mentor: string | null;
  sarskildUndervisningsgrupp: boolean;
  nyanland: boolean;
  aktiv: boolean;
  /** The day the pupil left (yyyy-MM-dd); null while active. History is kept either way. */
  slutat: string | null;
  /** The pupil's code in pseudonymised protokoll ("AA-701"), once one has been printed; the key stays in the app. */
  pseudonym?: string | null;
}

export interface Personal {
  id: number;
  fornamn: string;
  efternamn: string;
  roller: Roll[];
  aktiv: boolean;
  epost: string | null;
}

export interface Effektbedomning {
  id: number;
  insatsId: number;
  moteId: number;
  datum: string;
  bedomning: Bedomning;
  maletNatt: boolean;
  underlag: string;
  rekommendation: Beslut;
  beslut: Beslut;
  motivering: string | null;
}

export interface Insats {
  id: number;
  niva: Niva;
  elevId: number | null;
  grupp: string | null;
  gruppId: number | null;
  larareId: number | null;
  amneId: number | null;
  amne: string | null;
  beskrivning: string;
  typ: InsatsTyp;
  forvantadEffekt: string;
  genomforsAvId: number | null;
  genomforsAv: string | null;
  aterkopplarId: number | null;
  aterkopplar: string | null;
  startdatum: string;
  slutdatum: string | null;
  status: InsatsStatus;
  beslutadVidMoteId: number | null;
  ersatterInsatsId: number | null;
  bedomningar: Effektbedomning[];
}
