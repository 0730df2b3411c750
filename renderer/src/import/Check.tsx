// Step 3: the check of the whole file (a dry run on every change of the mapping) and the buttons that import.
// "Importera" needs a file without problems; with problems the user may import only the valid rows, said so.
import type { ImportResult } from '../../../shared/import/types';
import { Kbd } from '../components/Kbd';

interface Props {
  check: ImportResult | null;
  checking: boolean;
  importing: boolean;
  onImport(onlyValidRows: boolean): void;
}

const n = (x: number) => x.toLocaleString('sv-SE');

export function checkSummary(c: ImportResult): string {
  if (c.missing.length > 0) return `Kolumnmappningen saknar: ${c.missing.join('; ')}.`;
  const open = c.problems.length + c.questions.length;
  const what = `${n(c.rader)} rader, ${n(c.giltigaRader)} giltiga`;
  const change = `Importen lägger till ${n(c.tillagda)}, ändrar ${n(c.andrade)} och lämnar ${n(c.oforandrade)} oförändrade.`;
  if (open === 0) return `Inga problem: ${what}. ${change}`;
  const parts = [
    c.problems.length > 0 ? `${n(c.problems.length)} problem` : null,
    c.questions.length > 0 ? `${n(c.questions.length)} ${c.questions.length === 1 ? 'fråga om vem som avses' : 'frågor om vem som avses'}` : null,
  ].filter(Boolean);
  return `${what}. ${parts.join(' och ')} behöver lösas innan hela filen kan importeras.`;
}

export function ImportCheck({ check, checking, importing, onImport }: Props) {
  const open = check ? check.problems.length + check.questions.length + check.missing.length : 1;
  const canImport = check !== null && open === 0 && !checking && !importing;
  const canImportValid = check !== null && check.missing.length === 0 && open > 0 && check.giltigaRader > 0 && !checking && !importing;
  return (
    <div className="import-check">
      <p className={check && open === 0 ? 'import-verdict ok' : 'import-verdict'} role="status" aria-live="polite">
        {checking || !check ? 'Kontrollerar filen…' : checkSummary(check)}
      </p>
      <div className="import-actions">
        <button type="button" className="button primary" disabled={!canImport} onClick={() => onImport(false)} aria-keyshortcuts="Control+Enter">
          Importera <Kbd keys={['Ctrl', 'Enter']} decorative />
        </button>
        {check && check.missing.length === 0 && open > 0 && (
          <button type="button" className="button" disabled={!canImportValid} onClick={() => onImport(true)}>
            Importera bara giltiga rader ({n(check.giltigaRader)} av {n(check.rader)})
          </button>
        )}
        {importing && <span className="muted">Importerar…</span>}
      </div>
    </div>
  );
}

export function ImportDone({ result }: { result: ImportResult }) {
  return (
    <div className="import-done" role="status">
      <p className="import-done-title">
        {result.baraGiltiga ? 'Bara de giltiga raderna importerades.' : 'Importen är klar.'}
      </p>
      <p>
        Tillagda {n(result.tillagda)} · ändrade {n(result.andrade)} · oförändrade {n(result.oforandrade)} · hoppade över{' '}
        {n(result.hoppade)}
      </p>
    </div>
  );
}
