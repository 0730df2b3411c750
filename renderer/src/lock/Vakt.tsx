// Watches for inactivity while the app is open and locks it after the configured time (a warning 30 s before);
// Ctrl+L locks at once. Does nothing until the data is protected by a passphrase.
import { useCallback, useEffect } from 'react';
import { errorText } from '../api';
import { useIdle } from './idle';
import { useLock } from './lockState';
import { lockApp } from './session';
import { useApp } from '../store';
import './lock.css';

export function LasVakt() {
  const status = useLock((s) => s.status);
  const minuter = useLock((s) => s.lasEfterMinuter);
  const refresh = useLock((s) => s.refresh);

  useEffect(() => {
    refresh().catch(() => undefined);
  }, [refresh]);

  const skyddad = status?.state === 'upplast';
  const lock = useCallback(() => {
    lockApp().catch((error: unknown) => useApp.getState().announce(errorText(error), 'error'));
  }, []);

  useEffect(() => {
    if (!skyddad) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [skyddad, lock]);

  const left = useIdle(skyddad ? minuter * 60_000 : null, lock);
  if (left === null) return null;
  return (
    <div className="las-snart" role="alert">
      <p>
        Varvet låses om {left} sekunder eftersom det inte har använts på en stund. Rör musen eller tryck på en tangent för
        att fortsätta.
      </p>
    </div>
  );
}
