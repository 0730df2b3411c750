// Registerutdrag (GDPR art. 15) from the pupil's page: everything Varvet stores about the pupil, as PDF or JSON.
import { useState } from 'react';
import { call, errorText } from '../api';
import { downloadFil } from '../components/downloadFil';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApp } from '../store';

export function UppfoljningRegisterutdrag({ elevId }: { elevId: number }) {
  const announce = useApp((s) => s.announce);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hamta = async (format: 'pdf' | 'json') => {
    setBusy(true);
    setError(null);
    try {
      const fil = await call('rapport:registerutdrag', { elevId, format });
      downloadFil(fil);
      announce(`Registerutdraget är sparat som ${fil.filnamn}.`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="section uf-registerutdrag">
      <summary>Registerutdrag</summary>
      <p className="muted">Allt Varvet har sparat om eleven, till exempel när eleven eller vårdnadshavare begär det (dataskyddsförordningen artikel 15).</p>
      <div className="form-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void hamta('pdf')}>
          Registerutdrag som PDF
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void hamta('json')}>
          Registerutdrag som JSON
        </button>
      </div>
      <ErrorAlert message={error} title="Registerutdraget kunde inte skapas" />
    </details>
  );
}
