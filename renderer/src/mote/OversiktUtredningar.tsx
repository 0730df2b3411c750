// Översikt: "Försenade utredningar" — open utredningar past their deadline stay here until they are closed.
import { useEffect, useState } from 'react';
import type { UtredningRad } from '../../../shared/channels/mote';
import { call, errorText } from '../api';
import { datumMedAr } from '../format';
import { useApp } from '../store';
import { ErrorAlert } from '../components/ErrorAlert';
import './mote.css';

export function MoteOversiktUtredningar() {
  const navigate = useApp((s) => s.navigate);
  const [forsenade, setForsenade] = useState<UtredningRad[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('utredning:list', { urval: 'forsenade' }).then(setForsenade).catch((e: unknown) => setError(errorText(e)));
  }, []);
  if (error) return <ErrorAlert message={error} title="Utredningarna kunde inte visas" />;
  if (!forsenade || forsenade.length === 0) return null;
  return (
    <section className="section card mote-forsenade" aria-labelledby="forsenade-rubrik">
      <h2 id="forsenade-rubrik">Försenade utredningar ({forsenade.length})</h2>
      <p className="muted">Utredningar av behov av särskilt stöd som passerat sin deadline. De visas här tills de avslutas.</p>
      <ul>
        {forsenade.map((u) => (
          <li key={u.id}>
            <button type="button" className="button link elev-link" onClick={() => navigate({ name: 'elevhistorik', elevId: u.elevId })}>
              {u.elev}
            </button>{' '}
            {u.klass ? `(${u.klass}) ` : ''}· ansvarig {u.ansvarig} · deadline {datumMedAr(u.deadline)} ·{' '}
            <strong>försenad {u.dagarForsenad} dagar</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
