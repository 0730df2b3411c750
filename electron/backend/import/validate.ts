// Validation of a whole file before anything is written: the mapping's requirements, then every row of the kind.
// The result is a plan of valid rows plus every problem and every open question.
import type { Database } from 'better-sqlite3';
import type { ImportKind } from '../../../shared/import/fields';
import { missingRequirements, resolveMapping, type ColumnMapping, type ResolvedMapping } from '../../../shared/import/mapping';
import { currentLasar } from '../skola/oversikt';
import { planElever } from './kinds/elever';
import { planGrupper } from './kinds/grupper';
import { planPersonal } from './kinds/personal';
import { planResultat } from './kinds/resultat';
import { planUndervisning } from './kinds/undervisning';
import { Register } from './lookup';
import type { ParsedTable } from './parse';
import { Problems, Questions, type KindInput, type Plan } from './rows';

const PLANNERS: Record<ImportKind, (input: KindInput) => Plan> = {
  elever: planElever,
  personal: planPersonal,
  grupper: planGrupper,
  undervisning: planUndervisning,
  resultat: planResultat,
};

export interface ValidateOptions {
  kind: ImportKind;
  mapping: ColumnMapping;
  choices: Record<string, number | null>;
  tillfalle: { namn: string; datum: string } | null;
  today: string;
}

export interface Validated {
  cols: ResolvedMapping;
  missing: string[];
  plan: Plan;
  problems: Problems;
  questions: Questions;
}

export function validateImport(db: Database, table: ParsedTable, opts: ValidateOptions): Validated {
  const cols = resolveMapping(opts.kind, opts.mapping, table.headers);
  const missing = missingRequirements(opts.kind, cols);
  if (opts.kind === 'resultat' && cols.tillfalle === undefined && cols.datum === undefined && !opts.tillfalle) {
    missing.push('Bedömningstillfälle (en kolumn Tillfälle eller Datum, eller välj ett tillfälle)');
  }
  const problems = new Problems(table.headers, cols);
  const questions = new Questions();
  if (missing.length > 0) return { cols, missing, plan: { rows: [], skipped: 0 }, problems, questions };
  const reg = new Register(db, currentLasar(db, opts.today));
  const input: KindInput = { reg, table, cols, choices: opts.choices, tillfalle: opts.tillfalle, problems, questions };
  const plan = PLANNERS[opts.kind](input);
  problems.list.sort((a, b) => a.rad - b.rad);
  return { cols, missing, plan, problems, questions };
}
