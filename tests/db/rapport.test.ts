// The huvudman's year report is pseudonymised: its JSON and its PDF hold no pupil's name or id from the database,
// free text is scrubbed, and no count below the suppression threshold appears in any table.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFil } from '../../shared/channels/plan';
import { createBackend, type Backend } from '../../electron/backend/backend';
import type { Arsrapport } from '../../electron/backend/export/arsrapport';
import { harKolumnText } from '../../electron/backend/export/registerutdragDokument';
import type { Registerutdrag } from '../../electron/backend/export/registerutdrag';
import { tempDir } from '../support/tmp';
import { losTabell } from '../unit/rapport/losare';

const NOW = new Date('2026-11-23T09:00:00Z');
let backend: Backend;
let dir: string;

async function ok<T>(channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
  return reply.value as T;
}

const decode = (f: ExportFil) => Buffer.from(f.base64, 'base64');

interface Person {
  id: number;
  fornamn: string;
  efternamn: string;
  extern_id: string | null;
}

function word(text: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');
}

/** Every string and number anywhere in the JSON, with its key. */
function leaves(value: unknown, key = ''): { key: string; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v) => leaves(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [{ key: k, value: k }, ...leaves(v, k)]);
  return [{ key, value }];
}

beforeAll(async () => {
  dir = tempDir();
  backend = await createBackend({ dataDir: dir, mode: 'browser', backupIntervalMs: null, now: () => NOW });
  await ok('demo:open', { size: 'm' });
  const db = backend.context.db;
  // Free text that names pupils, as people really write it: it must be scrubbed before it leaves.
  const [a, b] = db.prepare('SELECT id, fornamn, efternamn, extern_id FROM elev WHERE extern_id IS NOT NULL LIMIT 2').all() as Person[];
  if (!a || !b) throw new Error('demo utan elever');
  const varv = (await ok<{ aktuelltVarv: { id: number } }>('oversikt:get')).aktuelltVarv.id;
  await ok('utvecklingsomrade:create', { titel: `Läsförståelse, t.ex. ${a.fornamn} ${a.efternamn}`, beskrivning: `Elev ${a.extern_id} och ${b.efternamn} behöver mer stöd.`, franVarvId: varv });
  // A staff member called Per must not turn "per elev" into "[uppgift borttagen]" (ordinary words stay).
  db.prepare("UPDATE personal SET fornamn = 'Per' WHERE id = (SELECT min(id) FROM personal)").run();
  await ok('utvecklingsomrade:create', { titel: 'Mer tid per elev i matematik', beskrivning: 'Per elev och vecka, enligt Per.', franVarvId: varv });
  await ok('insats:create', {
    niva: 'organisation',
    beskrivning: 'Gemensam lässtrategi i alla ämnen',
    typ: 'forandrad_undervisning',
    forvantadEffekt: `Fler elever, som ${b.fornamn} ${b.efternamn} (${b.extern_id}), når läsförståelsekriteriet.`,
    startdatum: '2026-11-02',
  });
}, 120_000);
afterAll(() => backend?.close());

describe('årsrapport till huvudmannen', () => {
  it('JSON and PDF hold no name, extern id or id-like token of any pupil, and no id field', async () => {
    const json = decode(await ok<ExportFil>('rapport:arsrapport', { format: 'json', lasarId: null })).toString('utf8');
    const pdf = decode(await ok<ExportFil>('rapport:arsrapport', { format: 'pdf', lasarId: null }));
    const file = path.join(dir, 'arsrapport.pdf');
    fs.writeFileSync(file, pdf);
    const pdfText = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(pdfText).toContain('Årsrapport till huvudmannen');
    expect(pdfText).toContain('Förväntad effekt');
    expect(pdfText).toContain('[uppgift borttagen]');
    expect(json).toContain('Mer tid per elev i matematik');
    // A capitalised "Per" is taken for the name, also at the start of a sentence: the safe side.
    expect(json).toContain('[uppgift borttagen] elev och vecka, enligt [uppgift borttagen].');

    const elever = backend.context.db.prepare('SELECT id, fornamn, efternamn, extern_id FROM elev').all() as Person[];
    expect(elever.length).toBeGreaterThan(100);
    for (const text of [json, pdfText]) {
      for (const e of elever) {
        expect(text, `${e.fornamn}`).not.toMatch(word(e.fornamn));
        expect(text, `${e.efternamn}`).not.toMatch(word(e.efternamn));
        if (e.extern_id) expect(text).not.toContain(e.extern_id);
      }
      // Id-like tokens: "elev 12", "elevId", "#12", "E000104"-style codes.
      expect(text).not.toMatch(/\belev[-_ ]?(id|nr)?[-_ #:]*\d+/i);
      expect(text).not.toMatch(/#\d+/);
      expect(text).not.toMatch(/\b[A-Z]\d{4,}\b/);
    }
    const keys = leaves(JSON.parse(json)).filter((l) => l.key === l.value).map((l) => String(l.value));
    expect(keys.filter((k) => /(^id$|Id$|_id$)/.test(k))).toEqual([]);
  });

  it('never shows a count below the threshold in any table, and hides a real small count', async () => {
    const rapport = JSON.parse(decode(await ok<ExportFil>('rapport:arsrapport', { format: 'json', lasarId: null })).toString('utf8')) as Arsrapport;
    expect(rapport.troskel).toBe(5);
    let hidden = 0;
    for (const t of rapport.tabeller) {
      for (const cell of [...t.rader.flatMap((r) => r.celler), ...(t.summa?.celler ?? [])]) {
        if (typeof cell === 'number') expect(cell === 0 || cell >= 5, `${t.nyckel}: ${cell}`).toBe(true);
        else {
          expect(['<5', '–']).toContain(cell);
          hidden++;
        }
      }
    }
    for (const a of rapport.andelMedEffekt) expect(a.andel).toMatch(/^(\d{1,3} %|–)$/);
    // The demo really has small counts, so the check above could have failed: e.g. organisation-level insatser.
    const org = backend.context.db
      .prepare("SELECT count(*) FROM insats WHERE niva = 'organisation' AND typ = 'forandrad_undervisning' AND startdatum <= '2027-06-18'")
      .pluck()
      .get() as number;
    expect(org).toBeGreaterThanOrEqual(1);
    expect(org).toBeLessThan(5);
    const row = rapport.tabeller.find((t) => t.nyckel === 'insatser')?.rader.find((r) => r.etikett === 'Förändrad undervisning');
    const col = rapport.tabeller.find((t) => t.nyckel === 'insatser')?.kolumner.indexOf('Organisation') ?? -1;
    expect(row?.celler[col]).toBe('<5');
    expect(hidden).toBeGreaterThan(3);
  });

  it('no hidden count can be worked out from the totals by a reader who knows the rule (independent solver)', async () => {
    const rapport = JSON.parse(decode(await ok<ExportFil>('rapport:arsrapport', { format: 'json', lasarId: null })).toString('utf8')) as Arsrapport;
    let dolda = 0;
    for (const t of rapport.tabeller) {
      const grid = [...t.rader.map((r) => r.celler), ...(t.summa ? [t.summa.celler] : [])];
      const radsumma = t.kolumner.at(-1) === 'Totalt';
      // The largest count a "–" could be: the grand total when shown, else far more than the demo has.
      const total = grid.at(-1)?.at(-1);
      const tak = typeof total === 'number' ? total : 10_000;
      // The rule as documented: "<5" is 1–4 and "–" any count. Every hidden cell keeps two values or more.
      for (const cell of losTabell(grid, { radsumma, kolumnsumma: t.summa !== null, troskel: rapport.troskel, tak, streck: 'fri' }).celler) {
        expect(cell.mojliga.length, `${t.nyckel} [${cell.r},${cell.c}] ${cell.mark}: ${JSON.stringify(grid)}`).toBeGreaterThanOrEqual(2);
        dolda++;
      }
      // A reader who also guesses that "–" is never small (true unless small counts pin each other down) learns
      // nothing exact either: either two values or more, or no solution at all (the guess was wrong).
      for (const cell of losTabell(grid, { radsumma, kolumnsumma: t.summa !== null, troskel: rapport.troskel, tak }).celler) {
        expect(cell.mojliga.length, `${t.nyckel} [${cell.r},${cell.c}] ${cell.mark} ("–" ≥ 5): ${JSON.stringify(grid)}`).not.toBe(1);
      }
    }
    expect(dolda).toBeGreaterThan(5);
    // A share is shown only when its parts are shown in the effect table, so it gives back nothing hidden.
    const effekt = rapport.tabeller.find((t) => t.nyckel === 'effekt');
    rapport.andelMedEffekt.forEach((a, i) => {
      if (a.andel === '–') return;
      const kolumn = i < (effekt?.kolumner.length ?? 0) - 1 ? i : (effekt?.kolumner.length ?? 1) - 1;
      for (const rad of (effekt?.rader ?? []).slice(0, 2)) expect(typeof rad.celler[kolumn]).toBe('number');
      expect(typeof effekt?.summa?.celler[kolumn]).toBe('number');
    });
  });

  it('is also a DOCX, and the CLI writes all three formats', async () => {
    const docx = decode(await ok<ExportFil>('rapport:arsrapport', { format: 'docx', lasarId: null }));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    backend.close();
    const cli = path.join(import.meta.dirname, '..', '..', 'electron', 'cli', 'varvet.mjs');
    for (const format of ['pdf', 'docx', 'json']) {
      const out = path.join(dir, `cli.${format}`);
      const text = execFileSync(process.execPath, [cli, 'export', 'arsrapport', '--data', dir, '--format', format, '--out', out]).toString();
      expect(text).toContain(out);
      expect(fs.statSync(out).size).toBeGreaterThan(1000);
    }
    expect((JSON.parse(fs.readFileSync(path.join(dir, 'cli.json'), 'utf8')) as Arsrapport).typ).toBe('arsrapport');
    backend = await createBackend({ dataDir: dir, mode: 'browser', backupIntervalMs: null, now: () => NOW });
  });
});

describe('registerutdrag as PDF: words, not stored codes', () => {
  it('shows the labels the app uses, Ja/Nej, Swedish dates and column titles with å/ä/ö; the JSON keeps the codes', async () => {
    const db = backend.context.db;
    // A pupil with insatser, an effektbedömning and an utredning with its decision: most kinds of codes.
    const elevId = db
      .prepare(
        `SELECT e.id FROM elev e JOIN utredning u ON u.elev_id = e.id JOIN utredningsbeslut ub ON ub.elev_id = e.id
         JOIN insats i ON i.elev_id = e.id JOIN effektbedomning b ON b.insats_id = i.id GROUP BY e.id ORDER BY count(*) DESC LIMIT 1`,
      )
      .pluck()
      .get() as number;
    const json = JSON.parse(decode(await ok<ExportFil>('rapport:registerutdrag', { format: 'json', elevId })).toString('utf8')) as Registerutdrag;
    const file = path.join(dir, 'utdrag.pdf');
    fs.writeFileSync(file, decode(await ok<ExportFil>('rapport:registerutdrag', { format: 'pdf', elevId })));
    const pdf = execFileSync('pdftotext', ['-layout', file, '-']).toString();

    const koder = json.tabeller.flatMap((t) => t.rader.flatMap((r) => Object.values(r))).filter((v): v is string => typeof v === 'string' && /^[a-z]+(_[a-z]+)+$|^(pagar|inled|forandra|avslutad|individ)$/.test(v));
    expect(koder.length).toBeGreaterThan(3);
    for (const kod of new Set(koder)) expect(pdf, kod).not.toMatch(new RegExp(`(?<![\\p{L}_])${kod}(?![\\p{L}_])`, 'u'));
    expect(pdf).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(pdf).not.toMatch(/Malet natt|Resultatforandring|Avslutad datum/);
    expect(pdf).toMatch(/Målet nått\s+(Ja|Nej)/);
    expect(pdf).toMatch(/Nyanländ\s+(Ja|Nej)/);
    expect(pdf).toMatch(/Skapad\s+\d{1,2} [a-zäö]{3,4}\.? 20\d\d kl\. \d\d\.\d\d/);
    expect(pdf).toContain('Extra anpassning');
    expect(pdf).toContain('Inled utredning');
    expect(pdf).toMatch(/EHT-möte \d{1,2} [a-zäö]{3,4}\.? 20\d\d/);
    // Every column the walk found has a Swedish title (a table added later without one makes this fail).
    // (elev_id is left out of the printed rows: it is the pupil the whole extract is about.)
    for (const t of json.tabeller) for (const k of Object.keys(t.rader[0] ?? {})) if (k !== 'elev_id') expect(harKolumnText(k), `${t.tabell}.${k}`).toBe(true);
    // The JSON is the stored data, unchanged.
    const insats = json.tabeller.find((t) => t.tabell === 'insats')?.rader[0];
    expect(['extra_anpassning', 'sarskilt_stod', 'forandrad_undervisning', 'handledning', 'annan']).toContain(insats?.typ);
    expect(typeof json.tabeller.find((t) => t.tabell === 'effektbedomning')?.rader[0]?.malet_natt).toBe('number');
  });
});

describe('demo school: the uppföljning of the varv already passed (demo/uppfoljning.ts)', () => {
  it('has dialogues for every held resultatdialog, a done avstämning for every held one, areas and insatser to follow up', async () => {
    const db = backend.context.db;
    const tomma = db
      .prepare("SELECT count(*) FROM mote m WHERE m.typ = 'resultatdialog' AND m.status = 'avslutat' AND NOT EXISTS (SELECT 1 FROM resultatdialog d WHERE d.varv_id = m.varv_id AND d.status = 'genomford')")
      .pluck()
      .get();
    expect(tomma).toBe(0);
    const hallna = db.prepare("SELECT varv_id FROM mote WHERE typ = 'avstamning' AND status = 'avslutat'").pluck().all() as number[];
    expect(hallna.length).toBeGreaterThanOrEqual(1);
    for (const varvId of hallna) {
      const vy = await ok<{ status: string; allaKlara: boolean }>('avstamning:get', { varvId });
      expect([vy.status, vy.allaKlara]).toEqual(['klar', true]);
    }
    // From the second varv on, each dialogue follows up last varv's plan for the same scope.
    const uppfoljda = db.prepare("SELECT count(*) FROM resultatdialog WHERE status = 'genomford' AND foregaende_id IS NOT NULL AND hur_gick_det <> '' AND foregaende_effekt IS NOT NULL").pluck().get() as number;
    expect(uppfoljda).toBeGreaterThan(0);
    // A dialogue marked genomförd lies in a varv whose resultatdialog meeting is held.
    expect(db.prepare("SELECT count(*) FROM resultatdialog d JOIN mote m ON m.varv_id = d.varv_id AND m.typ = 'resultatdialog' WHERE d.status = 'genomford' AND m.status <> 'avslutat'").pluck().get()).toBe(0);
    const omraden = db.prepare('SELECT count(*) FROM utvecklingsomrade WHERE fran_varv_id IS NOT NULL').pluck().get() as number;
    expect(omraden).toBeGreaterThanOrEqual(2);
    expect(db.prepare('SELECT count(*) FROM utvecklingsomrade_status WHERE kommentar <> ?').pluck().get('')).toBeGreaterThan(0);
    const u = await ok<{ insatserUtanUppfoljare: unknown[] }>('oversikt:uppfoljning');
    expect(u.insatserUtanUppfoljare.length).toBeGreaterThanOrEqual(1);
  });
});
