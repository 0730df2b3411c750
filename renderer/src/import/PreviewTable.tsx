// Step 2: the first rows of the file with one select per column saying what the column holds. The proposal comes
// from header recognition; the user confirms or corrects it. A field can belong to one column only.
import type { ImportField } from '../../../shared/import/fields';
import type { ColumnMapping } from '../../../shared/import/mapping';
import type { ImportPreview } from '../../../shared/import/types';

interface Props {
  preview: ImportPreview;
  mapping: ColumnMapping;
  onMapping(mapping: ColumnMapping): void;
}

const SHOWN_ROWS = 10;

function describeFile(p: ImportPreview): string {
  const n = p.totalRows.toLocaleString('sv-SE');
  if (p.format === 'xlsx') return `Excel-fil, bladet ”${p.sheet ?? ''}” · ${n} rader`;
  const delimiter = p.delimiter === ';' ? 'semikolon' : p.delimiter === ',' ? 'komma' : 'tabb';
  return `CSV-fil, ${p.encoding ?? ''}, ${delimiter} mellan kolumnerna · ${n} rader`;
}

export function ImportPreviewTable({ preview, mapping, onMapping }: Props) {
  const fieldOf = (header: string): ImportField | '' =>
    (Object.entries(mapping).find(([, h]) => h === header)?.[0] as ImportField | undefined) ?? '';

  const choose = (header: string, field: ImportField | '') => {
    const next: ColumnMapping = {};
    for (const [f, h] of Object.entries(mapping) as [ImportField, string][]) if (h !== header && f !== field) next[f] = h;
    if (field) next[field] = header;
    onMapping(next);
  };

  return (
    <section className="card import-preview" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">2. Kontrollera kolumnerna</h2>
      <p className="muted">
        {preview.fileName}: {describeFile(preview)}. Välj under varje rubrik vad kolumnen innehåller; fält markerade
        med * krävs. Kolumner som inte används importeras inte.
      </p>
      <div className="table-wrap import-preview-wrap">
        <table className="table import-preview-table">
          <caption className="visually-hidden">De första raderna i filen med kolumnernas mappning</caption>
          <thead>
            <tr>
              <th scope="col">Rad</th>
              {preview.headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
            <tr className="import-mapping-row">
              <td>Blir</td>
              {preview.headers.map((h, i) => (
                <td key={h}>
                  <select
                    aria-label={`Vad innehåller kolumnen ”${h}”?`}
                    id={`import-map-${i}`}
                    value={fieldOf(h)}
                    className={fieldOf(h) ? 'mapped' : 'unmapped'}
                    onChange={(e) => choose(h, e.currentTarget.value as ImportField | '')}
                  >
                    <option value="">– Används inte –</option>
                    {preview.fields.map((f) => (
                      <option key={f.field} value={f.field}>
                        {f.label}
                        {f.required ? ' *' : ''}
                      </option>
                    ))}
                  </select>
                </td>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.slice(0, SHOWN_ROWS).map((r) => (
              <tr key={r.rad}>
                <th scope="row">{r.rad}</th>
                {preview.headers.map((h, i) => (
                  <td key={h} className={fieldOf(h) ? undefined : 'import-unused'}>
                    {r.cells[i] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.totalRows > SHOWN_ROWS && (
        <p className="hint">
          Visar de {SHOWN_ROWS} första av {preview.totalRows.toLocaleString('sv-SE')} rader. Alla rader kontrolleras.
        </p>
      )}
    </section>
  );
}
