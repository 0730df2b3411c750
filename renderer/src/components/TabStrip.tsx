// The tab strip of a view with steps (Förberedelse, Uppföljning, Logg): ARIA tabs, ← → move between them and
// focus follows, the chosen tab is a view in the store so back/forward and reload keep it.
import { useRef, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';

interface TabStripProps<T extends string> {
  /** The accessible name of the tab list, e.g. "Förberedelsens steg". */
  label: string;
  tabs: readonly T[];
  current: T;
  text: Record<T, string>;
  /** Tab ids are `${idPrefix}-${tab}`; the panel's aria-labelledby uses the same. */
  idPrefix: string;
  panelId: string;
  onSelect(tab: T): void;
}

export function tabId(idPrefix: string, tab: string): string {
  return `${idPrefix}-${tab}`;
}

export function TabStrip<T extends string>({ label, tabs, current, text, idPrefix, panelId, onSelect }: TabStripProps<T>) {
  const refs = useRef<Partial<Record<T, HTMLButtonElement | null>>>({});

  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = tabs.indexOf(current);
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    if (!next) return;
    e.preventDefault();
    // Rendered and focused at once, so a later key cannot be overtaken by a delayed focus move.
    flushSync(() => onSelect(next));
    refs.current[next]?.focus();
  };

  return (
    <nav aria-label={label}>
      <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKey}>
        {tabs.map((t) => (
          <button
            key={t}
            ref={(el) => {
              refs.current[t] = el;
            }}
            type="button"
            role="tab"
            id={tabId(idPrefix, t)}
            aria-selected={t === current}
            aria-controls={panelId}
            tabIndex={t === current ? 0 : -1}
            className={t === current ? 'tab current' : 'tab'}
            onClick={() => onSelect(t)}
          >
            {text[t]}
          </button>
        ))}
      </div>
    </nav>
  );
}
