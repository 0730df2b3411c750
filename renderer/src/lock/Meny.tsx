// In the sidebar: "Lås nu" (Ctrl+L) once the data is protected, and the way to Inställningar (lock and rule settings).
import { useLock } from './lockState';
import { lockApp } from './session';
import { useApp } from '../store';
import { Kbd } from '../components/Kbd';

export function LasMeny({ onNavigate }: { onNavigate?: () => void }) {
  const skyddad = useLock((s) => s.status?.state === 'upplast');
  const navigate = useApp((s) => s.navigate);
  const current = useApp((s) => s.view.name === 'las');
  return (
    <div className="sidebar-las">
      {skyddad && (
        <button type="button" className="button" aria-keyshortcuts="Control+L" onClick={() => void lockApp()}>
          Lås nu <Kbd keys={['Ctrl', 'L']} decorative />
        </button>
      )}
      <button
        type="button"
        className={current ? 'link-button nav-settings current' : 'link-button nav-settings'}
        aria-current={current ? 'page' : undefined}
        onClick={() => {
          onNavigate?.();
          navigate({ name: 'las' });
        }}
      >
        Inställningar
      </button>
    </div>
  );
}
