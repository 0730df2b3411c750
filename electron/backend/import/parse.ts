// A file becomes a table of strings with the row numbers the user sees in Excel. CSV through csv-parse (any
// delimiter, quoted fields with line breaks), XLSX through exceljs. Nothing here knows what the columns mean.
import { parse as parseCsv } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { decodeText, detectDelimiter, type TextEncoding } from './decode';

export interface TableRow {
  /** 1-based row number as in Excel: the header row is row 1 (or wherever it was). */
  rad: number;
  cells: string[];
}

export interface ParsedTable {
  format: 'csv' | 'xlsx';
  encoding: TextEncoding | null;
  delimiter: ';' | ',' | '\t' | null;
  sheets: string[];
  sheet: string | null;
  headers: string[];
  rows: TableRow[];
}

/** More rows than any school's export; a file beyond it is refused before memory runs out. */
const MAX_ROWS = 500_000;

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isOleExcel(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Blank header cells get a name the user can refer to; repeated names get a number so each column stays distinct. */
function nameHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const base = h.replace(/^\uFEFF/, '').replace(/\s+/g, ' ').trim() || `Kolumn ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** First non-empty row is the header; empty rows after it are dropped but keep their numbers counted. */
function toTable(records: { rad: number; cells: string[] }[]): { headers: string[]; rows: TableRow[] } {
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [head, ...rest] = nonEmpty;
  if (!head) throw new AppError('invalid_argument', 'Filen innehåller inga rader.');
  if (rest.length > MAX_ROWS) {
    throw new AppError('invalid_argument', `Filen har ${rest.length} rader; högst ${MAX_ROWS} kan importeras på en gång. Dela upp filen.`);
  }
  const headers = nameHeaders(head.cells);
  const width = Math.max(headers.length, ...rest.slice(0, 1000).map((r) => r.cells.length));
  while (headers.length < width) headers.push(`Kolumn ${headers.length + 1}`);
  return { headers, rows: rest.map((r) => ({ rad: r.rad, cells: r.cells.map((c) => c.trim()) })) };
}

const CSV_REASON: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'ett citattecken (") avslutas aldrig',
  CSV_INVALID_CLOSING_QUOTE: 'ett citattecken (") står mitt i ett fält',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'det står tecken efter ett avslutande citattecken',
};

export function parseCsvText(bytes: Uint8Array): ParsedTable {
  const { text, encoding } = decodeText(bytes);
  if (text.includes('\u0000')) {
    throw new AppError('invalid_argument', 'Filen innehåller binära data och är inte en CSV-fil. Spara den som CSV eller XLSX i Excel.');
  }
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    const line = typeof error === 'object' && error !== null && 'lines' in error ? Number(error.lines) : NaN;
    const where = Number.isFinite(line) ? ` på rad ${line}` : '';
    const why = CSV_REASON[code] ?? 'filen följer inte CSV-formatet';
    throw new AppError('invalid_argument', `Filen kunde inte läsas som CSV${where}: ${why}. Ingenting har importerats.`);
  }
  // csv-parse gives one record per CSV record; Excel shows each as one row, also when a field spans lines.
  const { headers, rows } = toTable(records.map((cells, i) => ({ rad: i + 1, cells })));
  return { format: 'csv', encoding, delimiter, sheets: [], sheet: null, headers, rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value).replace('.', ',');
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value ? cellText(value.result as ExcelJS.CellValue) : '';
  if ('hyperlink' in value) return String(value.text ?? '');
  if ('error' in value) return '';
  return '';
}

export async function parseXlsx(bytes: Uint8Array, sheetName: string | null): Promise<ParsedTable> {
  // exceljs is loaded on the first XLSX file, not at start-up.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('invalid_argument', 'Filen kunde inte läsas som Excel-fil (.xlsx); den kan vara skadad. Öppna den i Excel och spara igen, eller spara som CSV.');
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  const sheet = sheetName === null ? workbook.worksheets[0] : workbook.worksheets.find((w) => w.name === sheetName);
  if (!sheet) {
    const which = sheetName === null ? 'Excel-filen har inga blad.' : `Bladet "${sheetName}" finns inte i filen; välj ett av: ${sheets.join(', ')}.`;
    throw new AppError('invalid_argument', which);
  }
  const records: { rad: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    records.push({ rad: rowNumber, cells: Array.from(values, (v) => cellText(v)) });
  });
  const { headers, rows } = toTable(records);
  return { format: 'xlsx', encoding: null, delimiter: null, sheets, sheet: sheet.name, headers, rows };
}

/** Reads a CSV or XLSX file; the format is taken from the bytes, not the name. */
export async function parseFile(bytes: Uint8Array, sheet: string | null): Promise<ParsedTable> {
  if (bytes.length === 0) throw new AppError('invalid_argument', 'Filen är tom.');
  if (isOleExcel(bytes)) {
    throw new AppError('invalid_argument', 'Filen är i det äldre Excel-formatet (.xls). Spara den som .xlsx eller CSV i Excel och försök igen.');
  }
  if (isZip(bytes)) return parseXlsx(bytes, sheet);
  return parseCsvText(bytes);
}
