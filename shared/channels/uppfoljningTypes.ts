// Types of the uppföljning channels (steps 5, 7, 8, Översikt's year and charts); the channels are in uppfoljning.ts.
import type { KriteriumSummering, TeacherPattern } from '../domain/index';
import type { Bedomning, Beslut, MoteTyp, Niva } from '../model';

export const OMFATTNINGAR = ['larare', 'amneslag', 'arbetslag'] as const;
export type Omfattning = (typeof OMFATTNINGAR)[number];

export const UTVECKLING_STATUSAR = ['identifierat', 'pagar', 'genomfort', 'avslutat'] as const;
export type UtvecklingStatus = (typeof UTVECKLING_STATUSAR)[number];

export const UTVECKLING_STATUS_TEXT: Record<UtvecklingStatus, string> = {
  identifierat: 'Identifierat',
  pagar: 'Pågår',
  genomfort: 'Genomfört',
  avslutat: 'Avslutat',
};

export const OMFATTNING_TEXT: Record<Omfattning, string> = {
  larare: 'Lärare',
  amneslag: 'Ämneslag',
  arbetslag: 'Arbetslag',
};

export interface Fraga {
  id: number;
  text: string;
  aktiv: boolean;
  ordning: number;
}

export interface ResultatdialogRad {
  id: number;
  varvId: number;
  varvNummer: number;
  omfattning: Omfattning;
  larareId: number | null;
  amneId: number | null;
  arskurser: number[];
  namn: string;
  datum: string;
  status: 'planerad' | 'genomford';
}

export interface Resultatdialog extends ResultatdialogRad {
  /** The common template: what the results show, what the teacher changes, the expected effect, the follow-up. */
  iakttagelser: string;
  forandring: string;
  forvantadEffekt: string;
  uppfoljningPlan: string;
  foregaendeId: number | null;
  /** "Hur gick det?" with the previous varv's plan for the same scope. */
  hurGickDet: string;
  foregaendeEffekt: Bedomning | null;
  fragor: { fragaId: number; text: string; ordning: number; svar: string }[];
  uppdaterad: string;
}

export interface KriterieAmne {
  amneId: number;
  amne: string;
  antalElever: number;
  kriterier: KriteriumSummering[];
  /** Per group within the subject (issue 15, item 13): its teachers, pupils, pupils not reaching (F, – or "ej nått"),
   *  pupils missing at least one criterion. */
  grupper: KriterieFordelning[];
  /** Per teacher within the subject, over the teacher's groups in the dialogue. */
  larare: (KriterieFordelning & { grupper: string[] })[];
  /** The level counts (A–F, or the early scale): shown where the subject has no criteria registered. */
  nivaer: { niva: string; antal: number }[];
}

export interface KriterieFordelning {
  namn: string;
  larare: string[];
  antalElever: number;
  antalEjNadda: number;
  antalMissarKriterium: number;
}

export type Lararmonster = TeacherPattern & { larare: string; amne: string; gruppNamn: Record<number, string>; larareNamn: Record<number, string> };

/** The criteria summary for a dialogue's groups: which betygskriterier pupils struggle with, and the change. */
export interface KriterieAnalys {
  tillfalle: string | null;
  foregaendeTillfalle: string | null;
  grupper: string[];
  amnen: KriterieAmne[];
  /** The teacher pattern (seed 001) for the dialogue's teachers and subjects, with every group of the teacher and
   *  the other teachers' groups in the subject. Skolledning only: never in the teacher's print. */
  lararmonster: Lararmonster[];
}

export interface ResultatdialogVy {
  dialog: Resultatdialog;
  foregaende: Resultatdialog | null;
  analys: KriterieAnalys;
}

export interface ResultatdialogVal {
  larare: { id: number; namn: string; grupper: string[] }[];
  amnen: { id: number; namn: string }[];
  arskurser: number[];
}

export interface UtvecklingHistorik {
  status: UtvecklingStatus;
  kommentar: string;
  datum: string;
  varvNummer: number | null;
}

export interface Utvecklingsomrade {
  id: number;
  titel: string;
  beskrivning: string;
  franVarvId: number | null;
  franVarvNummer: number | null;
  status: UtvecklingStatus;
  historik: UtvecklingHistorik[];
}

export interface ArskursKlar {
  arskurs: number;
  klar: boolean;
  /** 'resultatdialog' when a held dialogue covers it, 'manuellt' when marked by hand. */
  kalla: 'resultatdialog' | 'manuellt' | null;
  dialoger: string[];
  /** Teachings (group × subject × teacher) in the årskurs, and how many a held dialogue covers. */
  undervisningar: number;
  tackta: number;
  /** What is left, group by group: the subjects no held dialogue covers. */
  kvar: { grupp: string; amnen: string[] }[];
}

export interface AvstamningVy {
  varvId: number;
  varvNummer: number;
  datum: string | null;
  planeratDatum: string | null;
  anteckningar: string;
  status: 'pagar' | 'klar';
  arskurser: ArskursKlar[];
  allaKlara: boolean;
  /** The varv's EHT-möte has been held (closed). */
  ehtHallet: boolean;
  dialoger: ResultatdialogRad[];
  /** The teacher pattern over the whole school at the varv's occasion (skolledning only). */
  lararmonster: Lararmonster[];
  /** What is not done yet, in Swedish; marking the avstämning klar while it is not empty asks first. */
  ofardigt: string[];
  uppdaterad: string | null;
}

export interface Antal<K extends string> {
  nyckel: K;
  antal: number;
}

/** Step 8's "what changed", assembled from the data. */
export interface Arssammanstallning {
  insatserStartade: Antal<Niva>[];
  /** Follow-on insatser after förändra, insatser removed (ta bort) and finished (målet nått). */
  forandrade: number;
  borttagna: number;
  avslutade: number;
  intensifierade: number;
  beslut: Antal<Beslut>[];
  bedomningar: Antal<Bedomning>[];
  utredningar: { inledda: number; avslutadeITid: number; avslutadeSent: number; pagar: number; forsenade: number };
  /** Dialogues held (one per teacher, ämneslag or arbetslag), and the varv whose resultatdialog was held in full:
   *  "9 resultatdialoger i 3 varv" — the year report counts the latter as held meetings. */
  resultatdialoger: number;
  resultatdialogVarv: number;
  utvecklingsomraden: Utvecklingsomrade[];
  /** The teachers' plans from every held dialogue, with the effect rated in the next varv's dialogue. */
  dialogPlaner: DialogPlan[];
  /** Every varv's avstämning: its notes and whether it was marked klar. */
  avstamningar: { varvNummer: number; datum: string | null; status: 'pagar' | 'klar'; anteckningar: string }[];
  /** The insatser of the year by how they stand now: active, ended with the goal reached, removed, replaced. */
  insatserUtfall: Antal<'aktiv' | 'avslutad' | 'borttagen' | 'ersatt'>[];
}

export interface DialogPlan {
  dialogId: number;
  varvNummer: number;
  namn: string;
  forandring: string;
  forvantadEffekt: string;
  /** The next varv's dialogue with the same scope: how it went and the effect rated, or null when none followed. */
  uppfoljning: { varvNummer: number; effekt: Bedomning | null; hurGickDet: string } | null;
}

export interface PlanMoteJamforelse {
  varvNummer: number | null;
  typ: MoteTyp;
  planerat: string | null;
  faktiskt: string | null;
  hallet: boolean;
  /** 'enligt_plan', 'flyttat', 'ej_hallet' (date passed, not held), 'kommande', 'tillagt' (not in the baseline). */
  utfall: 'enligt_plan' | 'flyttat' | 'ej_hallet' | 'kommande' | 'tillagt';
}

export interface PlanMotUtfall {
  baslinje: { nummer: number; skapad: string } | null;
  moten: PlanMoteJamforelse[];
  planerade: number;
  hallna: number;
  flyttade: number;
}

export interface ArsavslutVy {
  lasarId: number;
  lasarNamn: string;
  behoverGoras: string;
  planVersionId: number | null;
  avstamdEht: string | null;
  avstamdForstelarare: string | null;
  status: 'pagar' | 'klar';
  sammanstallning: Arssammanstallning;
  planMotUtfall: PlanMotUtfall;
  planversioner: { id: number; nummer: number; skapad: string; orsak: string; isBaseline: boolean }[];
  /** What is not done yet, in Swedish; marking the year-end klar while it is not empty asks first. */
  ofardigt: string[];
  uppdaterad: string | null;
}

export interface NastaMote {
  typ: MoteTyp;
  datum: string;
  varvNummer: number | null;
  /** What must be done before it, in Swedish. */
  attGora: string[];
}

export interface OversiktUppfoljning {
  idag: string;
  nastaMote: NastaMote | null;
  insatserUtanUppfoljare: { insatsId: number; elevId: number | null; mal: string; beskrivning: string; startdatum: string }[];
  /** The gymnasiebehörighet prognosis: the årskurser the school's settings name, and the pupils not behöriga to a
   *  högskoleförberedande programme, sorted by årskurs and klass. */
  behorighetRisk: {
    arskurser: number[];
    elever: {
      elevId: number;
      namn: string;
      klass: string | null;
      arskurs: number;
      /** risk: an F or '-' stops behörighet; underlag_saknas: not behörig only because grades are missing. */
      status: 'risk' | 'underlag_saknas';
      /** For status risk: not even yrkesprogram, or no högskoleförberedande programme; null otherwise. */
      risk: 'ej_behorig' | 'endast_yrkesprogram' | null;
      /** What is missing, in Swedish, per programme kind. */
      saknas: { yrkesprogram: string[]; hogskoleforberedande: string[] };
      /** Subject codes graded F, graded '-' (streck), and obligatory subjects without a grade. */
      betygF: string[];
      betygStreck: string[];
      saknadeBetyg: string[];
      flagga: string | null;
      sarskildUndervisningsgrupp: boolean;
    }[];
  };
}

export interface DiagramSerie {
  nyckel: string;
  namn: string;
}

/** A chart's data: one row per category (varv or årskurs), a count per series. */
export interface Diagram {
  rubrik: string;
  kategorier: string[];
  serier: DiagramSerie[];
  /** varden[kategori][serie] */
  varden: number[][];
}

export interface OversiktDiagram {
  effektPerVarv: Diagram;
  beslutPerVarv: Diagram;
  insatserPerArskurs: Diagram;
}
