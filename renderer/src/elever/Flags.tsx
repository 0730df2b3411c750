// The two things about a pupil that must never be missed: särskild undervisningsgrupp and nyanländ.
import type { Elev } from '../../../shared/model';

export function ElevFlags({ elev, compact = false }: { elev: Elev; compact?: boolean }) {
  const flags = [
    elev.sarskildUndervisningsgrupp ? 'Särskild undervisningsgrupp' : null,
    elev.nyanland ? 'Nyanländ' : null,
  ].filter((f): f is string => f !== null);
  if (flags.length === 0) return compact ? null : <span className="muted">Inget särskilt</span>;
  return (
    <span className="flags">
      {flags.map((f) => (
        <span key={f} className="tag">
          {f}
        </span>
      ))}
    </span>
  );
}
