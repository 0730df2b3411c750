// Förberedelse on a real SQLite file: inventory, plan draft, calendar changes kept in varv and mote alike, versions
// with one baseline, återkoppling, Fundera — and the plan exported as PDF and DOCX with Swedish text intact.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import type { Aterkoppling, ExportFil, PlanKalender, PlanVersion, PlanVersionInfo, Reflektion, Verktyg } from '../../../shared/channels/plan';
import { planDiff, type PlanInnehall } from '../../../shared/domain/index';
import { tempDir } from '../../support/tmp';

const NOW = new Date('2026-05-04T08:42:00Z');

async function ok<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

async function fails(backend: Backend, channel: string, args: unknown): Promise<{ code: string; message: string }> {
  const reply = await backend.dispatch(channel, args);
  if (reply.ok) throw new Error(`${channel} should have failed`);
  return reply.error;
}

function hasTool(tool: string): boolean {
  try {
    execFileSync('which', [tool]);
    return true;
  } catch {
    return false;
  }
}

describe('förberedelse (steg 1–3)', () => {
  const dataDir = tempDir();
  const outDir = tempDir();
  let backend: Backend;

  beforeAll(async () => {
    backend = await createBackend({ dataDir, mode: 'browser', now: () => NOW, backupIntervalMs: null });
    await ok(backend, 'skola:create', { namn: 'Björkhagens skola', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
  });
  afterAll(() => backend?.close());

  it('inventories tools with the seven capabilities and refuses an unknown one', async () => {
    const v = await ok<Verktyg>(backend, 'verktyg:create', { namn: 'Skolplattformen' });
    const after = await ok<Verktyg>(backend, 'verktyg:setFormaga', { verktygId: v.id, formaga: 'analys', varde: 'delvis', kommentar: 'Bara per klass' });
    // The comment's save instant lets the renderer reconcile a local draft with it after a crash.
    expect(after.formagor.analys).toEqual({ varde: 'delvis', kommentar: 'Bara per klass', uppdaterad: NOW.toISOString() });
    expect(after.formagor.omdomen).toEqual({ varde: null, kommentar: '', uppdaterad: null });
    expect((await fails(backend, 'verktyg:setFormaga', { verktygId: v.id, formaga: 'magi', varde: 'ja' })).code).toBe('invalid_argument');
    expect((await fails(backend, 'verktyg:setFormaga', { verktygId: 999, formaga: 'analys', varde: 'ja' })).message).toMatch(/finns inte/);
    const list = await ok<Verktyg[]>(backend, 'verktyg:list');
    expect(list.map((x) => x.namn)).toEqual(['Skolplattformen']);
  });

  it('keeps discussion answers and Fundera per step and per varv', async () => {
    await ok(backend, 'diskussion:save', { steg: 1, fragaNr: 2, svar: 'Vi saknar en analysfunktion.' });
    await ok(backend, 'diskussion:save', { steg: 1, fragaNr: 2, svar: 'Vi saknar en analysfunktion för åk 7–9.' });
    expect(await ok(backend, 'diskussion:get', { steg: 1 })).toEqual([{ fragaNr: 2, svar: 'Vi saknar en analysfunktion för åk 7–9.', uppdaterad: NOW.toISOString() }]);
    const k = await ok<PlanKalender>(backend, 'plan:kalender');
    const varv1 = k.varv[0]?.id ?? 0;
    await ok(backend, 'reflektion:save', { steg: 6, varvId: varv1, utfall: 'Varv 1 gick bra', varfor: '', nastaSteg: '' });
    await ok(backend, 'reflektion:save', { steg: 6, utfall: 'Utan varv', varfor: 'x', nastaSteg: 'y' });
    expect((await ok<Reflektion>(backend, 'reflektion:get', { steg: 6, varvId: varv1 })).utfall).toBe('Varv 1 gick bra');
    expect((await ok<Reflektion>(backend, 'reflektion:get', { steg: 6 })).utfall).toBe('Utan varv');
    expect((await ok<Reflektion>(backend, 'reflektion:get', { steg: 2 })).uppdaterad).toBeNull();
    expect(await ok<Reflektion[]>(backend, 'reflektion:list')).toHaveLength(2);
  });

  it('moves a date in the varv row and its planned meeting together, and warns about a lov week', async () => {
    const k = await ok<PlanKalender>(backend, 'plan:kalender');
    const varv2 = k.varv[1];
    if (!varv2) throw new Error('varv 2 saknas');
    const moved = await ok<PlanKalender>(backend, 'plan:setDatum', { falt: 'eht', varvId: varv2.id, datum: '2026-10-29' });
    expect(moved.varv[1]?.ehtDatum).toBe('2026-10-29');
    const mote = backend.context.db.prepare("SELECT datum FROM mote WHERE varv_id = ? AND typ = 'eht'").pluck().get(varv2.id);
    expect(mote).toBe('2026-10-29');
    expect(moved.varningar.join(' ')).toMatch(/Varv 2: EHT-möte \(torsdag 29 oktober\) ligger i en lovvecka \(Höstlov\)/);
    const back = await ok<PlanKalender>(backend, 'plan:setDatum', { falt: 'eht', varvId: varv2.id, datum: varv2.ehtDatum });
    expect(back.varningar).toEqual([]);
    expect((await fails(backend, 'plan:setDatum', { falt: 'eht', datum: '2026-10-29' })).message).toMatch(/vilket varv/);
  });

  it('proposes a new schedule of 5 varv and removes the sixth with its planned meetings', async () => {
    const k = await ok<PlanKalender>(backend, 'plan:foreslaSchema', { antalVarv: 5, varvLangdVeckor: 6 });
    expect(k.varv).toHaveLength(5);
    expect(k.lasar.antalVarv).toBe(5);
    const moten = backend.context.db.prepare("SELECT count(*) FROM mote WHERE typ IN ('resultatdialog','eht','avstamning')").pluck().get();
    expect(moten).toBe(15);
    const lov = k.lov.map((l) => (l.typ === 'sportlov' ? { ...l, fran: '2027-02-22', till: '2027-02-26' } : l));
    const changed = await ok<PlanKalender>(backend, 'plan:setLov', { lov });
    expect(changed.lovVeckor.map((v) => v.vecka)).toContain(8);
    expect((await fails(backend, 'plan:setLov', { lov: [{ typ: 'annat', namn: 'Studiedag', fran: '2027-03-02', till: '2027-03-01' }] })).message).toMatch(/slutar/);
  });

  it('freezes a baseline once, versions later changes with a reason, and compares them', async () => {
    await ok(backend, 'plan:utkastSave', { svar: { syfte: 'Vi förklarar syftet på APT.', forstelarare: 'Förstelärarna leder analysen.' } });
    await ok(backend, 'plan:utkastSave', { svar: { eht: 'EHT deltar i varje varv.' } });
    const utkast = await ok<{ svar: Record<string, string> }>(backend, 'plan:utkast');
    expect(utkast.svar).toEqual({ syfte: 'Vi förklarar syftet på APT.', forstelarare: 'Förstelärarna leder analysen.', eht: 'EHT deltar i varje varv.' });

    const base = await ok<PlanVersionInfo>(backend, 'plan:sparaVersion', { skapadAv: 'Åsa Rektor', orsak: 'Planen inför läsåret', baslinje: true });
    expect(base).toMatchObject({ nummer: 1, isBaseline: true, skapadAv: 'Åsa Rektor' });
    expect((await fails(backend, 'plan:sparaVersion', { skapadAv: 'Åsa', baslinje: true })).code).toBe('conflict');
    expect((await fails(backend, 'plan:sparaVersion', { skapadAv: 'Åsa', orsak: '  ' })).message).toMatch(/varför planen ändras/);

    await ok(backend, 'plan:utkastSave', { svar: { syfte: 'Vi förklarar syftet på APT och i arbetslagen.' } });
    const k = await ok<PlanKalender>(backend, 'plan:kalender');
    await ok(backend, 'plan:setDatum', { falt: 'resultatdialog', varvId: k.varv[2]?.id, datum: '2027-01-19' });
    const v2 = await ok<PlanVersionInfo>(backend, 'plan:sparaVersion', { skapadAv: 'Åsa Rektor', orsak: 'Efter återkoppling från EHT' });
    expect(v2).toMatchObject({ nummer: 2, isBaseline: false, orsak: 'Efter återkoppling från EHT' });

    const a = await ok<PlanVersion>(backend, 'plan:version', { id: base.id });
    const b = await ok<PlanVersion>(backend, 'plan:version', { id: v2.id });
    const diff = planDiff(a.innehall, b.innehall);
    expect(diff.map((d) => d.nyckel)).toEqual(['svar.syfte', 'varv.3.resultatdialog']);
    expect(diff[1]?.efter).toBe('2027-01-19');
    // The baseline is frozen: later draft changes do not touch it.
    expect(a.innehall.svar.syfte).toBe('Vi förklarar syftet på APT.');
    const list = await ok<PlanVersionInfo[]>(backend, 'plan:versioner');
    expect(list.map((v) => v.nummer)).toEqual([2, 1]);
  });

  it('records a request for återkoppling with its export, then the feedback received', async () => {
    const [v2] = await ok<PlanVersionInfo[]>(backend, 'plan:versioner');
    expect((await fails(backend, 'aterkoppling:create', { versionId: v2?.id, till: 'EHT', delar: [], format: 'pdf' })).message).toMatch(/minst en del/);
    const { aterkoppling, fil } = await ok<{ aterkoppling: Aterkoppling; fil: ExportFil }>(backend, 'aterkoppling:create', {
      versionId: v2?.id,
      till: 'Förstelärargruppen',
      delar: ['analys', 'kalender'],
      meddelande: 'Är tiderna rimliga?',
      format: 'docx',
    });
    expect(aterkoppling).toMatchObject({ versionNummer: 2, till: 'Förstelärargruppen', delar: ['analys', 'kalender'], svar: '', mottagen: null });
    expect(fil.filnamn).toBe('plan-bjorkhagens-skola-version-2.docx');
    const svar = await ok<Aterkoppling>(backend, 'aterkoppling:svar', { id: aterkoppling.id, svar: 'Flytta varv 3 en vecka.', mottagen: '2026-05-11' });
    expect(svar).toMatchObject({ svar: 'Flytta varv 3 en vecka.', mottagen: '2026-05-11' });
  });

  it('exports the plan as a PDF with Swedish text and a picture, and as a DOCX that unzips to the same text', async () => {
    const [v2] = await ok<PlanVersionInfo[]>(backend, 'plan:versioner');
    const pdf = await ok<ExportFil>(backend, 'plan:export', { format: 'pdf', versionId: v2?.id });
    expect(pdf).toMatchObject({ filnamn: 'plan-bjorkhagens-skola-version-2.pdf', mime: 'application/pdf' });
    const pdfFile = path.join(outDir, pdf.filnamn);
    fs.writeFileSync(pdfFile, Buffer.from(pdf.base64, 'base64'));
    fs.copyFileSync(pdfFile, '/tmp/varvet-plan-test.pdf');
    expect(fs.readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
    if (hasTool('pdftotext')) {
      const text = execFileSync('pdftotext', ['-layout', pdfFile, '-']).toString();
      expect(text).toMatch(/Plan för resultatuppföljning/);
      expect(text).toMatch(/BJÖRKHAGENS SKOLA/);
      expect(text).toMatch(/Version 2/);
      expect(text).toMatch(/Hur ska ni involvera förstelärargruppen\?/);
      expect(text).toMatch(/Vi förklarar syftet på APT och i arbetslagen\./);
      expect(text).toMatch(/Kalendarium/);
      expect(text).toMatch(/Bedömningar senast/);
      expect(text).toMatch(/Årshjul/);
      expect(text).toMatch(/Sida 1 av \d/);
      expect(text).toMatch(/Utskrivet 4 maj 2026/);
    }
    const docx = await ok<ExportFil>(backend, 'plan:export', { format: 'docx', versionId: null });
    expect(docx.filnamn).toBe('plan-bjorkhagens-skola-utkast.docx');
    const docxFile = path.join(outDir, docx.filnamn);
    fs.writeFileSync(docxFile, Buffer.from(docx.base64, 'base64'));
    fs.copyFileSync(docxFile, '/tmp/varvet-plan-test.docx');
    if (hasTool('unzip')) {
      const xml = execFileSync('unzip', ['-p', docxFile, 'word/document.xml']).toString();
      expect(xml).toMatch(/Plan för resultatuppföljning/);
      expect(xml).toMatch(/Hur ska nytillkomna lärare introduceras i arbetet\?/);
      expect(xml).toMatch(/Utkast \(inte fastställt\)/);
      expect(xml).toMatch(/tblHeader/);
      const files = execFileSync('unzip', ['-l', docxFile]).toString();
      expect(files).toMatch(/word\/media\/.*\.png/);
    }
  });
});
