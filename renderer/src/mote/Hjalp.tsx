// The keys of meeting mode: always listed on screen (short), and in full in the help overlay (?).
import { useEffect, useRef } from 'react';
import { Kbd } from '../components/Kbd';

export const MOTE_KORTKOMMANDON: [string[], string][] = [
  [['1–5'], 'bedömning: tydlig effekt … kan ej bedömas'],
  [['Enter'], 'godta rekommendationen, spara och gå till nästa'],
  [['D'], 'välj ett annat beslut (kräver motivering)'],
  [['Ctrl', 'Enter'], 'spara med motivering'],
  [['M'], 'målet är nått'],
  [['K'], 'visa eller dölj kedjan'],
  [['T'], 'skriv underlag'],
  [['←', '→'], 'föregående och nästa insats (även ↑ ↓)'],
  [['L'], 'tät lista eller en insats i taget'],
  [['U'], 'utredningsbeslut'],
  [['R'], 'varvets resultat och lärarmönster'],
  [['N'], 'ny insats'],
  [['I'], 'tillbaka till insatserna'],
  [['S'], 'sammanfattning och avslut'],
  [['Ctrl', 'Z'], 'ångra senaste beslutet'],
  [['?'], 'visa alla kortkommandon'],
];

export function MoteKortkommandon() {
  return (
    <p className="shortcut-help mote-shortcuts" aria-label="Kortkommandon">
      <Kbd keys={['1']} />–<Kbd keys={['5']} /> bedöm · <Kbd keys={['Enter']} /> godta och nästa · <Kbd keys={['D']} /> annat beslut ·{' '}
      <Kbd keys={['K']} /> kedjan · <Kbd keys={['←']} /> <Kbd keys={['→']} /> bläddra · <Kbd keys={['L']} /> lista · <Kbd keys={['U']} /> utredningar ·{' '}
      <Kbd keys={['Ctrl', 'Z']} /> ångra · <Kbd keys={['?']} /> hjälp
    </p>
  );
}

/**
 * The help overlay as a native modal dialog (showModal): the rest of the page is inert, Tab stays inside, Esc closes
 * it wherever the focus is in it, and the focus goes back to where it was (or to the meeting's heading).
 */
export function MoteHjalp({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.focus();
    return () => {
      if (dialog.open) dialog.close();
      const back = opener?.isConnected ? opener : document.querySelector<HTMLElement>('.mote-page h1');
      back?.focus();
    };
  }, []);
  return (
    <dialog
      className="mote-hjalp"
      aria-modal="true"
      aria-labelledby="mote-hjalp-rubrik"
      tabIndex={-1}
      ref={ref}
      onCancel={(e) => {
        // Esc: React closes it, so the focus can be returned the same way as with "Stäng".
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop (outside the dialog's box) closes it, as before.
        if (e.target === e.currentTarget) {
          const r = e.currentTarget.getBoundingClientRect();
          if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) onClose();
        }
      }}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Tab') {
          // Tab and Shift+Tab go round inside the dialog (a modal dialog alone would let Tab leave for the browser).
          const stops = [...e.currentTarget.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])')];
          const first = stops[0];
          const last = stops[stops.length - 1];
          if (!first || !last) return;
          const at = document.activeElement;
          if (e.shiftKey && (at === first || at === e.currentTarget)) {
            e.preventDefault();
            last.focus();
          } else if (!e.shiftKey && at === last) {
            e.preventDefault();
            first.focus();
          }
          return;
        }
        if (e.key === 'Escape' || e.key === '?') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <h2 id="mote-hjalp-rubrik">Kortkommandon i mötesläget</h2>
      <dl className="mote-hjalp-lista">
        {MOTE_KORTKOMMANDON.map(([keys, text]) => (
          <div key={text}>
            <dt>
              {keys.length === 2 && keys[0] === 'Ctrl' ? <Kbd keys={keys} /> : keys.map((k) => <Kbd key={k} keys={[k]} />)}
            </dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">Allt sparas direkt. Stängs appen eller somnar datorn sparas det som inte hunnit skickas när du öppnar mötet igen.</p>
      <button type="button" className="button primary" onClick={onClose}>
        Stäng <kbd>Esc</kbd>
      </button>
    </dialog>
  );
}
