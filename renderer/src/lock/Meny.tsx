// In the sidebar: "Lås nu" (Ctrl+L) once the data is protected, and the way to Inställningar (lock and rule settings).
import { useLock } from './lockState';
import { lockApp } from './session';
import { useApp } from '../store';
import { Kbd } from '../components/Kbd';

export function LasMeny() {
  const skyddad = useLock((s) => s.status?.state === 'upplast');
  const navigate = useApp((s) => s.navigate);
  return (
    <div className="sidebar-las">
      {skyddad && (
        <button type="button" className="button" aria-keyshortcuts="Control+L" onClick={() => void lockApp()}>
          Lås nu <Kbd keys={['Ctrl', 'L']} decorative />
        </button>
      )}
      <button type="button" className="link-button" onClick={() => navigate({ name: 'las' })}>
        Inställningar
      </button>
    </div>
  );
}
