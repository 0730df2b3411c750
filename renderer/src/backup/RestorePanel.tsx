// Shown after a restore: what was restored, and the button that undoes it (restoring the copy taken just before).
import type { RestoreResult } from '../../../shared/channels/backup';
import { tidpunkt } from './labels';

interface BackupRestorePanelProps {
  result: RestoreResult;
  busy: boolean;
  undone: boolean;
  onUndo(): void;
}

export function BackupRestorePanel({ result, busy, undone, onUndo }: BackupRestorePanelProps) {
  return (
    <section className="backup-restored" aria-labelledby="backup-restored-rubrik">
      <h2 id="backup-restored-rubrik">{undone ? 'Återställningen är ångrad' : 'Säkerhetskopian är återställd'}</h2>
      {undone ? (
        <p>Databasen är tillbaka som den var före återställningen.</p>
      ) : result.undo ? (
        <>
          <p>
            Databasen är nu som den var {tidpunkt(result.restored.time)}. Läget från precis före återställningen är
            sparat ({tidpunkt(result.undo.time)}).
          </p>
          <button type="button" className="button primary" disabled={busy} onClick={onUndo}>
            Ångra återställningen
          </button>
        </>
      ) : (
        <p>
          Databasen är nu som den var {tidpunkt(result.restored.time)}. Den skadade databasen flyttades till{' '}
          <code>{result.damaged}</code>.
        </p>
      )}
    </section>
  );
}
