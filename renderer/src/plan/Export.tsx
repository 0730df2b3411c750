// The plan as PDF or Word, for a saved version or the current draft. The file is made by the backend (the same
// code as `varvet export plan`) and downloaded here.
import { useState } from 'react';
import type { ExportFormat, PlanVersionInfo } from '../../../shared/channels/plan';
import { call, errorText } from '../api';
import { useApp } from '../store';
import { ErrorAlert } from '../components/ErrorAlert';
import { downloadFil } from '../components/downloadFil';

export function PlanExport({ versioner }: { versioner: PlanVersionInfo[] }) {
  const announce = useApp((s) => s.announce);
  const [version, setVersion] = useState(versioner[0] ? String(versioner[0].id) : 'utkast');
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      const fil = await call('plan:export', { format, versionId: version === 'utkast' ? null : Number(version) });
      downloadFil(fil);
      setError(null);
      announce(`${fil.filnamn} är nedladdad.`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card" aria-labelledby="export-rubrik">
      <h2 id="export-rubrik">Skriv ut planen</h2>
      <p className="hint">Planen med skolans namn, version och datum, kalendariet som tabell och årshjulet som bild.</p>
      <ErrorAlert message={error} title="Filen kunde inte skapas" />
      <div className="field">
        <label htmlFor="export-version">Version</label>
        <select id="export-version" value={version} onChange={(e) => setVersion(e.target.value)}>
          {versioner.map((v) => (
            <option key={v.id} value={v.id}>
              Version {v.nummer}
              {v.isBaseline ? ' (baslinje)' : ''}
            </option>
          ))}
          <option value="utkast">Nuvarande utkast</option>
        </select>
      </div>
      <div className="form-actions">
        <button type="button" className="button primary" onClick={() => void run('pdf')} disabled={busy !== null}>
          {busy === 'pdf' ? 'Skapar PDF…' : 'Ladda ned PDF'}
        </button>
        <button type="button" className="button" onClick={() => void run('docx')} disabled={busy !== null}>
          {busy === 'docx' ? 'Skapar Word-fil…' : 'Ladda ned Word (DOCX)'}
        </button>
      </div>
    </section>
  );
}
