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

export function MoteHjalp({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="mote-hjalp-bakgrund" onClick={onClose}>
      <div
        className="mote-hjalp"
        role="dialog"
        aria-modal="true"
        aria-labelledby="mote-hjalp-rubrik"
        tabIndex={-1}
        ref={ref}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === '?') {
            e.preventDefault();
            e.stopPropagation();
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
      </div>
    </div>
  );
}
