// A warning when the data folder is in OneDrive, Dropbox, Google Drive, iCloud or on a network share, with the
// offer to copy the database to a local folder. Shown on Säkerhetskopior and, when there is a warning, on Översikt.
import { useEffect, useState } from 'react';
import type { DataLocation } from '../../../shared/channels/backup';
import { call, errorText } from '../api';

export function BackupLocationWarning() {
  const [location, setLocation] = useState<DataLocation | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    call('data:location', {})
      .then((l) => live && setLocation(l))
      .catch(() => undefined); // the warning is a help, never a blocker
    return () => {
      live = false;
    };
  }, []);

  if (!location?.warning) return null;
  const move = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult((await call('data:move', { to: null })).instruction);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="backup-warning" aria-labelledby="backup-warning-rubrik">
      <h2 id="backup-warning-rubrik">Datamappen ligger på en riskabel plats</h2>
      <p>{location.warning}</p>
      {result ? (
        <p role="status">{result}</p>
      ) : (
        <>
          <p>Föreslagen lokal mapp: <code>{location.suggestion}</code></p>
          <button type="button" className="button primary" disabled={busy} onClick={() => void move()}>
            {busy ? 'Kopierar…' : 'Kopiera databasen till den lokala mappen'}
          </button>
        </>
      )}
      {error && <p role="alert" className="backup-bad">{error}</p>}
    </section>
  );
}
