// Uppföljning: Steg 5 Resultatdialog, Steg 7 Avstämning, Steg 8 Årsavslut and the reports for the huvudman. The varv
// in view is chosen once here and shared by the tabs that work per varv. Tabs move with ← → like Förberedelse.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Oversikt } from '../../../shared/contract';
import { call, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { UPPFOLJNING_FLIKAR, useApp, type UppfoljningFlik } from '../store';
import { ArsavslutPanel } from './Arsavslut';
import { AvstamningPanel } from './Avstamning';
import { ResultatdialogPanel } from './Resultatdialog';
import { UppfoljningRapporter } from './UppfoljningRapporter';
import '../styles/plan.css';
import '../styles/uppfoljning.css';

const FLIK_TEXT: Record<UppfoljningFlik, string> = {
  resultatdialog: 'Steg 5 Resultatdialog',
  avstamning: 'Steg 7 Avstämning',
  arsavslut: 'Steg 8 Årsavslut',
  rapporter: 'Rapporter',
};

const RUBRIK: Record<UppfoljningFlik, string> = {
  resultatdialog: 'Steg 5: Resultatdialoger',
  avstamning: 'Steg 7: Avstämning i skolledningen',
  arsavslut: 'Steg 8: Läsårets slut',
  rapporter: 'Rapporter till huvudmannen',
};

const PER_VARV: UppfoljningFlik[] = ['resultatdialog', 'avstamning'];

export function UppfoljningPage({ flik }: { flik: UppfoljningFlik }) {
  const navigate = useApp((s) => s.navigate);
  const tabs = useRef<Partial<Record<UppfoljningFlik, HTMLButtonElement | null>>>({});
  const [oversikt, setOversikt] = useState<Oversikt | null>(null);
  const [varvId, setVarvId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    call('oversikt:get', {})
      .then((o) => {
        setOversikt(o);
        setVarvId(o.aktuelltVarv?.id ?? o.varv[0]?.id ?? null);
      })
      .catch((e: unknown) => setError(errorText(e)));
    headingRef.current?.focus();
  }, []);

  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = UPPFOLJNING_FLIKAR.indexOf(flik);
    const next = UPPFOLJNING_FLIKAR[(i + (e.key === 'ArrowRight' ? 1 : UPPFOLJNING_FLIKAR.length - 1)) % UPPFOLJNING_FLIKAR.length];
    if (!next) return;
    e.preventDefault();
    navigate({ name: 'uppfoljning', flik: next });
    window.setTimeout(() => tabs.current[next]?.focus(), 0);
  };

  return (
    <div className="page plan-page uf-page">
      <header className="page-header">
        <p className="eyebrow">Uppföljning – varje varv och läsårets slut</p>
        <h1 ref={headingRef} tabIndex={-1}>
          {RUBRIK[flik]}
        </h1>
      </header>
      <nav aria-label="Uppföljningens steg">
        <div className="plan-tabs" role="tablist" aria-label="Uppföljningens steg" onKeyDown={onKey}>
          {UPPFOLJNING_FLIKAR.map((f) => (
            <button
              key={f}
              ref={(el) => {
                tabs.current[f] = el;
              }}
              type="button"
              role="tab"
              id={`uf-flik-${f}`}
              aria-selected={f === flik}
              aria-controls="uppfoljning-panel"
              tabIndex={f === flik ? 0 : -1}
              className={f === flik ? 'plan-tab current' : 'plan-tab'}
              onClick={() => navigate({ name: 'uppfoljning', flik: f })}
            >
              {FLIK_TEXT[f]}
            </button>
          ))}
        </div>
      </nav>
      <ErrorAlert message={error} title="Läsårets varv kunde inte hämtas" />
      {PER_VARV.includes(flik) && oversikt && oversikt.varv.length > 0 && (
        <div className="field uf-varv-val">
          <label htmlFor="uf-varv">Varv</label>
          <select id="uf-varv" value={varvId ?? ''} onChange={(e) => setVarvId(Number(e.target.value))}>
            {oversikt.varv.map((v) => (
              <option key={v.id} value={v.id}>
                {`Varv ${v.nummer}${v.id === oversikt.aktuelltVarv?.id ? ' (aktuellt)' : ''}`}
              </option>
            ))}
          </select>
        </div>
      )}
      <div id="uppfoljning-panel" role="tabpanel" aria-labelledby={`uf-flik-${flik}`} className="plan-panel">
        {flik === 'resultatdialog' && varvId !== null && <ResultatdialogPanel key={varvId} varvId={varvId} />}
        {flik === 'avstamning' && varvId !== null && <AvstamningPanel key={varvId} varvId={varvId} />}
        {flik === 'arsavslut' && <ArsavslutPanel />}
        {flik === 'rapporter' && <UppfoljningRapporter />}
      </div>
      <p className="shortcut-help muted">← → byter steg när ett steg är markerat. Allt du skriver sparas medan du skriver.</p>
    </div>
  );
}
