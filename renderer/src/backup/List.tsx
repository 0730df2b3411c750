// The list of backups on Säkerhetskopior: when, why, size, schema version, verified; each can be restored after
// a confirmation that says what will happen (the current state is saved first, so it can be undone).
import { useState } from 'react';
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
  if (backups.length === 0) return <p className="muted">Det finns inga säkerhetskopior ännu.</p>;
  return (
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
                {confirming === b.file ? (
                  <div role="group" aria-label={`Bekräfta återställning av ${when}`} className="backup-confirm">
                    <p>Databasen ersätts med kopian från {when}. Det nuvarande läget sparas först, så du kan ångra.</p>
                    <button
                      type="button"
                      className="button primary"
                      disabled={busy}
                      autoFocus
                      onClick={() => {
                        setConfirming(null);
                        onRestore(b);
                      }}
                    >
                      Återställ nu
                    </button>
                    <button type="button" className="button" onClick={() => setConfirming(null)}>
                      Avbryt
                    </button>
                  </div>
                ) : (
                  <button
                    type="button"
                    className="button"
                    disabled={busy || !b.verified}
                    aria-label={`Återställ säkerhetskopian från ${when}`}
                    onClick={() => setConfirming(b.file)}
                  >
                    Återställ…
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
