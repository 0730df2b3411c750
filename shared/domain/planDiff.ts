// The plan as a frozen snapshot (answers + calendar) and what changed between two snapshots. Step 8 asks "Gå
// tillbaka till den ursprungliga planen och se om ni följde planeringen", so any two versions must be comparable.
import type { Varv } from '../model';
import { datumISvenskText, mondayOf, weekdayOf } from './dates';
import { lovVeckor, type Lov } from './lov';
import { PLAN_FRAGOR, type PlanFragaKey } from './ledarhandlingar';

export interface PlanKalenderVarv {
  nummer: number;
  startdatum: string;
  slutdatum: string;
  bedomningSenast: string | null;
  resultatdialog: string | null;
  eht: string | null;
  avstamning: string | null;
}

/** A stored varv as a row of the plan's calendar (the varv table names its dates …Datum). */
export function kalenderVarv(v: Pick<Varv, 'nummer' | 'startdatum' | 'slutdatum' | 'bedomningSenast' | 'resultatdialogDatum' | 'ehtDatum' | 'avstamningDatum'>): PlanKalenderVarv {
  return {
    nummer: v.nummer,
    startdatum: v.startdatum,
    slutdatum: v.slutdatum,
    bedomningSenast: v.bedomningSenast,
    resultatdialog: v.resultatdialogDatum,
    eht: v.ehtDatum,
    avstamning: v.avstamningDatum,
  };
}

export interface PlanInnehall {
  skola: string;
  lasar: { namn: string; startdatum: string; slutdatum: string };
  lov: Lov[];
  forstaEht: string | null;
  svar: Partial<Record<PlanFragaKey, string>>;
  kalender: PlanKalenderVarv[];
}

export type PlanAndringTyp = 'svar' | 'datum' | 'lov' | 'varv';

export interface PlanAndring {
  typ: PlanAndringTyp;
  /** Stable key, e.g. 'svar.syfte', 'varv.2.eht', 'lov.Höstlov'. */
  nyckel: string;
  rubrik: string;
  fore: string | null;
  efter: string | null;
}

export const KALENDER_FALT = [
  { key: 'bedomningSenast', namn: 'Bedömningar senast' },
  { key: 'resultatdialog', namn: 'Resultatdialog' },
  { key: 'eht', namn: 'EHT-möte' },
  { key: 'avstamning', namn: 'Avstämning' },
] as const;
export type KalenderFalt = (typeof KALENDER_FALT)[number]['key'];

function norm(text: string | null | undefined): string | null {
  const t = (text ?? '').trim();
  return t === '' ? null : t;
}

function lovText(l: Lov): string {
  return l.fran === l.till ? l.fran : `${l.fran} – ${l.till}`;
}

/** Every answer, date and lov that differs between a (older) and b (newer), in the plan's reading order. */
export function planDiff(a: PlanInnehall, b: PlanInnehall): PlanAndring[] {
  const out: PlanAndring[] = [];
  for (const f of PLAN_FRAGOR) {
    const fore = norm(a.svar[f.key]);
    const efter = norm(b.svar[f.key]);
    if (fore !== efter) out.push({ typ: 'svar', nyckel: `svar.${f.key}`, rubrik: f.kort, fore, efter });
  }
  if (a.forstaEht !== b.forstaEht) {
    out.push({ typ: 'datum', nyckel: 'forstaEht', rubrik: 'Första EHT-mötet', fore: a.forstaEht, efter: b.forstaEht });
  }
  const nummer = [...new Set([...a.kalender, ...b.kalender].map((v) => v.nummer))].sort((x, y) => x - y);
  for (const n of nummer) {
    const va = a.kalender.find((v) => v.nummer === n);
    const vb = b.kalender.find((v) => v.nummer === n);
    if (!va || !vb) {
      const finns = va ?? vb;
      const text = finns ? `${finns.startdatum} – ${finns.slutdatum}` : null;
      out.push({ typ: 'varv', nyckel: `varv.${n}`, rubrik: `Varv ${n}`, fore: va ? text : null, efter: vb ? text : null });
      continue;
    }
    for (const f of KALENDER_FALT) {
      if (va[f.key] !== vb[f.key]) {
        out.push({ typ: 'datum', nyckel: `varv.${n}.${f.key}`, rubrik: `Varv ${n}: ${f.namn}`, fore: va[f.key], efter: vb[f.key] });
      }
    }
  }
  const lovNamn = [...new Set([...a.lov, ...b.lov].map((l) => l.namn))];
  for (const namn of lovNamn) {
    const la = a.lov.filter((l) => l.namn === namn).map(lovText).join(', ') || null;
    const lb = b.lov.filter((l) => l.namn === namn).map(lovText).join(', ') || null;
    if (la !== lb) out.push({ typ: 'lov', nyckel: `lov.${namn}`, rubrik: namn, fore: la, efter: lb });
  }
  return out;
}

export interface OrdDel {
  typ: 'lika' | 'bort' | 'ny';
  text: string;
}

const MAX_CELLS = 1_000_000;

/** Word-level difference for highlighting a changed answer; very long texts fall back to "all replaced". */
export function ordDiff(fore: string, efter: string): OrdDel[] {
  const a = fore.split(/(\s+)/).filter((s) => s !== '');
  const b = efter.split(/(\s+)/).filter((s) => s !== '');
  if (a.length * b.length > MAX_CELLS) {
    return [
      ...(fore ? [{ typ: 'bort' as const, text: fore }] : []),
      ...(efter ? [{ typ: 'ny' as const, text: efter }] : []),
    ];
  }
  // Longest common subsequence table, filled from the end so the walk below goes forwards.
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? (lcs[(i + 1) * w + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * w + j] ?? 0, lcs[i * w + j + 1] ?? 0);
    }
  }
  const out: OrdDel[] = [];
  const push = (typ: OrdDel['typ'], text: string) => {
    const last = out[out.length - 1];
    if (last && last.typ === typ) last.text += text;
    else out.push({ typ, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('lika', a[i] ?? '');
      i++;
      j++;
    } else if ((lcs[(i + 1) * w + j] ?? 0) >= (lcs[i * w + j + 1] ?? 0)) {
      push('bort', a[i++] ?? '');
    } else {
      push('ny', b[j++] ?? '');
    }
  }
  while (i < a.length) push('bort', a[i++] ?? '');
  while (j < b.length) push('ny', b[j++] ?? '');
  return out;
}

/** "Resultatdialog" → "resultatdialog" inside a sentence, but "EHT-möte" stays as it is. */
function gemen(namn: string): string {
  const andra = namn.charAt(1);
  return andra !== '' && andra === andra.toUpperCase() ? namn : namn.charAt(0).toLowerCase() + namn.slice(1);
}

const HELG: Record<number, string> = { 6: 'en lördag', 7: 'en söndag' };

/**
 * Dates that break the plan: out of order inside a varv (bedömningar → resultatdialog → EHT → avstämning), in a lov
 * week, on a Saturday or Sunday, outside their varv, or outside the läsår. Warnings, not refusals: the school may
 * have reasons.
 */
export function kalenderVarningar(p: Pick<PlanInnehall, 'lov' | 'kalender' | 'forstaEht'> & { startdatum: string; slutdatum: string }): string[] {
  const lovMandagar = new Map(lovVeckor(p.lov, p.startdatum, p.slutdatum).map((v) => [v.mandag, v.lov.join(', ')]));
  const out: string[] = [];
  const check = (rubrik: string, datum: string | null, varv?: PlanKalenderVarv) => {
    if (!datum) return;
    const lov = lovMandagar.get(mondayOf(datum));
    const d = datumISvenskText(datum);
    if (lov) out.push(`${rubrik} (${d}) ligger i en lovvecka (${lov}).`);
    const helg = HELG[weekdayOf(datum)];
    if (helg) out.push(`${rubrik} (${d}) är ${helg}.`);
    if (datum > p.slutdatum) out.push(`${rubrik} (${d}) ligger efter läsårets sista dag.`);
    else if (varv && (datum < varv.startdatum || datum > varv.slutdatum)) {
      out.push(`${rubrik} (${d}) ligger utanför varvet (${datumISvenskText(varv.startdatum)} – ${datumISvenskText(varv.slutdatum)}).`);
    }
  };
  check('Första EHT-mötet', p.forstaEht);
  for (const v of p.kalender) {
    const ordning = KALENDER_FALT.map((f) => ({ namn: f.namn, datum: v[f.key] }));
    ordning.forEach((o) => check(`Varv ${v.nummer}: ${o.namn}`, o.datum, v));
    for (let i = 1; i < ordning.length; i++) {
      const fore = ordning[i - 1];
      const efter = ordning[i];
      if (fore?.datum && efter?.datum && efter.datum < fore.datum) {
        out.push(`Varv ${v.nummer}: ${efter.namn} (${datumISvenskText(efter.datum)}) kommer före ${gemen(fore.namn)} (${datumISvenskText(fore.datum)}).`);
      }
    }
  }
  return out;
}
