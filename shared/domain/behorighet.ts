// Gymnasiebehörighet and meritvärde from grades or prognosed grades (seed 000: "För behörighet till
// gymnasieskolans yrkesprogram krävs minst godkänt betyg i engelska, matematik, svenska eller svenska som
// andraspråk och ytterligare fem ämnen.").
import { BETYG_POANG, isBetyg, isGodkand, type Betyg } from './scales';
import { AMNE_KODER, amneNamn } from './subjects';

export const REGEL_YRKESPROGRAM =
  'För behörighet till gymnasieskolans yrkesprogram krävs minst godkänt betyg i engelska, matematik, svenska eller svenska som andraspråk och ytterligare fem ämnen.';
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
 * Meritvärde: the 16 best grades plus moderna språk som språkval (M1) as a 17th when it is passing; max 340.
 * SV and SVA are alternatives, so only the better of them is counted.
 */
export function meritvarde(betyg: Record<string, Betyg>): number {
  // Imported data may hold other values at run time; they count as no grade.
  const poang = (kod: string): number => {
    const b = betyg[kod];
    return b !== undefined && isBetyg(b) ? BETYG_POANG[b] : 0;
  };
  const sv = Math.max(poang('SV'), poang('SVA'));
  const ovriga = AMNE_KODER.filter((k) => !['SV', 'SVA', 'M1'].includes(k)).map(poang);
  const basta16 = [sv, ...ovriga].sort((a, b) => b - a).slice(0, 16).reduce((s, p) => s + p, 0);
  return basta16 + poang('M1');
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

export interface RiskElev {
  elevId: number;
  arskurs: number;
  sarskildUndervisningsgrupp: boolean;
  /** 'ej_behorig': not even yrkesprogram; 'endast_yrkesprogram': no högskoleförberedande programme. */
  risk: 'ej_behorig' | 'endast_yrkesprogram';
  /** What is missing for yrkesprogram (or, at risk level endast_yrkesprogram, for the nearest such programme). */
  saknas: string[];
  meritvarde: number;
  /** Set for pupils in a särskild undervisningsgrupp, so they are seen in the prognosis. */
  flagga: string | null;
}

const RISK_ARSKURSER = [7, 8, 9];

function nearestHogskole(bedomning: BehorighetBedomning): ProgramBehorighet {
  const hf = bedomning.program.filter((p) => p.kod !== 'YP');
  const cost = (p: ProgramBehorighet) => p.saknadeAmnen.length + p.saknadeOvriga;
  return hf.reduce((best, p) => (cost(p) < cost(best) ? p : best));
}

/**
 * Pupils in åk 7–9 at risk of not reaching behörighet. Pupils in särskilda undervisningsgrupper are never left out
 * and are flagged. Sorted: ej behörig before endast yrkesprogram, then by elevId.
 */
export function behorighetRiskList(
  elever: { elevId: number; arskurs: number; sarskildUndervisningsgrupp: boolean; betyg: Record<string, Betyg> }[],
): RiskElev[] {
  const risk: RiskElev[] = [];
  for (const elev of elever) {
    if (!RISK_ARSKURSER.includes(elev.arskurs)) continue;
    const b = assessBehorighet(elev.betyg);
    if (b.hogskoleforberedande) continue;
    const yp = b.program.find((p) => p.kod === 'YP') as ProgramBehorighet;
    risk.push({
      elevId: elev.elevId,
      arskurs: elev.arskurs,
      sarskildUndervisningsgrupp: elev.sarskildUndervisningsgrupp,
      risk: b.yrkesprogram ? 'endast_yrkesprogram' : 'ej_behorig',
      saknas: b.yrkesprogram ? nearestHogskole(b).saknas : yp.saknas,
      meritvarde: b.meritvarde,
      flagga: elev.sarskildUndervisningsgrupp
        ? 'Eleven går i en särskild undervisningsgrupp och ska ingå i prognosen som alla andra elever.'
        : null,
    });
  }
  const ordning = { ej_behorig: 0, endast_yrkesprogram: 1 };
  return risk.sort((a, b) => ordning[a.risk] - ordning[b.risk] || a.elevId - b.elevId);
}
