// Step 3: the check of the whole file (a dry run on every change of the mapping) and the buttons that import.
// "Importera" needs a file without problems; with problems the user may import only the valid rows, said so.
import type { ImportAndring, ImportResult } from '../../../shared/import/types';
import { Kbd } from '../components/Kbd';

interface Props {
  check: ImportResult | null;
  checking: boolean;
  importing: boolean;
  /** While a confirmation is open: the buttons wait, without saying "Importerar…". */
  paused?: boolean;
  onImport(onlyValidRows: boolean): void;
}

const n = (x: number) => x.toLocaleString('sv-SE');

const varden = (x: number) => `${n(x)} ${x === 1 ? 'befintligt värde' : 'befintliga värden'}`;

/** What the import would do, from the check (a dry run of the valid rows): rows added, existing values changed. */
export function changeSummary(c: ImportResult): string {
  const rader = (x: number) => `${n(x)} ${x === 1 ? 'rad' : 'rader'}`;
  const andrar = c.andradeVarden > 0 ? `ändrar ${varden(c.andradeVarden)} (i ${rader(c.andrade)})` : 'ändrar inga befintliga värden';
  return `lägger till ${rader(c.tillagda)}, ${andrar} och lämnar ${rader(c.oforandrade)} ${c.oforandrade === 1 ? 'oförändrad' : 'oförändrade'}`;
}

export function checkSummary(c: ImportResult): string {
  if (c.missing.length > 0) return `Kolumnmappningen saknar: ${c.missing.join('; ')}.`;
  const open = c.problems.length + c.questions.length;
  const what = `${n(c.rader)} rader, ${n(c.giltigaRader)} giltiga`;
  if (open === 0) return `Inga problem: ${what}. Importen ${changeSummary(c)}.`;
  const parts = [
    c.problems.length > 0 ? `${n(c.problems.length)} problem` : null,
    c.questions.length > 0 ? `${n(c.questions.length)} ${c.questions.length === 1 ? 'fråga om vem som avses' : 'frågor om vem som avses'}` : null,
  ].filter(Boolean);
  const valid = c.giltigaRader > 0 ? ` Importerar du bara de giltiga raderna ${changeSummary(c)}.` : ' Ingen rad är giltig.';
  return `${what}. ${parts.join(' och ')} behöver lösas innan hela filen kan importeras.${valid}`;
}

export function ImportCheck({ check, checking, importing, paused = false, onImport }: Props) {
  const open = check ? check.problems.length + check.questions.length + check.missing.length : 1;
  const idle = !checking && !importing && !paused;
  const canImport = check !== null && open === 0 && idle;
  const canImportValid = check !== null && check.missing.length === 0 && open > 0 && check.giltigaRader > 0 && idle;
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

/** Before existing values are overwritten: the list of them, and an explicit choice. */
export function ImportConfirm({ andringar, total, onlyValidRows, onConfirm, onCancel }: {
  andringar: ImportAndring[];
  total: number;
  onlyValidRows: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <div className="import-confirm" role="alertdialog" aria-labelledby="import-confirm-title" aria-describedby="import-confirm-text">
      <h3 id="import-confirm-title">Importen ändrar {varden(total)}</h3>
      <p id="import-confirm-text">
        {onlyValidRows ? 'De giltiga raderna' : 'Filen'} skriver över det som redan finns sparat. Kontrollera ändringarna
        nedan innan du importerar; importen kan ångras i historiken.
      </p>
      <div className="import-confirm-list" tabIndex={0} aria-label="Värden som ändras">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Gäller</th>
              <th scope="col">Värde</th>
              <th scope="col">Nu</th>
              <th scope="col">Efter importen</th>
            </tr>
          </thead>
          <tbody>
            {andringar.map((a, i) => (
              <tr key={i}>
                <td>{a.vad}</td>
                <td>{a.falt}</td>
                <td>{a.fore}</td>
                <td>{a.efter}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {total > andringar.length && <p className="muted">… och {n(total - andringar.length)} till.</p>}
      </div>
      <div className="import-actions">
        <button type="button" className="button primary" onClick={onConfirm} autoFocus>
          Importera och ändra {varden(total)}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Avbryt
        </button>
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
        Tillagda {n(result.tillagda)} · ändrade {n(result.andrade)} · oförändrade {n(result.oforandrade)}
        {result.hoppade > 0 && ` · hoppade över ${n(result.hoppade)} rader med problem`}
      </p>
    </div>
  );
}
