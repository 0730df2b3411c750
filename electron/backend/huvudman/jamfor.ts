// The förvaltning's comparison: schools side by side on the same measures, as each school's own (already protected)
// report gives them, and the municipality's totals per läsår, added up from the schools' counts before suppression
// and then protected here by the same rule (export/arsrapport.ts) before anyone sees them.
import { STANDARD_TROSKEL, type RapportVarde } from '../../../shared/domain/index';
import { andelarMedEffekt, skyddaAggregat, type RapportAggregat, type RapportTabell } from '../export/arsrapport';
import type { ArsrapportDokument } from './leverans';

export const MATT = [
  { nyckel: 'andel_alla', rubrik: 'Andel insatser med effekt, alla nivåer' },
  { nyckel: 'andel_individ', rubrik: 'Andel med effekt, individ' },
  { nyckel: 'andel_grupp', rubrik: 'Andel med effekt, grupp' },
  { nyckel: 'andel_larare', rubrik: 'Andel med effekt, lärare' },
  { nyckel: 'andel_organisation', rubrik: 'Andel med effekt, organisation' },
  { nyckel: 'bedomda', rubrik: 'Bedömda insatser' },
  { nyckel: 'insatser', rubrik: 'Insatser under läsåret' },
  { nyckel: 'intensifiera', rubrik: 'Beslut: intensifiera' },
  { nyckel: 'forandra', rubrik: 'Beslut: förändra' },
  { nyckel: 'ta_bort', rubrik: 'Beslut: ta bort' },
  { nyckel: 'utredningar', rubrik: 'Utredningar inledda' },
  { nyckel: 'utredningar_sent', rubrik: 'Utredningar efter deadline' },
] as const;
export type MattNyckel = (typeof MATT)[number]['nyckel'];

export interface JamforRad {
  skola: string;
  fingeravtryck: string;
  lasar: string;
  mottagen: string;
  varden: Record<MattNyckel, RapportVarde>;
}

export interface Jamforelse {
  matt: typeof MATT;
  troskel: number;
  skolor: JamforRad[];
  /** One row per läsår: the municipality's totals over the schools that reported it. */
  totalt: { lasar: string; antalSkolor: number; varden: Record<MattNyckel, RapportVarde> }[];
}

const ANDEL_NIVA: Record<string, MattNyckel> = {
  'Alla nivåer': 'andel_alla',
  Individ: 'andel_individ',
  Grupp: 'andel_grupp',
  Lärare: 'andel_larare',
  Organisation: 'andel_organisation',
};

const sistaCell = (celler: RapportVarde[] | undefined): RapportVarde => celler?.[celler.length - 1] ?? '–';

/** The measures read off one protected report (a school's own, or the hub's protected totals). */
function matt(tabeller: RapportTabell[], andelar: { niva: string; andel: string }[]): Record<MattNyckel, RapportVarde> {
  const t = (nyckel: string) => tabeller.find((x) => x.nyckel === nyckel);
  const rad = (nyckel: string, etikett: string) => t(nyckel)?.rader.find((r) => r.etikett === etikett)?.celler;
  const ut = t('utredningar');
  const varden = {
    bedomda: sistaCell(t('effekt')?.summa?.celler),
    insatser: sistaCell(t('insatser')?.summa?.celler),
    intensifiera: sistaCell(rad('beslut', 'Intensifiera')),
    forandra: sistaCell(rad('beslut', 'Förändra')),
    ta_bort: sistaCell(rad('beslut', 'Ta bort')),
    utredningar: sistaCell(ut?.summa?.celler),
    utredningar_sent: ut?.summa?.celler[1] ?? '–',
  } as Record<MattNyckel, RapportVarde>;
  for (const a of andelar) {
    const key = ANDEL_NIVA[a.niva];
    if (key) varden[key] = a.andel;
  }
  for (const m of MATT) varden[m.nyckel] ??= '–';
  return varden;
}

/** Adds up the same table of several schools by the keys of its rows and columns. */
export function summera(tabeller: RapportAggregat[]): RapportAggregat {
  const first = tabeller[0]!;
  const rader = new Map<string, string>();
  const kolumner = new Map<string, string>();
  for (const t of tabeller) {
    for (const r of t.rader) rader.set(r.key, rader.get(r.key) ?? r.etikett);
    for (const c of t.kolumner) kolumner.set(c.key, kolumner.get(c.key) ?? c.etikett);
  }
  const rk = [...rader.keys()];
  const ck = [...kolumner.keys()];
  const varden = rk.map(() => ck.map(() => 0));
  for (const t of tabeller) {
    t.rader.forEach((r, i) => t.kolumner.forEach((c, j) => (varden[rk.indexOf(r.key)]![ck.indexOf(c.key)]! += t.varden[i]?.[j] ?? 0)));
  }
  return {
    nyckel: first.nyckel,
    rader: rk.map((key) => ({ key, etikett: rader.get(key)! })),
    kolumner: ck.map((key) => ({ key, etikett: kolumner.get(key)! })),
    varden,
  };
}

export function jamfor(rapporter: { dokument: ArsrapportDokument; mottagen: string }[], troskel = STANDARD_TROSKEL): Jamforelse {
  const skolor = rapporter
    .map(({ dokument, mottagen }) => ({
      skola: dokument.skola.namn,
      fingeravtryck: dokument.skola.fingeravtryck,
      lasar: dokument.lasar.namn,
      mottagen,
      varden: matt(dokument.rapport.tabeller, dokument.rapport.andelMedEffekt),
    }))
    .sort((a, b) => a.lasar.localeCompare(b.lasar) || a.skola.localeCompare(b.skola, 'sv'));
  const perLasar = new Map<string, ArsrapportDokument[]>();
  for (const { dokument } of rapporter) perLasar.set(dokument.lasar.namn, [...(perLasar.get(dokument.lasar.namn) ?? []), dokument]);
  const totalt = [...perLasar.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([lasar, docs]) => {
      const nycklar = [...new Set(docs.flatMap((d) => d.aggregat.map((a) => a.nyckel)))];
      const tabeller = nycklar.map((n) => skyddaAggregat(summera(docs.flatMap((d) => d.aggregat.filter((a) => a.nyckel === n))), n, troskel));
      const effekt = tabeller.find((t) => t.nyckel === 'effekt');
      return { lasar, antalSkolor: docs.length, varden: matt(tabeller, effekt ? andelarMedEffekt(effekt, troskel) : []) };
    });
  return { matt: MATT, troskel, skolor, totalt };
}

const csvCell = (v: RapportVarde | string | number) => {
  const s = String(v);
  return /[";\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Semicolon-separated (Swedish Excel), one row per school and läsår, then the totals. */
export function jamforelseCsv(j: Jamforelse): string {
  const head = ['Skola', 'Läsår', ...j.matt.map((m) => m.rubrik)];
  const rows = [
    ...j.skolor.map((s) => [s.skola, s.lasar, ...j.matt.map((m) => s.varden[m.nyckel])]),
    ...j.totalt.map((t) => [`Kommunen (${t.antalSkolor} skolor)`, t.lasar, ...j.matt.map((m) => t.varden[m.nyckel])]),
  ];
  return '\uFEFF' + [head, ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
