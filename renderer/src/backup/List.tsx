// The list of backups on Säkerhetskopior: when, why, size, schema version, verified; each can be restored after
// a confirmation that says what will happen (the current state is saved first, so it can be undone). The
// confirmation is a panel of its own above the table, not squeezed into the row; Avbryt puts the focus back on the
// row's "Återställ…" button. The table scrolls sideways inside its own region in a narrow window.
import { useRef, useState } from 'react';
import { TableRegion } from '../components/TableRegion';
import type { BackupInfo } from '../../../shared/channels/backup';
import { ANLEDNING, storlek, tidpunkt } from './labels';

interface BackupListProps {
  backups: BackupInfo[];
  busy: boolean;
  onRestore(backup: BackupInfo): void;
  /** Only time, reason and the action (the narrow start gate). */
  compact?: boolean;
}

export function BackupList({ backups, busy, onRestore, compact = false }: BackupListProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const openers = useRef(new Map<string, HTMLButtonElement>());
  if (backups.length === 0) return <p className="muted">Det finns inga säkerhetskopior ännu.</p>;
  const chosen = backups.find((b) => b.file === confirming) ?? null;
  const cancel = () => {
    const opener = confirming ? openers.current.get(confirming) : undefined;
    setConfirming(null);
    opener?.focus();
  };
  return (
    <>
    {chosen && (
      <section
        className="backup-confirm"
        aria-labelledby="backup-confirm-rubrik"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            cancel();
          }
        }}
      >
        <h2 id="backup-confirm-rubrik">Återställa säkerhetskopian från {tidpunkt(chosen.time)}?</h2>
        <ul id="backup-confirm-text">
          <li>Databasen ersätts med kopian från {tidpunkt(chosen.time)} ({ANLEDNING[chosen.reason].toLowerCase()}).</li>
          <li>Det nuvarande läget sparas först som en säkerhetskopia, så du kan ångra återställningen.</li>
          <li>Det som har ändrats efter {tidpunkt(chosen.time)} finns kvar bara i den sparade kopian.</li>
        </ul>
        <div className="form-actions">
          <button
            type="button"
            className="button primary"
            disabled={busy}
            autoFocus
            aria-describedby="backup-confirm-text"
            onClick={() => {
              setConfirming(null);
              onRestore(chosen);
            }}
          >
            Återställ nu
          </button>
          <button type="button" className="button" onClick={cancel}>
            Avbryt
          </button>
        </div>
      </section>
    )}
    <TableRegion label="Säkerhetskopior">
    <table className="table backup-table">
      <caption className="visually-hidden">Säkerhetskopior, nyaste först</caption>
      <thead>
        <tr>
          <th scope="col">Tidpunkt</th>
          <th scope="col">Anledning</th>
          {!compact && (
            <>
              <th scope="col">Storlek</th>
              <th scope="col">Schemaversion</th>
              <th scope="col">Kontrollerad</th>
            </>
          )}
          <th scope="col">
            <span className="visually-hidden">Åtgärd</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => {
          const when = tidpunkt(b.time);
          return (
            <tr key={b.file}>
              <th scope="row">{when}</th>
              <td>{ANLEDNING[b.reason]}</td>
              {!compact && (
                <>
                  <td className="backup-nowrap">{storlek(b.sizeBytes)}</td>
                  <td>{b.schemaVersion ?? '–'}</td>
                  <td>{b.verified ? <span className="backup-ok">✓ Ja</span> : <span className="backup-bad">Nej</span>}</td>
                </>
              )}
              <td className="backup-action">
                {                  <button
                    type="button"
                    className="button"
                    disabled={busy || !b.verified}
                    ref={(el) => {
                      if (el) openers.current.set(b.file, el);
                      else openers.current.delete(b.file);
                    }}
                    aria-label={`Återställ säkerhetskopian från ${when}`}
                    aria-expanded={confirming === b.file}
                    title={b.verified ? undefined : 'Kopian kunde inte kontrolleras och kan därför inte återställas.'}
                    onClick={() => setConfirming(b.file)}
                  >
                    Återställ…
                  </button>
                }
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </TableRegion>
    </>
  );
}
