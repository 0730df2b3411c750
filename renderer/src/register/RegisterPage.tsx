// Register: staff, groups, undervisning and subjects, one tab each (← → between tabs). Pupils have their own screen,
// Elever. Each tab is a searchable list with inline editing and a "Ny …" form.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { Kbd } from '../components/Kbd';
import { RegisterAmnen } from './Amnen';
import { RegisterGrupper } from './Grupper';
import { RegisterPersonal } from './Personal';
import { RegisterUndervisning } from './Undervisning';
import { isTyping } from '../components/useShortcuts';
import { REGISTER_FLIKAR, useApp, type RegisterFlik } from '../store';
import './register.css';
import { enkelTangentAv } from '../components/enkelTangent';

const FLIK_TEXT: Record<RegisterFlik, { rubrik: string; ny: string }> = {
  personal: { rubrik: 'Personal', ny: 'Ny personal' },
  grupper: { rubrik: 'Grupper', ny: 'Ny grupp' },
  undervisning: { rubrik: 'Undervisning', ny: 'Ny undervisning' },
  amnen: { rubrik: 'Ämnen', ny: 'Nytt ämne' },
};

export function RegisterPage({ flik }: { flik: RegisterFlik }) {
  const navigate = useApp((s) => s.navigate);
  const [creating, setCreating] = useState(false);
  const tabRefs = useRef<Partial<Record<RegisterFlik, HTMLButtonElement | null>>>({});

  // A new tab starts without an open form; focus follows the tab the user moved to with the arrow keys.
  useEffect(() => setCreating(false), [flik]);

  // N opens the tab's "Ny …" form when the user is not typing.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'n' || enkelTangentAv(e) || e.ctrlKey || e.altKey || e.metaKey || isTyping(e.target) || creating) return;
      e.preventDefault();
      // Rendered at once (not at React's next tick), so keys typed right after N land in the new form.
      flushSync(() => setCreating(true));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [creating]);

  const select = (next: RegisterFlik) => {
    // Rendered and focused at once: a focus moved a frame later could land after N has opened a form and steal
    // the keys typed into it.
    flushSync(() => navigate({ name: 'register', flik: next }));
    tabRefs.current[next]?.focus();
  };

  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = REGISTER_FLIKAR.indexOf(flik);
    const n = REGISTER_FLIKAR.length;
    const to: Record<string, number> = { ArrowRight: (i + 1) % n, ArrowLeft: (i - 1 + n) % n, Home: 0, End: n - 1 };
    const index = to[e.key];
    if (index === undefined) return;
    e.preventDefault();
    const next = REGISTER_FLIKAR[index];
    if (next) select(next);
  };

  const text = FLIK_TEXT[flik];
  const panel = { creating, setCreating };
  return (
    <div className="page page-fill register-page">
      <header className="page-header register-header">
        <h1>Register</h1>
        {!creating && (
          <button type="button" className="button primary" aria-keyshortcuts="N" onClick={() => setCreating(true)}>
            {text.ny} <Kbd keys={['N']} decorative />
          </button>
        )}
      </header>
      <div role="tablist" aria-label="Register" className="tabs" onKeyDown={onTabKey}>
        {REGISTER_FLIKAR.map((f) => (
          <button
            key={f}
            ref={(el) => {
              tabRefs.current[f] = el;
            }}
            type="button"
            role="tab"
            id={`register-flik-${f}`}
            aria-selected={f === flik}
            aria-controls="register-panel"
            tabIndex={f === flik ? 0 : -1}
            className={f === flik ? 'tab current' : 'tab'}
            onClick={() => select(f)}
          >
            {FLIK_TEXT[f].rubrik}
          </button>
        ))}
      </div>
      <p className="shortcut-help register-tab-help">
        <Kbd keys={['←']} /> <Kbd keys={['→']} /> byt flik · <Kbd keys={['N']} /> {text.ny.toLowerCase()} ·{' '}
        <Kbd keys={['Ctrl', 'F']} /> sök
      </p>
      <div role="tabpanel" id="register-panel" aria-labelledby={`register-flik-${flik}`} className="register-panel">
        {flik === 'personal' && <RegisterPersonal {...panel} />}
        {flik === 'grupper' && <RegisterGrupper {...panel} />}
        {flik === 'undervisning' && <RegisterUndervisning {...panel} />}
        {flik === 'amnen' && <RegisterAmnen {...panel} />}
      </div>
    </div>
  );
}
