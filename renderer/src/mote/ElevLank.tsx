// A pupil's name that opens their insats history, wherever meeting mode names a pupil.
import { elevIdText } from '../format';
import { useApp } from '../store';

/** With externId, the pupil's Elev-ID follows the name (two pupils may share name and class). */
export function MoteElevLank({ elevId, namn, externId }: { elevId: number | null; namn: string; externId?: string | null | undefined }) {
  const navigate = useApp((s) => s.navigate);
  const id = externId ? <span className="elev-id"> ({elevIdText({ externId })})</span> : null;
  if (elevId === null) return <strong>{namn}</strong>;
  return (
    <>
      <button type="button" className="button link elev-link" onClick={() => navigate({ name: 'elevhistorik', elevId })}>
        {namn}
      </button>
      {id}
    </>
  );
}
