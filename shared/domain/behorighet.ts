// Gymnasiebehörighet and meritvärde from grades or prognosed grades (seed 000: "För behörighet till
// gymnasieskolans yrkesprogram krävs minst godkänt betyg i engelska, matematik, svenska eller svenska som
// andraspråk och ytterligare fem ämnen.").
import { BETYG_POANG, isBetyg, isGodkand, type Betyg } from './scales';
import { AMNE_KODER, OBLIGATORISKA_AMNEN, SPRAKVAL_KOD, amneNamn } from './subjects';

export const REGEL_YRKESPROGRAM =
  'För behörighet till gymnasieskolans yrkesprogram krävs minst godkänt betyg i engelska, matematik, svenska eller svenska som andraspråk och ytterligare fem ämnen.';
export const REGEL_MERITVARDE =
  'Meritvärdet är summan av de 16 bästa betygen, plus betyget i moderna språk som språkval (M2) som ett 17:e ämne.';
export const REGEL_UNDERLAG_SAKNAS = 'Ett betyg som saknas är underlag saknas, aldrig ett F; F och streck (-) hålls isär.';
export const REGEL_SARSKILD_GRUPP =
  'Vid intervjuerna la vi märke till att det inte var självklart för alla att resultaten från skolornas särskilda undervisningsgrupper skulle ingå i prognosen inför åk 9.';

export type ProgramKod = 'YP' | 'ES' | 'EK' | 'HU' | 'SA' | 'NA' | 'TE';

export const GYMNASIEPROGRAM: readonly { kod: ProgramKod; namn: string; ovrigaAmnen: number; kravAmnen: string[] }[] = [
  { kod: 'YP', namn: 'Yrkesprogram', ovrigaAmnen: 5, kravAmnen: [] },
  { kod: 'ES', namn: 'Estetiska programmet', ovrigaAmnen: 9, kravAmnen: [] },
  { kod: 'EK', namn: 'Ekonomiprogrammet', ovrigaAmnen: 9, kravAmnen: ['GE', 'HI', 'RE', 'SH'] },
  { kod: 'HU', namn: 'Humanistiska programmet', ovrigaAmnen: 9, kravAmnen: ['GE', 'HI', 'RE', 'SH'] },
  { kod: 'SA', namn: 'Samhällsvetenskapsprogrammet', ovrigaAmnen: 9, kravAmnen: ['GE', 'HI', 'RE', 'SH'] },
  { kod: 'NA', namn: 'Naturvetenskapsprogrammet', ovrigaAmnen: 9, kravAmnen: ['BI', 'FY', 'KE'] },
  { kod: 'TE', namn: 'Teknikprogrammet', ovrigaAmnen: 9, kravAmnen: ['BI', 'FY', 'KE'] },
];

export interface ProgramBehorighet {
  kod: ProgramKod;
  namn: string;
  behorig: boolean;
  /** Subject codes that must reach E (kärnämnen and programme-specific ones), in a fixed order. */
  saknadeAmnen: string[];
  /** How many further subjects, of any kind, must reach E beyond saknadeAmnen. */
  saknadeOvriga: number;
  /** Swedish, e.g. ["E i matematik", "E i ytterligare 2 ämnen"]. Empty when behörig. */
  saknas: string[];
}

export interface BehorighetBedomning {
  /** Passing subjects, in the order of GRUNDSKOLA_AMNEN. */
  godkandaAmnen: string[];
  program: ProgramBehorighet[];
  yrkesprogram: boolean;
  /** Behörig to at least one högskoleförberedande programme. */
  hogskoleforberedande: boolean;
  meritvarde: number;
}

const KARNA = ['SV/SVA', 'EN', 'MA'] as const;

function karnaSaknas(betyg: Record<string, Betyg>): string[] {
  return KARNA.filter((k) => (k === 'SV/SVA' ? !isGodkand(betyg.SV) && !isGodkand(betyg.SVA) : !isGodkand(betyg[k])));
}

/** Passing subjects other than the kärnämnen; SV and SVA are alternatives, so neither counts as an extra. */
function ovrigaGodkanda(betyg: Record<string, Betyg>): string[] {
  return AMNE_KODER.filter((k) => !['SV', 'SVA', 'EN', 'MA'].includes(k) && isGodkand(betyg[k]));
}

function namnFor(kod: string): string {
  return kod === 'SV/SVA' ? 'svenska eller svenska som andraspråk' : amneNamn(kod).toLowerCase();
}

function assessProgram(program: (typeof GYMNASIEPROGRAM)[number], betyg: Record<string, Betyg>): ProgramBehorighet {
  const ovriga = ovrigaGodkanda(betyg);
  const kravSaknas = program.kravAmnen.filter((k) => !isGodkand(betyg[k]));
  const saknadeAmnen = [...karnaSaknas(betyg), ...kravSaknas];
  // Programme-specific subjects count among the further subjects once passed.
  const saknadeOvriga = Math.max(0, program.ovrigaAmnen - ovriga.length - kravSaknas.length);
  const saknas = saknadeAmnen.map((k) => `E i ${namnFor(k)}`);
  if (saknadeOvriga > 0) saknas.push(`E i ytterligare ${saknadeOvriga} ${saknadeOvriga === 1 ? 'ämne' : 'ämnen'}`);
  return { kod: program.kod, namn: program.namn, behorig: saknas.length === 0, saknadeAmnen, saknadeOvriga, saknas };
}

/**
 * Meritvärde: the 16 best grades plus moderna språk som språkval (M2) as a 17th when it is passing; max 340.
 * Moderna språk som elevens val (M1), modersmål and teckenspråk count among the 16. SV and SVA are alternatives, so
 * only the better of them is counted.
 */
export function meritvarde(betyg: Record<string, Betyg>): number {
  // Imported data may hold other values at run time; they count as no grade.
  const poang = (kod: string): number => {
    const b = betyg[kod];
    return b !== undefined && isBetyg(b) ? BETYG_POANG[b] : 0;
  };
  const sv = Math.max(poang('SV'), poang('SVA'));
  const ovriga = AMNE_KODER.filter((k) => !['SV', 'SVA', SPRAKVAL_KOD].includes(k)).map(poang);
  const basta16 = [sv, ...ovriga].sort((a, b) => b - a).slice(0, 16).reduce((s, p) => s + p, 0);
  return basta16 + poang(SPRAKVAL_KOD);
}

/** Behörighet to each programme kind from grades or prognosed grades; a missing subject counts as not passed. */
export function assessBehorighet(betyg: Record<string, Betyg>): BehorighetBedomning {
  const program = GYMNASIEPROGRAM.map((p) => assessProgram(p, betyg));
  return {
    godkandaAmnen: AMNE_KODER.filter((k) => isGodkand(betyg[k])),
    program,
    yrkesprogram: program.some((p) => p.kod === 'YP' && p.behorig),
    hogskoleforberedande: program.some((p) => p.kod !== 'YP' && p.behorig),
    meritvarde: meritvarde(betyg),
  };
}

export type PrognosStatus = 'behorig' | 'risk' | 'underlag_saknas';

/** What stops behörighet for one programme kind, in Swedish ("E i matematik (F)", "betyg saknas i fysik"). */
export interface PrognosSaknas {
  yrkesprogram: string[];
  hogskoleforberedande: string[];
}

export interface BehorighetPrognos {
  /**
   * behorig: behörig to a högskoleförberedande programme with the grades there are; risk: an F or '-' stops
   * behörighet even if every missing grade were an E; underlag_saknas: not behörig only because grades are missing.
   */
  status: PrognosStatus;
  /** For status risk: not even yrkesprogram (ej_behorig), or no högskoleförberedande programme. */
  risk: 'ej_behorig' | 'endast_yrkesprogram' | null;
  meritvarde: number;
  /** Subject codes graded F, and graded '-' (streck: the teacher lacked underlag). */
  betygF: string[];
  betygStreck: string[];
  /** Obligatory subjects with no grade at all ('SV' stands for SV or SVA). */
  saknadeBetyg: string[];
  /** Per programme kind; empty for a kind the pupil is behörig to. */
  saknas: PrognosSaknas;
}

function amneText(kod: string): string {
  return kod === 'SV' || kod === 'SV/SVA' ? 'svenska eller svenska som andraspråk' : amneNamn(kod).toLowerCase();
}

function harBetyg(betyg: Record<string, Betyg>, kod: string): boolean {
  const finns = (k: string) => betyg[k] !== undefined && isBetyg(betyg[k] as string);
  return kod === 'SV' || kod === 'SV/SVA' ? finns('SV') || finns('SVA') : finns(kod);
}

function betygsText(betyg: Record<string, Betyg>, kod: string): string {
  const b = kod === 'SV/SVA' ? (isGodkand(betyg.SVA) ? betyg.SVA : betyg.SV ?? betyg.SVA) : betyg[kod];
  if (b === 'F') return `E i ${amneText(kod)} (nu F)`;
  if (b === '-') return `E i ${amneText(kod)} (nu streck)`;
  return `E i ${amneText(kod)} (betyg saknas)`;
}

/** A programme's missing parts from the actual grades, where a further subject short only because grades are missing is said so. */
function saknasFor(p: ProgramBehorighet, optimistisk: ProgramBehorighet, betyg: Record<string, Betyg>, saknade: string[]): string[] {
  if (p.behorig) return [];
  const out = p.saknadeAmnen.map((k) => betygsText(betyg, k));
  if (optimistisk.saknadeOvriga > 0) {
    const n = optimistisk.saknadeOvriga;
    out.push(`E i ytterligare ${n} ${n === 1 ? 'ämne' : 'ämnen'}`);
  }
  const ovrigaSaknade = saknade.filter((k) => !p.saknadeAmnen.includes(k) && !(k === 'SV' && p.saknadeAmnen.includes('SV/SVA')));
  if (ovrigaSaknade.length > 0 && p.saknadeOvriga > optimistisk.saknadeOvriga) {
    out.push(`betyg saknas i ${ovrigaSaknade.map(amneText).join(', ')}`);
  }
  return out;
}

/**
 * The behörighet prognosis of one pupil from the grades there are. A missing grade is underlag saknas, never an F:
 * a pupil is at risk only when an F or '-' stops behörighet even if every missing obligatory grade were an E.
 */
export function behorighetPrognos(betyg: Record<string, Betyg>): BehorighetPrognos {
  const faktisk = assessBehorighet(betyg);
  const saknadeBetyg = OBLIGATORISKA_AMNEN.filter((k) => !harBetyg(betyg, k));
  const ifylld: Record<string, Betyg> = { ...betyg };
  for (const k of saknadeBetyg) ifylld[k] = 'E';
  const optimistisk = assessBehorighet(ifylld);
  const status: PrognosStatus = faktisk.hogskoleforberedande
    ? 'behorig'
    : optimistisk.hogskoleforberedande
      ? 'underlag_saknas'
      : 'risk';
  const prog = (b: BehorighetBedomning, kod: ProgramKod) => b.program.find((p) => p.kod === kod) as ProgramBehorighet;
  // The nearest högskoleförberedande programme: fewest missing with every missing grade an E, then with the grades there are.
  const cost = (p: ProgramBehorighet) => p.saknadeAmnen.length + p.saknadeOvriga;
  const hf = GYMNASIEPROGRAM.filter((p) => p.kod !== 'YP')
    .map((p) => ({ faktisk: prog(faktisk, p.kod), optimistisk: prog(optimistisk, p.kod) }))
    .reduce((best, p) =>
      cost(p.optimistisk) < cost(best.optimistisk) ||
      (cost(p.optimistisk) === cost(best.optimistisk) && cost(p.faktisk) < cost(best.faktisk))
        ? p
        : best,
    );
  return {
    status,
    risk: status !== 'risk' ? null : optimistisk.yrkesprogram ? 'endast_yrkesprogram' : 'ej_behorig',
    meritvarde: faktisk.meritvarde,
    betygF: AMNE_KODER.filter((k) => betyg[k] === 'F'),
    betygStreck: AMNE_KODER.filter((k) => betyg[k] === '-'),
    saknadeBetyg,
    saknas: {
      yrkesprogram: saknasFor(prog(faktisk, 'YP'), prog(optimistisk, 'YP'), betyg, saknadeBetyg),
      hogskoleforberedande: faktisk.hogskoleforberedande ? [] : saknasFor(hf.faktisk, hf.optimistisk, betyg, saknadeBetyg),
    },
  };
}

export interface RiskElev {
  elevId: number;
  arskurs: number;
  /** The pupil's class name, for sorting and display; null when none. */
  klass: string | null;
  sarskildUndervisningsgrupp: boolean;
  /** risk: an F or '-' stops behörighet; underlag_saknas: grades are missing. Pupils behöriga are not listed. */
  status: 'risk' | 'underlag_saknas';
  /** For status risk: 'ej_behorig' not even yrkesprogram; 'endast_yrkesprogram' no högskoleförberedande programme. */
  risk: 'ej_behorig' | 'endast_yrkesprogram' | null;
  /** What is missing per programme kind. */
  saknas: PrognosSaknas;
  betygF: string[];
  betygStreck: string[];
  saknadeBetyg: string[];
  meritvarde: number;
  /** Set for pupils in a särskild undervisningsgrupp, so they are seen in the prognosis. */
  flagga: string | null;
}

export const SARSKILD_GRUPP_FLAGGA = 'Eleven går i en särskild undervisningsgrupp och ska ingå i prognosen som alla andra elever.';

/** The årskurser of the prognosis by default (the last three of a nioårig grundskola); the school's settings decide. */
export const PROGNOS_ARSKURSER_STANDARD: readonly number[] = [7, 8, 9];

/**
 * Pupils in the given årskurser (the school's settings) not behöriga to a högskoleförberedande programme: status
 * risk (an F or '-' stops it) or underlag_saknas (grades missing). Pupils in särskilda undervisningsgrupper are never
 * left out and are flagged. Sorted by årskurs, klass (Swedish order, none last), then elevId.
 */
export function behorighetRiskList(
  elever: { elevId: number; arskurs: number; klass?: string | null; sarskildUndervisningsgrupp: boolean; betyg: Record<string, Betyg> }[],
  arskurser: readonly number[] = PROGNOS_ARSKURSER_STANDARD,
): RiskElev[] {
  const risk: RiskElev[] = [];
  for (const elev of elever) {
    if (!arskurser.includes(elev.arskurs)) continue;
    const p = behorighetPrognos(elev.betyg);
    if (p.status === 'behorig') continue;
    risk.push({
      elevId: elev.elevId,
      arskurs: elev.arskurs,
      klass: elev.klass ?? null,
      sarskildUndervisningsgrupp: elev.sarskildUndervisningsgrupp,
      status: p.status,
      risk: p.risk,
      saknas: p.saknas,
      betygF: p.betygF,
      betygStreck: p.betygStreck,
      saknadeBetyg: p.saknadeBetyg,
      meritvarde: p.meritvarde,
      flagga: elev.sarskildUndervisningsgrupp ? SARSKILD_GRUPP_FLAGGA : null,
    });
  }
  const klassOrdning = (a: string | null, b: string | null) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'sv', { numeric: true });
  return risk.sort((a, b) => a.arskurs - b.arskurs || klassOrdning(a.klass, b.klass) || a.elevId - b.elevId);
}
