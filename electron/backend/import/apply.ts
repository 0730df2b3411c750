// Applying a validated file: all-or-nothing in one transaction. With problems nothing is written unless the user
// chose to import only the valid rows. A dry run does the same work and rolls it back, so its counts are exact.
// Audit: the import_korning row is audited as any row; the data rows are written with their per-row triggers silent
// and recorded in import_andring, whose SHA-256 the import_korning row then holds (audit/importAudit.ts).
import type { Database } from 'better-sqlite3';
import { silenced } from '../audit/importAudit';
import type { ColumnMapping } from '../../../shared/import/mapping';
import type { ImportKind } from '../../../shared/import/fields';
import type { ImportResult } from '../../../shared/import/types';
import { describeUpdates } from './andringar';
import { FirstChange, Writer } from './changes';
import type { ParsedTable } from './parse';
import { validateImport, type Validated } from './validate';

export interface RunOptions {
  kind: ImportKind;
  fileName: string;
  sha256: string;
  mapping: ColumnMapping;
  choices: Record<string, number | null>;
  tillfalle: { namn: string; datum: string } | null;
  onlyValidRows: boolean;
  dryRun: boolean;
  /** Roll back at the first write (the caller takes a backup first); an import that changes nothing commits. */
  abortIfChanges: boolean;
  today: string;
  now: string;
}

class Rollback extends Error {
  constructor(readonly result: ImportResult) {
    super('rollback');
  }
}

/** needsBackup: the first change was reached and nothing written; validated is the plan that reached it. */
export type RunOutcome = { result: ImportResult; needsBackup: boolean; validated?: Validated };

/** Changes committed since: this connection's total changes and the data version other connections move. */
export function changeMark(db: Database): string {
  return `${String(db.prepare('SELECT total_changes()').pluck().get())}|${String(db.pragma('data_version', { simple: true }))}`;
}

/** The mapping the run used, and for an Excel file the sheet it read ("blad"; no ImportField has that name), so
 *  the history can say which sheet of the file was imported. */
function mappningJson(mapping: ColumnMapping, table: ParsedTable): string {
  return JSON.stringify(table.format === 'xlsx' && table.sheet !== null ? { ...mapping, blad: table.sheet } : mapping);
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('sv-SE')} ${n === 1 ? one : many}`;
}

/**
 * Validates (or takes the plan of a run that stopped at its first change, when nothing has been written since) and
 * applies. A Writer that stops at the first change does so before changing anything, and a kind changes its state
 * only after a write returns, so that plan is exactly what validating again would give.
 */
export function runImport(db: Database, table: ParsedTable, opts: RunOptions, validated?: Validated): RunOutcome {
  const started = performance.now();
  const base = (): ImportResult => ({
    kind: opts.kind, dryRun: opts.dryRun, applied: false, refused: null, importId: null, baraGiltiga: false, giltigaRader: 0,
    problems: [], questions: [], missing: [], andringar: [], andradeVarden: 0, rader: table.rows.length, tillagda: 0, andrade: 0, oforandrade: 0, hoppade: 0, millis: 0,
  });
  const finish = (r: ImportResult): ImportResult => ({ ...r, millis: Math.round(performance.now() - started) });
  let plan: Validated | undefined;
  try {
    return db.transaction((): RunOutcome => {
      const v = validated ?? validateImport(db, table, opts);
      plan = v;
      const result = base();
      result.missing = v.missing;
      result.problems = v.problems.list;
      result.questions = v.questions.list;
      result.giltigaRader = v.plan.rows.length;
      // Rows are skipped only by an import that goes through; a refusal imports nothing and skips nothing.
      result.hoppade = table.rows.length - v.plan.rows.length;
      if (v.missing.length > 0) {
        result.hoppade = 0;
        result.refused = `Kolumnmappningen saknar: ${v.missing.join('; ')}. Ingenting har importerats.`;
        return { result: finish(result), needsBackup: false };
      }
      const open = v.problems.list.length + v.questions.list.length;
      if (open > 0 && !opts.onlyValidRows) {
        const parts = [
          v.problems.list.length ? plural(v.problems.list.length, 'problem', 'problem') : null,
          v.questions.list.length ? plural(v.questions.list.length, 'fråga om vem som avses', 'frågor om vem som avses') : null,
        ].filter(Boolean);
        const way = [
          v.problems.list.length ? 'rätta filen' : null,
          v.questions.list.length ? 'svara på frågorna' : null,
          v.plan.rows.length === 1 ? 'välj att importera bara den giltiga raden' : null,
          v.plan.rows.length > 1 ? `välj att importera bara de ${plural(v.plan.rows.length, '', 'giltiga raderna')}` : null,
        ].filter(Boolean) as string[];
        const wayText = way.length > 1 ? `${way.slice(0, -1).join(', ')} eller ${way.at(-1)}` : (way[0] ?? '');
        result.refused = `Filen har ${parts.join(' och ')}${v.plan.rows.length === 0 ? ' och ingen giltig rad' : ''}. Ingenting har importerats. ${wayText.charAt(0).toLocaleUpperCase('sv')}${wayText.slice(1)}.`;
        result.hoppade = 0;
        return { result: finish(result), needsBackup: false };
      }
      result.baraGiltiga = open > 0;
      const importId = Number(
        db.prepare('INSERT INTO import_korning (typ, filnamn, sha256, importerad, rader, bara_giltiga, mappning) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(opts.kind, opts.fileName, opts.sha256, opts.now, table.rows.length, result.baraGiltiga ? 1 : 0, mappningJson(opts.mapping, table))
          .lastInsertRowid,
      );
      const w = new Writer(db, importId, opts.abortIfChanges && !opts.dryRun);
      silenced(db, () => {
        for (const row of v.plan.rows) {
          const outcome = row.apply(w);
          if (outcome === 'added') result.tillagda++;
          else if (outcome === 'changed') result.andrade++;
          else result.oforandrade++;
        }
      });
      const digest = opts.dryRun ? null : w.sha256();
      db.prepare('UPDATE import_korning SET tillagda = ?, andrade = ?, oforandrade = ?, hoppade = ?, andringar_sha256 = ? WHERE id = ?')
        .run(result.tillagda, result.andrade, result.oforandrade, result.hoppade, digest, importId);
      result.applied = w.changes > 0;
      result.andradeVarden = w.updates.reduce((sum, u) => sum + u.cols.length, 0);
      result.andringar = describeUpdates(db, w.updates);
      result.importId = opts.dryRun ? null : importId;
      if (opts.dryRun) throw new Rollback(finish(result));
      return { result: finish(result), needsBackup: false };
    })();
  } catch (error) {
    if (error instanceof Rollback) return { result: error.result, needsBackup: false };
    if (error instanceof FirstChange) return { result: finish(base()), needsBackup: true, validated: plan };
    throw error;
  }
}
