// Årshjul: the läsår as a circle (0° at the top, clockwise) with months, lov, varv and meetings on it. Pure
// geometry and SVG path strings, so the React picture and the backend's export picture are the same drawing.
import { addDaysIso, daysBetween, minIso } from './dates';
import type { Lov } from './lov';
import type { PlanKalenderVarv } from './planDiff';

export interface ArshjulInput {
  startdatum: string;
  slutdatum: string;
  lov: readonly Lov[];
  forstaEht: string | null;
  varv: readonly PlanKalenderVarv[];
  idag?: string | null;
}

export type ArshjulHandelseTyp = 'forstaEht' | 'bedomningSenast' | 'resultatdialog' | 'eht' | 'avstamning';

export interface ArshjulBage {
  a0: number;
  a1: number;
}

export interface ArshjulGeometri {
  fran: string;
  till: string;
  manader: (ArshjulBage & { etikett: string; mitt: number })[];
  lov: (ArshjulBage & { namn: string })[];
  varv: (ArshjulBage & { nummer: number; mitt: number })[];
  handelser: { typ: ArshjulHandelseTyp; datum: string; vinkel: number; varv: number | null }[];
  idag: number | null;
}

export const MANAD_KORT = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'] as const;

export const HANDELSE_TEXT: Record<ArshjulHandelseTyp, { namn: string; tecken: string }> = {
  forstaEht: { namn: 'Första EHT-mötet', tecken: 'F' },
  bedomningSenast: { namn: 'Bedömningar senast', tecken: 'B' },
  resultatdialog: { namn: 'Resultatdialog', tecken: 'R' },
  eht: { namn: 'EHT-möte', tecken: 'E' },
  avstamning: { namn: 'Avstämning', tecken: 'A' },
};

function nextMonthStart(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** From the läsår (and a första EHT held before it) to its last day; every date becomes an angle in [0, 360]. */
export function arshjulGeometri(input: ArshjulInput): ArshjulGeometri {
  const fran = input.forstaEht ? minIso(input.startdatum, input.forstaEht) : input.startdatum;
  const till = input.slutdatum;
  const total = Math.max(1, daysBetween(fran, addDaysIso(till, 1)));
  const vinkel = (iso: string) => Math.min(360, Math.max(0, (daysBetween(fran, iso) / total) * 360));
  const bage = (a: string, b: string): ArshjulBage => ({ a0: vinkel(a), a1: vinkel(addDaysIso(b, 1)) });

  const manader: ArshjulGeometri['manader'] = [];
  for (let start = fran; start <= till; start = nextMonthStart(start)) {
    const slut = minIso(addDaysIso(nextMonthStart(start), -1), till);
    const b = bage(start, slut);
    manader.push({ ...b, mitt: (b.a0 + b.a1) / 2, etikett: MANAD_KORT[Number(start.slice(5, 7)) - 1] ?? '' });
  }

  const lov = input.lov
    .filter((l) => l.till >= fran && l.fran <= till)
    .map((l) => ({ namn: l.namn, ...bage(l.fran < fran ? fran : l.fran, l.till > till ? till : l.till) }));

  const varv = input.varv.map((v) => {
    const b = bage(v.startdatum, v.slutdatum);
    return { nummer: v.nummer, ...b, mitt: (b.a0 + b.a1) / 2 };
  });

  const handelser: ArshjulGeometri['handelser'] = [];
  if (input.forstaEht) handelser.push({ typ: 'forstaEht', datum: input.forstaEht, vinkel: vinkel(input.forstaEht), varv: null });
  for (const v of input.varv) {
    for (const typ of ['bedomningSenast', 'resultatdialog', 'eht', 'avstamning'] as const) {
      const datum = v[typ];
      if (datum) handelser.push({ typ, datum, vinkel: vinkel(datum), varv: v.nummer });
    }
  }
  handelser.sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : 0));

  const idag = input.idag && input.idag >= fran && input.idag <= till ? vinkel(input.idag) : null;
  return { fran, till, manader, lov, varv, handelser, idag };
}

/** A point at `deg` (0 = top, clockwise) on a circle of radius r. */
export function polar(cx: number, cy: number, r: number, deg: number): { x: number; y: number } {
  const rad = ((deg - 90) * Math.PI) / 180;
  return { x: round(cx + r * Math.cos(rad)), y: round(cy + r * Math.sin(rad)) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** SVG path of a ring segment between radii r0 < r1 and angles a0 < a1. */
export function ringSegment(cx: number, cy: number, r0: number, r1: number, a0: number, a1: number): string {
  const span = Math.min(359.99, Math.max(0.01, a1 - a0));
  const end = a0 + span;
  const large = span > 180 ? 1 : 0;
  const p1 = polar(cx, cy, r1, a0);
  const p2 = polar(cx, cy, r1, end);
  const p3 = polar(cx, cy, r0, end);
  const p4 = polar(cx, cy, r0, a0);
  return `M ${p1.x} ${p1.y} A ${r1} ${r1} 0 ${large} 1 ${p2.x} ${p2.y} L ${p3.x} ${p3.y} A ${r0} ${r0} 0 ${large} 0 ${p4.x} ${p4.y} Z`;
}

/** Fixed layout shared by the screen and the exported picture (viewBox 0 0 STORLEK STORLEK). */
export const ARSHJUL_LAYOUT = {
  storlek: 640,
  c: 320,
  manadR: [262, 300],
  lovR: [226, 258],
  varvR: [146, 222],
  /** Each kind of meeting has its own lane in the varv ring, so meetings a week apart do not cover each other. */
  handelseR: { forstaEht: 184, bedomningSenast: 157, resultatdialog: 176, eht: 195, avstamning: 213 } satisfies Record<ArshjulHandelseTyp, number>,
  handelseRadie: 8.5,
  manadEtikettR: 281,
  varvEtikettR: 128,
} as const;

/** Colours of the drawing (AA contrast for the letters on their fills), used by the screen and the export alike. */
export const ARSHJUL_FARGER = {
  manad: ['#eef1f5', '#e2e7ee'],
  manadText: '#2b2f36',
  lov: '#b9c0ca',
  lovText: '#2b2f36',
  varv: ['#1d4e89', '#3b6ea8'],
  varvText: '#ffffff',
  handelse: {
    forstaEht: '#7a3e9d',
    bedomningSenast: '#8a5a00',
    resultatdialog: '#0f6e4f',
    eht: '#b3261e',
    avstamning: '#33415c',
  } satisfies Record<ArshjulHandelseTyp, string>,
  idag: '#d4351c',
  mitt: '#1a1a1a',
} as const;
