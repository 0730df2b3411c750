// The way out when the database is damaged: the verified backups, right on the gate, each restorable. The damaged
// file is kept (moved aside by the backend), so nothing is lost by choosing one.
import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../shared/channels/backup';
import { call, errorText } from '../api';
import { BackupList } from './List';
import './backup.css';

export function BackupGateRestore({ onRestored }: { onRestored(): void }) {
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call('backup:list', {})
      .then((l) => setBackups(l.backups))
      .catch((e: unknown) => setError(errorText(e)));
  }, []);
  const restore = async (b: BackupInfo) => {
    setBusy(true);
    try {
      await call('backup:restore', { file: b.file });
      onRestored();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="gate-backups" className="backup-gate">
      <h2 id="gate-backups">Återställ en säkerhetskopia</h2>
      {error && <p role="alert">{error}</p>}
      <p>Välj den senaste kopian från innan felet. Den skadade databasen sparas undan, så ingenting försvinner.</p>
      <div className="backup-scroll">
        {backups && <BackupList backups={backups.filter((b) => b.verified).slice(0, 8)} busy={busy} onRestore={(b) => void restore(b)} compact />}
      </div>
    </section>
  );
}
