// Säkerhetskopior (issue 8): the verified backups, "take one now", restore one (after a confirmation) and undo
// that restore; plus the warning when the data folder is in a synced or network folder.
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo, BackupList as BackupListData, RestoreResult } from '../../../shared/channels/backup';
import { call, errorText } from '../api';
import { BackupList } from './List';
import { BackupLocationWarning } from './LocationWarning';
import { BackupRestorePanel } from './RestorePanel';
import { tidpunkt } from './labels';
import { ErrorAlert } from '../components/ErrorAlert';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { useApp } from '../store';
import './backup.css';

export function SakerhetskopiorPage() {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const announce = useApp((s) => s.announce);
  const [list, setList] = useState<BackupListData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const [undone, setUndone] = useState(false);

  const load = useCallback(async () => {
    try {
      setList(await call('backup:list', {}));
    } catch (e) {
      setError(errorText(e));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
      await load();
    }
  };

  /** After a restore the school, pupils and staff shown elsewhere are from another time: reload them. */
  const refreshApp = async () => {
    const skola = await call('skola:get', {});
    useApp.setState(skola ? { skola, elever: null, eleverSlutat: null, personal: null } : { phase: { name: 'welcome' } });
  };

  const backupNow = () =>
    run(async () => {
      const info = await call('backup:create', {});
      announce(`Säkerhetskopian är sparad och kontrollerad (${tidpunkt(info.time)}).`);
    });
  const restore = (b: BackupInfo) =>
    run(async () => {
      const result = await call('backup:restore', { file: b.file });
      setRestored(result);
      setUndone(false);
      await refreshApp();
      announce(`Säkerhetskopian från ${tidpunkt(b.time)} är återställd.`);
    });
  const undo = () =>
    run(async () => {
      if (!restored?.undo) return;
      await call('backup:restore', { file: restored.undo.file });
      setUndone(true);
      await refreshApp();
      announce('Återställningen är ångrad.');
    });

  return (
    <div className="page backup-page" aria-busy={list === null && error === null}>
      <header className="page-header">
        <p className="eyebrow">Säkerhetskopior</p>
        <h1 ref={headingRef} tabIndex={-1}>
          Säkerhetskopior
        </h1>
        <p className="muted">
          Varvet tar en kontrollerad säkerhetskopia när det startar, var 30:e minut medan du arbetar, före varje import
          och uppgradering, och innan en säkerhetskopia återställs.
        </p>
      </header>
      <BackupLocationWarning />
      <ErrorAlert message={error ?? list?.lastError ?? null} title="Säkerhetskopieringen" />
      {restored && <BackupRestorePanel result={restored} busy={busy} undone={undone} onUndo={() => void undo()} />}
      <div className="backup-toolbar">
        <button type="button" className="button primary" disabled={busy} onClick={() => void backupNow()}>
          Ta säkerhetskopia nu
        </button>
        {busy && <span role="status">Arbetar…</span>}
      </div>
      {list === null && error === null ? <p className="muted">Hämtar säkerhetskopiorna…</p> : null}
      {list && <BackupList backups={list.backups} busy={busy} onRestore={(b) => void restore(b)} />}
    </div>
  );
}
