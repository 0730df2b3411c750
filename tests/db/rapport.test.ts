// The huvudman's year report is pseudonymised: its JSON and its PDF hold no pupil's name or id from the database,
// free text is scrubbed, and no count below the suppression threshold appears in any table.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFil } from '../../shared/channels/plan';
import { createBackend, type Backend } from '../../electron/backend/backend';
import type { Arsrapport } from '../../electron/backend/export/arsrapport';
import { tempDir } from '../support/tmp';

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
