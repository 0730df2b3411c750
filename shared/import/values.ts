// Reading one cell: grades and the early-years scale, dates, årskurs, subjects with a language, criteria lists,
// names, roles and yes/no. Each returns null (or a reason) for a value it cannot read; the validator turns that
// into a Swedish problem with row and column.
import { isRealIsoDate } from '../validation';
import { GRUNDSKOLA_AMNEN, type AmneKod } from '../domain/subjects';
import type { ResultatNiva } from '../domain/scales';
import { ROLLER, type Roll } from '../model';
import { ROLL_TEXT } from '../labels';
import { normalizeHeader } from './headers';

/** Folded for comparisons: lower case, no diacritics, single spaces ("På  Väg" → "pa vag"). */
export function fold(value: string): string {
  return normalizeHeader(value);
}

const NIVA_WORDS: Record<string, ResultatNiva> = {
  'ej natt': 'ej_natt', 'inte natt': 'ej_natt', 'ej uppnatt': 'ej_natt', 'not reached': 'ej_natt', 'ej_natt': 'ej_natt',
  'pa vag': 'pa_vag', 'pa vag mot': 'pa_vag', 'on the way': 'pa_vag', 'pa_vag': 'pa_vag',
  natt: 'natt', uppnatt: 'natt', reached: 'natt',
};

/** "A"–"F", "-" (also "–" and "streck"), or ej nått / på väg / nått in any case or spelling without å/ä/ö. */
export function parseNiva(raw: string): ResultatNiva | null {
  const value = raw.trim();
  if (/^[a-fA-F]$/.test(value)) return value.toUpperCase() as ResultatNiva;
  if (/^[-–—]$/.test(value) || fold(value) === 'streck') return '-';
  const key = value.includes('_') ? value.toLowerCase() : fold(value);
  return NIVA_WORDS[key] ?? null;
}

/**
 * A date as yyyy-MM-dd. Accepts 2026-10-05, 2026-10-5, 2026/10/05, 20261005, 5/10/2026 and 5.10.2026 (day first,
 * as in Sweden) and a time after the date. Returns 'invalid' for a date that does not exist (2026-02-30).
 */
export function parseDatum(raw: string): string | 'invalid' | null {
  const value = raw.trim().replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, '');
  let y: string | undefined;
  let m: string | undefined;
  let d: string | undefined;
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (match) [, y, m, d] = match;
  else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(value))) [, y, m, d] = match;
  else if ((match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value))) [, d, m, y] = match;
  if (!y || !m || !d) return null;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isRealIsoDate(iso) ? iso : 'invalid';
}

/** "7", "7,0", "7.0", "åk 7", "F"/"FK" (förskoleklass → 0); null when not a whole årskurs 0–9. */
export function parseArskurs(raw: string): number | null {
  const value = fold(raw).replace(/^(ak|arskurs|year)\s*/, '');
  if (value === 'f' || value === 'fk' || value === 'forskoleklass') return 0;
  const match = /^(\d)(?:[.,]0+)?$/.exec(value.replace(' ', ','));
  return match ? Number(match[1]) : null;
}

/** The årskurs a class name starts with: "7A" → 7, "F-B" → 0; null when it has none. */
export function arskursFromKlass(klass: string): number | null {
  const match = /^\s*(\d)(?!\d)/.exec(klass);
  if (match) return Number(match[1]);
  return /^\s*(f|fk)(?![a-zåäö])/i.test(klass) ? 0 : null;
}

export interface AmneRef {
  kod: AmneKod;
  /** The language of moderna språk (M1/M2) and modersmål (ML), capitalised; '' otherwise. */
  sprak: string;
}

const SPRAK_KODER = new Set<string>(['M1', 'M2', 'ML']);
const BY_NAME = new Map<string, AmneKod>(GRUNDSKOLA_AMNEN.map((a) => [fold(a.namn), a.kod]));
const BY_KOD = new Map<string, AmneKod>(GRUNDSKOLA_AMNEN.map((a) => [a.kod.toLowerCase(), a.kod]));
const EXTRA_NAMES: Record<string, AmneKod> = {
  // Skolverket: M1 = moderna språk som elevens val, M2 = moderna språk som språkval. "Moderna språk" without more is
  // the språkval (M2), the one every school offers.
  'moderna sprak': 'M2', 'moderna sprak sprakval': 'M2', 'moderna sprak som sprakval': 'M2', 'sprakval': 'M2',
  'moderna sprak elevens val': 'M1', 'moderna sprak som elevens val': 'M1',
  modersmal: 'ML', 'idrott': 'IDH', 'idrott och halsa': 'IDH', 'hemkunskap': 'HKK', 'svenska 2': 'SVA',
  'teckensprak': 'TN', 'teckensprak for horande': 'TN',
  'math': 'MA', 'mathematics': 'MA', 'english': 'EN', 'swedish': 'SV',
};

/**
 * The language part of Skolverket's compact codes as school platforms export them: moderna språk with two letters
 * (M2TY, M1SP), modersmål with ISO 639-2's three (MLARA). Only languages listed here are read; another gives an error.
 */
export const SPRAK_KOD_NAMN: Record<string, string> = {
  FR: 'Franska', SP: 'Spanska', TY: 'Tyska', IT: 'Italienska', RY: 'Ryska', KI: 'Kinesiska', JA: 'Japanska',
  AR: 'Arabiska', PO: 'Portugisiska', TE: 'Teckenspråk', EN: 'Engelska', FI: 'Finska', GR: 'Grekiska',
  ARA: 'Arabiska', SOM: 'Somaliska', BOS: 'Bosniska', PER: 'Persiska', FAS: 'Persiska', PRS: 'Dari', PUS: 'Pashto',
  TIR: 'Tigrinja', KUR: 'Kurdiska', POL: 'Polska', FIN: 'Finska', ENG: 'Engelska', SPA: 'Spanska', TUR: 'Turkiska',
  RUS: 'Ryska', ALB: 'Albanska', SQI: 'Albanska', THA: 'Thai', SRP: 'Serbiska', HRV: 'Kroatiska', BCS: 'Bosniska/kroatiska/serbiska',
  AMH: 'Amhariska', UKR: 'Ukrainska', ROM: 'Romani', RMY: 'Romani', FIT: 'Meänkieli', SME: 'Nordsamiska', YID: 'Jiddisch',
  DEU: 'Tyska', GER: 'Tyska', FRA: 'Franska', FRE: 'Franska', ITA: 'Italienska', CHI: 'Kinesiska', ZHO: 'Kinesiska',
  VIE: 'Vietnamesiska', HUN: 'Ungerska', RUM: 'Rumänska', RON: 'Rumänska', BUL: 'Bulgariska', LIT: 'Litauiska',
  EST: 'Estniska', LAV: 'Lettiska', GRE: 'Grekiska', ELL: 'Grekiska', HIN: 'Hindi', URD: 'Urdu', BEN: 'Bengali',
  TAM: 'Tamil', SWA: 'Swahili', TGL: 'Tagalog', NOR: 'Norska', DAN: 'Danska', ISL: 'Isländska', ICE: 'Isländska',
  HEB: 'Hebreiska', KOR: 'Koreanska', JPN: 'Japanska', POR: 'Portugisiska', MKD: 'Makedonska', SLV: 'Slovenska',
  SLK: 'Slovakiska', CES: 'Tjeckiska', CZE: 'Tjeckiska', AZE: 'Azerbajdzjanska', UZB: 'Uzbekiska',
};

function capitalise(word: string): string {
  const w = word.trim().toLowerCase();
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** "M2TY" → M2 Tyska, "MLARA" → ML Arabiska; null when it is not such a code or the language is not known. */
function parseKompaktKod(value: string): AmneRef | null {
  const match = /^(M1|M2|ML)([A-ZÅÄÖ]{2,3})$/i.exec(value);
  if (!match) return null;
  const kod = (match[1] as string).toUpperCase() as AmneKod;
  const sprak = SPRAK_KOD_NAMN[(match[2] as string).toUpperCase()];
  return sprak ? { kod, sprak } : null;
}

/**
 * A subject code or Swedish name, with a language for moderna språk/modersmål ("M2 Spanska", "Modersmål – arabiska"),
 * or Skolverket's compact code (M2TY, M1SP, MLARA, TN).
 */
export function parseAmne(raw: string): AmneRef | null {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (!value) return null;
  const direct = BY_KOD.get(value.toLowerCase()) ?? BY_NAME.get(fold(value)) ?? EXTRA_NAMES[fold(value)];
  if (direct) return { kod: direct, sprak: '' };
  const kompakt = parseKompaktKod(value);
  if (kompakt) return kompakt;
  // Code or name followed by a language: "M2 Spanska", "M2-spanska", "Moderna språk – spanska", "Modersmål, arabiska".
  const split = /^(.*?)(?:\s*[–—,:(-]\s*|\s+)([A-Za-zÅÄÖåäöÉéÜü]+)\)?$/.exec(value);
  if (!split) return null;
  const [, head = '', lang = ''] = split;
  const kod = BY_KOD.get(head.toLowerCase()) ?? BY_NAME.get(fold(head)) ?? EXTRA_NAMES[fold(head)];
  if (!kod || !SPRAK_KODER.has(kod)) return null;
  return { kod, sprak: capitalise(lang) };
}

/** "Problemlösning; Resonemang" or one per line → the criteria, trimmed, without empties or repeats. */
export function splitKriterier(raw: string): string[] {
  const parts = raw.split(/[;\n\r|]+/).map((p) => p.trim().replace(/\s+/g, ' ')).filter((p) => p.length > 0);
  return [...new Set(parts)];
}

/** "Efternamn, Förnamn" or "Förnamn Efternamn" (the last word is the surname). */
export function splitNamn(raw: string): { fornamn: string; efternamn: string } | null {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (value.includes(',')) {
    const [efternamn = '', fornamn = ''] = value.split(',').map((p) => p.trim());
    return fornamn && efternamn ? { fornamn, efternamn } : null;
  }
  const space = value.lastIndexOf(' ');
  if (space <= 0) return null;
  return { fornamn: value.slice(0, space), efternamn: value.slice(space + 1) };
}

const ROLL_BY_TEXT = new Map<string, Roll>([
  ...ROLLER.map((r) => [fold(ROLL_TEXT[r]), r] as [string, Roll]),
  ...ROLLER.map((r) => [fold(r), r] as [string, Roll]),
  ['bitr rektor', 'bitradande_rektor'], ['teacher', 'larare'], ['principal', 'rektor'], ['speciallarare', 'specialpedagog'],
  ['skolkurator', 'kurator'], ['skolskoterska', 'skolskoterska'], ['forstelarare', 'forstelarare'],
]);

/** "Lärare, mentor" → ['larare', 'mentor']; unknown words are returned separately so they can be reported. */
export function parseRoller(raw: string): { roller: Roll[]; okanda: string[] } {
  const roller: Roll[] = [];
  const okanda: string[] = [];
  for (const part of raw.split(/[,;/\n]+/).map((p) => p.trim()).filter(Boolean)) {
    const roll = ROLL_BY_TEXT.get(fold(part));
    if (roll) {
      if (!roller.includes(roll)) roller.push(roll);
    } else okanda.push(part);
  }
  return { roller, okanda };
}

/** Ja/nej in the ways spreadsheets write it; null when it is neither. Empty is nej. */
export function parseFlag(raw: string): boolean | null {
  const value = fold(raw);
  if (['', 'nej', 'n', '0', 'no', 'false', 'falskt'].includes(value)) return false;
  if (['ja', 'j', '1', 'x', 'yes', 'y', 'true', 'sant'].includes(value)) return true;
  return null;
}
