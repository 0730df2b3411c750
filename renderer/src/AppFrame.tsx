// The frame around every screen once a school is open: navigation on the left, the screen in the main area.
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useApp, type View } from './store';
import { Kbd } from './components/Kbd';
import { LasBanner } from './lock/Banner';
import { LasMeny } from './lock/Meny';
import { StatusLine } from './components/StatusLine';
import { useGlobalShortcuts } from './components/useShortcuts';

interface NavItem {
  label: string;
  view: View;
  /** Also current for these views, e.g. a pupil belongs under Elever. */
  covers: View['name'][];
  digit: string;
}

const NAV: NavItem[] = [
  { label: 'Översikt', view: { name: 'oversikt' }, covers: ['oversikt'], digit: '1' },
  { label: 'Elever', view: { name: 'elever' }, covers: ['elever', 'elev', 'elevhistorik'], digit: '2' },
  { label: 'EHT-möten', view: { name: 'moten' }, covers: ['moten', 'mote', 'mote-summering'], digit: '3' },
  { label: 'Förberedelse', view: { name: 'forberedelse', flik: 'inventering' }, covers: ['forberedelse'], digit: '4' },
  { label: 'Register', view: { name: 'register', flik: 'personal' }, covers: ['register'], digit: '5' },
  { label: 'Import', view: { name: 'import' }, covers: ['import'], digit: '6' },
  // A soft hyphen lets the long word wrap in the narrow sidebar instead of pushing the shortcut hints out.
  { label: 'Säkerhets\u00adkopior', view: { name: 'sakerhetskopior' }, covers: ['sakerhetskopior'], digit: '7' },
  { label: 'Uppföljning', view: { name: 'uppfoljning', flik: 'resultatdialog' }, covers: ['uppfoljning'], digit: '8' },
  { label: 'Logg och gallring', view: { name: 'logg', flik: 'logg' }, covers: ['logg'], digit: '9' },
];

export function AppFrame({ children }: { children: ReactNode }) {
  const skola = useApp((s) => s.skola);
  const view = useApp((s) => s.view);
  const navigate = useApp((s) => s.navigate);
  useGlobalShortcuts();
  // In a narrow window (320 CSS px, or 200 % zoom) the menu folds into a "Meny" button above the screen (WCAG 1.4.10).
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const go = (to: View) => {
    setOpen(false);
    navigate(to);
  };
  const onNavKey = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape' && open && toggleRef.current?.offsetParent) {
      e.preventDefault();
      setOpen(false);
      toggleRef.current.focus();
    }
  };

  return (
    <div className="frame">
      <a className="skip-link" href="#main">
        Hoppa till innehållet
      </a>
      <nav className={open ? 'sidebar open' : 'sidebar'} aria-label="Huvudmeny" onKeyDown={onNavKey}>
        <div className="sidebar-top">
          <div>
            <p className="brand">Varvet</p>
            <p className="school-name">{skola?.namn}</p>
          </div>
          <button
            ref={toggleRef}
            type="button"
            className="button nav-toggle"
            aria-expanded={open}
            aria-controls="huvudmeny-innehall"
            onClick={() => setOpen(!open)}
          >
            Meny
          </button>
        </div>
        <div id="huvudmeny-innehall" className="sidebar-body">
        <ul>
          {NAV.map((item) => {
            const current = item.covers.includes(view.name);
            return (
              <li key={item.label}>
                <button
                  type="button"
                  className={current ? 'nav-item current' : 'nav-item'}
                  aria-current={current ? 'page' : undefined}
                  aria-keyshortcuts={`Alt+${item.digit}`}
                  onClick={() => go(item.view)}
                >
                  <span>{item.label}</span>
                  <Kbd keys={['Alt', item.digit]} decorative />
                </button>
              </li>
            );
          })}
        </ul>
        <div className="sidebar-help">
          <p className="sidebar-help-title">Kortkommandon</p>
          <p>
            <Kbd keys={['Ctrl', 'F']} /> eller <Kbd keys={['/']} /> sök elev
          </p>
          <LasMeny onNavigate={() => setOpen(false)} />
        </div>
        </div>
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        <StatusLine />
        {view.name === 'oversikt' && <LasBanner />}
        {children}
      </main>
    </div>
  );
}
