// Decoding and parsing as Swedish Excel writes files: Windows-1252 å/ä/ö, UTF-8 with and without BOM, ';' or ','
// delimiters, quoted fields with line breaks and delimiters, decimal commas; XLSX sheets; Swedish errors for junk.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { decodeText, detectDelimiter } from '../../../electron/backend/import/decode';
import { parseFile } from '../../../electron/backend/import/parse';
import { REPO_ROOT } from '../../support/tmp';

const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'import');
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
const TEXT = 'Förnamn;Efternamn;Årskurs\r\nÅsa;Sjöberg;7\r\n';

describe('decoding', () => {
  it('reads Windows-1252 å/ä/ö', () => {
    const decoded = decodeText(new Uint8Array(iconv.encode(TEXT, 'win1252')));
    expect(decoded).toEqual({ text: TEXT, encoding: 'Windows-1252' });
  });
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeText(new Uint8Array(Buffer.from(TEXT, 'utf8')))).toEqual({ text: TEXT, encoding: 'UTF-8' });
    expect(decodeText(new Uint8Array(Buffer.from(`\uFEFF${TEXT}`, 'utf8')))).toEqual({ text: TEXT, encoding: 'UTF-8 med BOM' });
  });
  it('detects the delimiter outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,5;2,5;3')).toBe(';');
    expect(detectDelimiter('a,b,c\n1;2;3')).toBe(',');
    expect(detectDelimiter('"x;y;z",b,c\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
  });
});

describe('parsing', () => {
  it('keeps quoted line breaks and delimiters in one cell, decimal commas as written, and Excel row numbers', async () => {
    const csv = 'Elev-ID;Kriterier;Närvaro\r\nE1;"Problemlösning\r\nBegrepp";87,5\r\n\r\nE2;"Resonemang; Begrepp";90,0\r\n';
    const table = await parseFile(new Uint8Array(iconv.encode(csv, 'win1252')), null);
    expect(table.headers).toEqual(['Elev-ID', 'Kriterier', 'Närvaro']);
    expect(table.rows).toEqual([
      { rad: 2, cells: ['E1', 'Problemlösning\r\nBegrepp', '87,5'] },
      { rad: 4, cells: ['E2', 'Resonemang; Begrepp', '90,0'] },
    ]);
  });

  it('reads the fixture dialects to the same rows', async () => {
    const win = await parseFile(fixture('resultat.csv'), null);
    const bom = await parseFile(fixture('resultat-utf8-bom.csv'), null);
    const xlsx = await parseFile(fixture('resultat.xlsx'), 'Resultat');
    const komma = await parseFile(fixture('resultat-komma.csv'), null);
    expect([win.encoding, win.delimiter, bom.encoding, komma.delimiter, xlsx.format]).toEqual(['Windows-1252', ';', 'UTF-8 med BOM', ',', 'xlsx']);
    expect(bom.rows).toEqual(win.rows);
    expect(xlsx.rows).toEqual(win.rows);
    expect(komma.rows.map((r) => r.cells)).toEqual(win.rows.map((r) => r.cells.slice(0, 8)));
    expect(xlsx.sheets).toEqual(['Om filen', 'Resultat']);
  });

  it.each([
    ['resultat-oavslutat-citat.csv', /citattecken/],
    ['resultat-trasig.xlsx', /Excel-fil/],
  ])('refuses %s with a Swedish sentence', async (name, message) => {
    await expect(parseFile(fixture(name), null)).rejects.toSatisfy((e) => e instanceof AppError && message.test(e.message));
  });

  it('refuses an old .xls, an empty file and a missing sheet in Swedish', async () => {
    await expect(parseFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), null)).rejects.toThrow(/\.xls/);
    await expect(parseFile(new Uint8Array(), null)).rejects.toThrow(/tom/);
    await expect(parseFile(fixture('resultat.xlsx'), 'Blad9')).rejects.toThrow(/Bladet "Blad9" finns inte/);
  });
});
