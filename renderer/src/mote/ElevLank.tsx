// A pupil's name that opens their insats history, wherever meeting mode names a pupil.
import { useApp } from '../store';

export function MoteElevLank({ elevId, namn }: { elevId: number | null; namn: string }) {
  const navigate = useApp((s) => s.navigate);
  if (elevId === null) return <strong>{namn}</strong>;
  return (
    <button type="button" className="button link elev-link" onClick={() => navigate({ name: 'elevhistorik', elevId })}>
      {namn}
    </button>
  );
}
