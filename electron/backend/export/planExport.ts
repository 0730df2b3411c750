// The plan for resultatuppföljning as a document (PDF or DOCX): the step 3 answers, the calendar as a table, the lov
// weeks and the årshjul as a picture. Used by the app (plan:export, återkoppling) and `varvet export plan`.
import type { Database } from 'better-sqlite3';
import type { ExportFil } from '../../../shared/channels/plan';
import {
  HANDELSE_TEXT,
  PLAN_DELAR,
  PLAN_FRAGOR,
  formatDatumKort,
  formatVeckaKort,
  planFraga,
  type PlanInnehall,
} from '../../../shared/domain/index';
import { getVersion, planSnapshot } from '../plan/version';
import { createBuilder } from './builders';
import { MIME, datumText, filnamnsdel, type DocumentBuilder, type DocumentFormat } from './document';

export interface PlanDokument {
  innehall: PlanInnehall;
  /** null = the current draft. */
  version: { nummer: number; skapad: string; skapadAv: string; orsak: string; isBaseline: boolean } | null;
  /** When the export is sent for återkoppling: to whom, which parts, and a message. */
  aterkoppling?: { till: string; delar: string[]; meddelande: string } | undefined;
}

function kort(iso: string | null): string {
  return iso ? `${formatDatumKort(iso)} (${formatVeckaKort(iso)})` : '–';
}

export function versionText(version: PlanDokument['version']): string {
  if (!version) return 'Utkast (inte fastställt)';
  return `Version ${version.nummer}${version.isBaseline ? ' (baslinje)' : ''}`;
}

/** `arshjul` is the picture module, passed in because it loads resvg (native) and is imported on first use. */
export function writePlan(b: DocumentBuilder, d: PlanDokument, arshjul: typeof import('./arshjulSvg')): void {
  const { innehall: p, version } = d;
  if (d.aterkoppling) {
    const delar = d.aterkoppling.delar.map((k) => PLAN_DELAR.find((x) => x.key === k)?.namn ?? k);
    b.heading('Begäran om återkoppling', 2).keyValues([
      ['Till', d.aterkoppling.till],
      ['Återkoppling önskas på', delar.join(', ')],
    ]);
    if (d.aterkoppling.meddelande) b.paragraph(d.aterkoppling.meddelande);
  }
  if (version) {
    b.heading('Version', 2).keyValues([
      ['Version', versionText(version)],
      ['Sparad', `${datumText(version.skapad.slice(0, 10))} av ${version.skapadAv}`],
      ['Varför', version.orsak || '–'],
    ]);
  }
  b.heading('Planen', 2);
  for (const f of PLAN_FRAGOR) {
    b.heading(planFraga(f.key), 3);
    const svar = p.svar[f.key]?.trim();
    b.paragraph(svar || 'Inte besvarad ännu.', svar ? {} : { italic: true, muted: true });
  }
  b.heading('Kalendarium', 2);
  b.paragraph(`Läsåret ${p.lasar.namn}: ${datumText(p.lasar.startdatum)} – ${datumText(p.lasar.slutdatum)}. Första EHT-mötet: ${p.forstaEht ? kort(p.forstaEht) : 'inte planerat'}.`);
  b.table({
    columns: [
      { header: 'Varv', width: 0.6 },
      { header: 'Period', width: 1.7 },
      { header: 'Bedömningar senast', width: 1.4 },
      { header: 'Resultatdialog', width: 1.4 },
      { header: 'EHT-möte', width: 1.4 },
      { header: 'Avstämning', width: 1.4 },
    ],
    rows: p.kalender.map((v) => [
      String(v.nummer),
      `${formatDatumKort(v.startdatum)} – ${formatDatumKort(v.slutdatum)}`,
      kort(v.bedomningSenast),
      kort(v.resultatdialog),
      kort(v.eht),
      kort(v.avstamning),
    ]),
  });
  if (p.lov.length > 0) {
    b.heading('Lov', 3).bullets(p.lov.map((l) => `${l.namn}: ${formatDatumKort(l.fran)} – ${formatDatumKort(l.till)} (${formatVeckaKort(l.fran)}${formatVeckaKort(l.till) !== formatVeckaKort(l.fran) ? `–${formatVeckaKort(l.till).slice(3)}` : ''})`));
  }
  const png = arshjul.svgToPng(arshjul.arshjulSvg({ startdatum: p.lasar.startdatum, slutdatum: p.lasar.slutdatum, lov: p.lov, forstaEht: p.forstaEht, varv: p.kalender }, p.lasar.namn), 1200);
  const legend = Object.values(HANDELSE_TEXT).map((h) => `${h.tecken} = ${h.namn}`).join(', ');
  b.heading('Årshjul', 2).image({
    png: png.png,
    pixelWidth: png.width,
    pixelHeight: png.height,
    widthShare: 0.78,
    alt: `Årshjul för läsåret ${p.lasar.namn} med ${p.kalender.length} varv, lov och möten.`,
    caption: `Varvens nummer står innanför ringen. ${legend}. Grå bågar är lov.`,
  });
}

export async function renderPlan(d: PlanDokument, format: DocumentFormat, utskrivet: Date): Promise<ExportFil> {
  const datum = d.version ? d.version.skapad.slice(0, 10) : utskrivet.toISOString().slice(0, 10);
  const b = await createBuilder(format, { skola: d.innehall.skola, titel: 'Plan för resultatuppföljning', undertitel: `Läsår ${d.innehall.lasar.namn}`, version: versionText(d.version), datum }, { utskrivet });
  writePlan(b, d, await import('./arshjulSvg'));
  const data = await b.finish();
  const versionDel = d.version ? `version-${d.version.nummer}` : 'utkast';
  return {
    filnamn: `plan-${filnamnsdel(d.innehall.skola)}-${versionDel}.${format}`,
    mime: MIME[format],
    base64: data.toString('base64'),
  };
}

/** The document for a stored version, or for the current draft when versionId is null. */
export function loadPlanDokument(db: Database, day: string, versionId: number | null): PlanDokument {
  if (versionId === null) return { innehall: planSnapshot(db, day), version: null };
  const v = getVersion(db, versionId);
  return { innehall: v.innehall, version: { nummer: v.nummer, skapad: v.skapad, skapadAv: v.skapadAv, orsak: v.orsak, isBaseline: v.isBaseline } };
}
