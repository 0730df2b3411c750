// Property tests: random mutations of the fixtures (truncation, wrong encodings, shuffled columns, garbage bytes)
// never crash the importer (always a Reply, never an internal error) and never leave a partial import: a refused
// file leaves every table as it was, an accepted one writes exactly its valid rows and undoes to the same state,
// with the audit chain and the imports' sealed digests intact throughout. And any table written as Excel writes CSV
// (each dialect, quoted delimiters, quotes and line breaks in fields) is read back cell for cell with Excel's row numbers.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend';
import type { ImportKind } from '../../../shared/import/fields';
import type { ImportPreview, ImportResult } from '../../../shared/import/types';
import { verifyAuditChain } from '../../../electron/backend/audit/verify';
import { parseCsvText } from '../../../electron/backend/import/parse';
import { toCsv } from '../../fixtures/import/generate';
import { dumpHash, FIXTURES, fileArgs, newSchool, withRegister } from './support';

const SOURCES: { kind: ImportKind; file: string }[] = [
  { kind: 'resultat', file: 'resultat.csv' },
  { kind: 'resultat', file: 'resultat-komma.csv' },
  { kind: 'resultat', file: 'resultat.xlsx' },
  { kind: 'elever', file: 'elever-utf8-bom.csv' },
  { kind: 'elever', file: 'elever.xlsx' },
  { kind: 'personal', file: 'personal.csv' },
  { kind: 'grupper', file: 'grupper.csv' },
  { kind: 'undervisning', file: 'undervisning.xlsx' },
];
const bytesOf = new Map(SOURCES.map((s) => [s.file, new Uint8Array(fs.readFileSync(path.join(FIXTURES, s.file)))]));

type Mutation = (b: Uint8Array) => Uint8Array;

function shuffleColumns(order: number[]): Mutation {
  return (b) => {
    const text = new TextDecoder('windows-1252').decode(b);
    let rows: string[][];
    try {
      rows = parse(text.replace(/^\uFEFF|^ï»¿/, ''), { delimiter: text.includes(';') ? ';' : ',', relax_column_count: true }) as string[][];
    } catch {
      return b;
    }
    const width = rows[0]?.length ?? 0;
    const perm = [...Array(width).keys()].sort((x, y) => (order[x % order.length] ?? 0) - (order[y % order.length] ?? 0));
    return new Uint8Array(iconv.encode(toCsv(rows.map((r) => perm.map((i) => r[i] ?? '')), ';'), 'win1252'));
  };
}

const mutation: fc.Arbitrary<{ name: string; apply: Mutation }> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((f) => ({ name: `truncate ${f.toFixed(2)}`, apply: (b: Uint8Array) => b.subarray(0, Math.floor(b.length * f)) })),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 40 })).map(([at, junk]) => ({
    name: `garbage at ${at}`,
    apply: (b: Uint8Array) => {
      const i = b.length === 0 ? 0 : at % b.length;
      return new Uint8Array([...b.subarray(0, i), ...junk, ...b.subarray(i)]);
    },
  })),
  fc.tuple(fc.nat(), fc.nat(255)).map(([at, v]) => ({ name: `flip byte ${at}`, apply: (b: Uint8Array) => { const c = b.slice(); if (c.length) c[at % c.length] = v; return c; } })),
  fc.constantFrom<{ name: string; apply: Mutation }>(
    { name: 'utf-16', apply: (b) => new Uint8Array(iconv.encode(new TextDecoder('utf-8').decode(b), 'utf16le')) },
    { name: 'utf8 read as 1252 and written as utf8', apply: (b) => new Uint8Array(Buffer.from(new TextDecoder('windows-1252').decode(b), 'utf8')) },
    { name: 'mac line endings', apply: (b) => new Uint8Array(Buffer.from(Buffer.from(b).toString('latin1').replace(/\r?\n/g, '\r'), 'latin1')) },
    { name: 'empty', apply: () => new Uint8Array() },
  ),
  fc.array(fc.integer(), { minLength: 2, maxLength: 12 }).map((order) => ({ name: `shuffle columns ${order.join(',')}`, apply: shuffleColumns(order) })),
);

describe('import fuzz', () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await newSchool();
    await withRegister(backend);
  });
  afterAll(() => backend?.close());

  it('never crashes and never leaves a partial import', async () => {
    const seen = { unreadable: 0, refused: 0, applied: 0 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SOURCES), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), async (source, mutations, onlyValidRows) => {
        let bytes = bytesOf.get(source.file) as Uint8Array;
        for (const m of mutations) bytes = m.apply(bytes);
        const db = backend.context.db;
        const before = dumpHash(db);
        const beforeData = dumpHash(db, false);
        const args = { ...fileArgs(source.kind, source.file, bytes), sheet: null };
        const preview = await backend.dispatch('import:preview', args);
        if (!preview.ok) {
          seen.unreadable++;
          expect(preview.error.code).not.toBe('internal');
          expect(dumpHash(db)).toBe(before);
          return;
        }
        const mapping = (preview.value as ImportPreview).proposedMapping;
        const reply = await backend.dispatch('import:run', { ...args, mapping, onlyValidRows, tillfalle: { namn: '', datum: '2026-10-16' } });
        if (!reply.ok) {
          expect(reply.error.code).not.toBe('internal');
          expect(dumpHash(db)).toBe(before);
          return;
        }
        const r = reply.value as ImportResult;
        if (r.refused) {
          seen.refused++;
          expect(dumpHash(db)).toBe(before);
          return;
        }
        // Accepted: every valid row was handled, the rest skipped; undo returns to exactly the state before.
        expect(r.tillagda + r.andrade + r.oforandrade).toBe(r.giltigaRader);
        expect(r.hoppade).toBe(r.rader - r.giltigaRader);
        expect(db.pragma('foreign_key_check')).toEqual([]);
        if (r.applied && r.importId !== null) {
          seen.applied++;
          const undo = await backend.dispatch('import:undo', { id: r.importId });
          expect(undo.ok, JSON.stringify(undo)).toBe(true);
          expect(dumpHash(db, false)).toBe(beforeData);
        }
        expect(db.prepare('SELECT count(*) FROM audit_import_pagar').pluck().get()).toBe(0);
        expect(verifyAuditChain(db)).toMatchObject({ ok: true });
      }),
      { numRuns: 80, interruptAfterTimeLimit: 100_000 },
    );
    // The three outcomes all occurred, so each branch of the property was really checked.
    expect(seen.unreadable * seen.refused * seen.applied, JSON.stringify(seen)).toBeGreaterThan(0);
  }, 180_000);

  it('reads any table written as Swedish Excel writes CSV back cell for cell, with the rows Excel shows', () => {
    const name = fc.stringMatching(/^[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö -]{0,10}[A-Za-zÅÄÖåäö]$/);
    // Only characters Windows-1252 has, and none that could make its bytes valid UTF-8 by chance.
    const piece = fc.constantFrom(';', ',', '\t', '\r\n', '\n', ' ', 'a', 'Z', 'Å', 'ö', 'é', '1', '-', '"', '""', '\'', '=');
    const cell = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
    const table = fc.integer({ min: 2, max: 6 }).chain((width) =>
      fc.tuple(
        fc.uniqueArray(name, { minLength: width, maxLength: width, comparator: (x, y) => x.replace(/\s+/g, ' ') === y.replace(/\s+/g, ' ') }),
        fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 12 }),
      ),
    );
    const dialect = fc.constantFrom('win1252' as const, 'bom' as const, 'comma' as const);
    fc.assert(
      fc.property(table, dialect, ([headers, rows], d) => {
        const text = toCsv([headers, ...rows], d === 'comma' ? ',' : ';');
        const bytes = d === 'win1252' ? iconv.encode(text, 'win1252') : Buffer.from(d === 'bom' ? `\uFEFF${text}` : text, 'utf8');
        const t = parseCsvText(new Uint8Array(bytes));
        expect(t.delimiter).toBe(d === 'comma' ? ',' : ';');
        expect(t.encoding).toBe(d === 'bom' ? 'UTF-8 med BOM' : /[^\x00-\x7f]/.test(text) && d === 'win1252' ? 'Windows-1252' : 'UTF-8');
        expect(t.headers).toEqual(headers.map((h) => h.replace(/\s+/g, ' ').trim()));
        // Row 1 is the header; a row whose cells are all blank is left out but still counted.
        const expected = rows
          .map((cells, i) => ({ rad: i + 2, cells: cells.map((c) => c.trim()) }))
          .filter((r) => r.cells.some((c) => c !== ''));
        expect(t.rows, JSON.stringify(text)).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
    // A quote that never closes is refused with the line it starts on, in Swedish.
    expect(() => parseCsvText(new TextEncoder().encode('Elev-ID;Betyg\r\nE1;"A\r\nE2;B\r\n'))).toThrow(/rad \d+: ett citattecken/);
  });
});
