// The year report as PDF or Word, rendered from the pseudonymised JSON only (arsrapport.ts): nothing here reads the
// database, so what the JSON test proves holds for the documents too.
import type { ExportFil } from '../../../shared/channels/plan';
import { createBuilder } from './builders';
import type { DocumentBuilder } from './document';
import { MIME, filnamnsdel, type DocumentFormat } from './document';
import type { Arsrapport } from './arsrapport';
import { stapelSvg } from './stapelSvg';

type SvgToPng = typeof import('./arshjulSvg').svgToPng;

function cell(v: number | string): string {
  return typeof v === 'number' ? String(v) : v;
}

export function writeArsrapport(b: DocumentBuilder, r: Arsrapport, svgToPng: SvgToPng): void {
  for (const p of r.om) b.paragraph(p, { muted: true });

  b.heading('Insatser och deras effekt');
  for (const t of r.tabeller) {
    b.heading(t.rubrik, 3);
    b.paragraph(t.beskrivning, { muted: true });
        b.table({
      columns: [{ header: '', width: 1.8 }, ...t.kolumner.map((k) => ({ header: k, width: 1 }))],
      rows: [...t.rader.map((rad) => [rad.etikett, ...rad.celler.map(cell)]), ...(t.summa ? [[t.summa.etikett, ...t.summa.celler.map(cell)]] : [])],
    });
  }

  b.heading('Andel insatser som bedömts ha effekt', 3);
  b.paragraph('Tydlig eller viss effekt vid den senaste bedömningen under läsåret, av de insatser som bedömdes.', { muted: true });
  const andelPng = svgToPng(
    stapelSvg(
      r.andelMedEffekt.map((a) => ({ etikett: a.niva, varde: a.procent, text: a.andel, total: a.niva === 'Alla nivåer' })),
      { max: 100, rubrik: 'Andel med effekt (%)' },
    ),
    1400,
  );
  b.image({
    png: andelPng.png,
    pixelWidth: andelPng.width,
    pixelHeight: andelPng.height,
    widthShare: 0.9,
    alt: `Stapeldiagram: andel insatser med effekt per nivå. ${r.andelMedEffekt.map((a) => `${a.niva} ${a.andel}`).join(', ')}.`,
  });
  b.table({
    columns: [
      { header: 'Nivå', width: 2 },
      { header: 'Andel med effekt', width: 1 },
      { header: 'Med effekt', width: 1 },
      { header: 'Bedömda', width: 1 },
    ],
    rows: r.andelMedEffekt.map((a) => [a.niva, a.andel, cell(a.medEffekt), cell(a.bedomda)]),
  });

  b.heading('Förväntad effekt av insatser för grupper och hela skolan');
  if (r.forvantadEffekt.length === 0) b.paragraph('Inga insatser på grupp- eller organisationsnivå med dokumenterad förväntad effekt under läsåret.');
  else
    b.table({
      columns: [
        { header: 'Nivå', width: 1 },
        { header: 'Typ', width: 1.3 },
        { header: 'Förväntad effekt', width: 3.5 },
        { header: 'Senaste bedömning', width: 1.3 },
      ],
      rows: r.forvantadEffekt.map((f) => [f.niva, f.typ, f.forvantadEffekt, f.senasteBedomning]),
    });

  b.heading('Övergripande utvecklingsområden');
  if (r.utvecklingsomraden.length === 0) b.paragraph('Inga utvecklingsområden är dokumenterade för läsåret.');
  for (const o of r.utvecklingsomraden) {
    b.heading(o.titel, 3);
    b.keyValues([
      ['Status', o.status],
      ['Identifierat', o.franVarv || '–'],
    ]);
    if (o.beskrivning) b.paragraph(o.beskrivning);
    if (o.forlopp.length > 0) b.bullets(o.forlopp);
  }

  b.heading('Planen och det som blev av');
  b.paragraph(`${r.planMotUtfall.baslinje} Kvar = planerade möten som ännu inte ska ha hållits; extra = möten utöver planen. Ett varvs resultatdialog är hållen när alla dess samtal med lärare, ämneslag och arbetslag är genomförda; den räknas en gång per varv.`, { muted: true });
  b.table({
    columns: [
      { header: 'Möte', width: 1.5 },
      { header: 'Planerat', width: 1 },
      { header: 'Hållna', width: 1 },
      { header: 'Enligt plan', width: 1 },
      { header: 'Flyttade', width: 1 },
      { header: 'Ej hållna', width: 1 },
      { header: 'Kvar', width: 1 },
      { header: 'Extra', width: 1 },
    ],
    rows: r.planMotUtfall.rader.map((x) => [x.mote, ...[x.planerade, x.hallna, x.enligtPlan, x.flyttade, x.ejHallna, x.kommande, x.tillagda].map(String)]),
  });
}

export async function renderArsrapport(r: Arsrapport, format: DocumentFormat | 'json', utskrivet: Date): Promise<ExportFil> {
  const bas = `arsrapport-${filnamnsdel(r.skola)}-${r.lasar.replace('/', '-')}`;
  if (format === 'json') {
    return { filnamn: `${bas}.json`, mime: 'application/json', base64: Buffer.from(JSON.stringify(r, null, 2), 'utf8').toString('base64') };
  }
  const b = await createBuilder(format, { skola: r.skola, titel: r.rubrik, undertitel: `Läsår ${r.lasar} · pseudonymiserad`, datum: r.skapad }, { utskrivet });
  // resvg loads on first use, like the other document libraries.
  writeArsrapport(b, r, (await import('./arshjulSvg')).svgToPng);
  const data = await b.finish();
  return { filnamn: `${bas}.${format}`, mime: MIME[format], base64: data.toString('base64') };
}
