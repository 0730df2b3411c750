// The shared machinery of validating rows: reading a mapped cell, collecting problems with row and column,
// collecting questions about ambiguous names, and the plan each kind hands to the apply step.
import type { ImportField } from '../../../shared/import/fields';
import type { ResolvedMapping } from '../../../shared/import/mapping';
import type { ImportProblem, ImportQuestion } from '../../../shared/import/types';
import type { ParsedTable, TableRow } from './parse';
import type { Register } from './lookup';
import type { Writer } from './changes';

export type Outcome = 'added' | 'changed' | 'unchanged';

/** One valid row, ready to write: apply runs inside the import's transaction. */
export interface PlannedRow {
  rad: number;
  apply(w: Writer): Outcome;
}

export interface Plan {
  rows: PlannedRow[];
  /** Rows the user chose to skip in a question (not problems; they do not block the import). */
  skipped: number;
}

export interface KindInput {
  reg: Register;
  table: ParsedTable;
  cols: ResolvedMapping;
  choices: Record<string, number | null>;
  tillfalle: { namn: string; datum: string } | null;
  problems: Problems;
  questions: Questions;
}

export class Problems {
  readonly list: ImportProblem[] = [];
  readonly rows = new Set<number>();
  constructor(
    private readonly headers: readonly string[],
    private readonly cols: ResolvedMapping,
  ) {}
  add(rad: number, field: ImportField | null, varde: string, orsak: string): void {
    const index = field === null ? undefined : this.cols[field];
    this.list.push({ rad, kolumn: index === undefined ? '' : (this.headers[index] ?? ''), varde, orsak });
    this.rows.add(rad);
  }
  /** A row with the same identity as an earlier one: the columns of that identity and their values are named, so
   *  the user sees which key repeats (Elev-ID, Ämne, Datum …). Fields not mapped or empty in the row are left out. */
  duplicate(c: Cells, fields: readonly ImportField[], orsak: string): void {
    const used = fields.filter((f, i) => this.cols[f] !== undefined && c.get(f) !== '' && fields.indexOf(f) === i);
    const kolumn = used.map((f) => this.headers[this.cols[f] as number] ?? '').join(', ');
    this.list.push({ rad: c.rad, kolumn, varde: used.map((f) => c.get(f)).join(', '), orsak });
    this.rows.add(c.rad);
  }
}

/** The fields that say who a row's person is: the platform id when the row has one, else the name. */
export function personFields(c: Cells): ImportField[] {
  return c.get('externId') ? ['externId'] : ['namn', 'fornamn', 'efternamn'];
}

export class Questions {
  private readonly byKey = new Map<string, ImportQuestion>();
  readonly rows = new Set<number>();
  ask(nyckel: string, fraga: string, rad: number, kandidater: ImportQuestion['kandidater']): void {
    const q = this.byKey.get(nyckel);
    if (q) q.rader.push(rad);
    else this.byKey.set(nyckel, { nyckel, fraga, rader: [rad], kandidater });
    this.rows.add(rad);
  }
  get list(): ImportQuestion[] {
    return [...this.byKey.values()];
  }
}

/** Reads mapped cells of one row; an unmapped field reads as ''. */
export class Cells {
  constructor(
    private readonly row: TableRow,
    private readonly cols: ResolvedMapping,
  ) {}
  get rad(): number {
    return this.row.rad;
  }
  has(field: ImportField): boolean {
    return this.cols[field] !== undefined;
  }
  get(field: ImportField): string {
    const i = this.cols[field];
    return i === undefined ? '' : (this.row.cells[i] ?? '').trim();
  }
}

/** Tracks the first row each identity appeared on, to report duplicates within the file. */
export class SeenRows {
  private readonly first = new Map<string, number>();
  /** The earlier row with the same key, or null (and remembers this one). */
  check(key: string, rad: number): number | null {
    const before = this.first.get(key);
    if (before !== undefined) return before;
    this.first.set(key, rad);
    return null;
  }
}
