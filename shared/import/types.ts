// What the import channels return: the preview of a file, the problems found, the questions asked and the result.
import type { ImportField, ImportKind } from './fields';
import type { ColumnMapping } from './mapping';

/** One problem in the file, where the user finds it in Excel: row number (the header is row 1) and column. */
export interface ImportProblem {
  rad: number;
  /** The column's header text; '' for a problem of the whole row. */
  kolumn: string;
  varde: string;
  orsak: string;
}

/** A name that fits more than one person in the register: the user picks one or skips the rows. */
export interface ImportQuestion {
  nyckel: string;
  /** "Alva Karlsson, 7A" as the file wrote it. */
  fraga: string;
  rader: number[];
  kandidater: { id: number; text: string }[];
}

export interface ImportPreview {
  kind: ImportKind;
  fileName: string;
  format: 'csv' | 'xlsx';
  /** For CSV: 'UTF-8', 'UTF-8 med BOM' or 'Windows-1252'; null for XLSX. */
  encoding: string | null;
  delimiter: ';' | ',' | '\t' | null;
  sheets: string[];
  sheet: string | null;
  headers: string[];
  /** The first rows of the file (at most 20), each with its row number. */
  rows: { rad: number; cells: string[] }[];
  totalRows: number;
  proposedMapping: ColumnMapping;
  /** The fields the kind offers, in order, with those that are required marked. */
  fields: { field: ImportField; label: string; required: boolean }[];
}

export interface ImportCounts {
  /** Data rows in the file (empty rows not counted). */
  rader: number;
  tillagda: number;
  andrade: number;
  oforandrade: number;
  hoppade: number;
}

/** One existing value an import overwrites: what it is about, which value, before and after (all Swedish text). */
export interface ImportAndring {
  /** "Anna Berg (Elev-ID 7001), Matematik, Vt 2026" */
  vad: string;
  /** "betyg", "klass", "förnamn" … */
  falt: string;
  fore: string;
  efter: string;
}

export interface ImportResult extends ImportCounts {
  kind: ImportKind;
  dryRun: boolean;
  /** True when the database was changed (or, for a dry run, would be). */
  applied: boolean;
  /** Why nothing was imported, in Swedish; null when the import went through. */
  refused: string | null;
  importId: number | null;
  baraGiltiga: boolean;
  /** Rows without problems and without open questions. */
  giltigaRader: number;
  problems: ImportProblem[];
  questions: ImportQuestion[];
  /** Requirements the mapping does not meet, e.g. "Ämne". */
  missing: string[];
  /** Existing values the import overwrites (or, for a dry run, would overwrite); the first 500 are listed. */
  andringar: ImportAndring[];
  /** How many existing values it overwrites in all (andringar may list fewer). */
  andradeVarden: number;
  millis: number;
}

export interface ImportHistoryEntry extends ImportCounts {
  id: number;
  typ: ImportKind;
  filnamn: string;
  /** The sheet of an Excel file that was imported; null for CSV. */
  blad: string | null;
  sha256: string;
  importerad: string;
  baraGiltiga: boolean;
  angrad: string | null;
  /** Rows of the database the import changed (what undo restores). */
  andringar: number;
}

export interface SavedMapping {
  id: number;
  kalla: string;
  typ: ImportKind;
  mappning: ColumnMapping;
  sparad: string;
}
