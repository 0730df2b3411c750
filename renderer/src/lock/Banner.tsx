// On Översikt while the pupil data is not protected by a passphrase: says so, and offers to protect it.
import { useEffect } from 'react';
import { useLock } from './lockState';
import { useApp } from '../store';
import './lock.css';

export function LasBanner() {
  const status = useLock((s) => s.status);
  const skola = useApp((s) => s.skola);
  useEffect(() => {
    useLock.getState().refresh().catch(() => undefined);
  }, []);
  if (status?.state !== 'oskyddad' || !skola) return null;
  return (
    <div className="las-banner" role="region" aria-label="Elevuppgifterna är inte skyddade">
      <p>
        <strong>Elevuppgifterna är inte skyddade.</strong> Databasen och säkerhetskopiorna sparas okrypterade på datorn.
      </p>
      <button type="button" className="button" onClick={() => useApp.setState({ phase: { name: 'protect', skola, announce: '' } })}>
        Skydda med lösenord
      </button>
    </div>
  );
}
