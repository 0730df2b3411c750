// Uppföljning: Steg 5 Resultatdialog, Steg 7 Avstämning, Steg 8 Årsavslut and the reports for the huvudman. The varv
// in view is chosen once here and shared by the tabs that work per varv. Tabs move with ← → like Förberedelse.
import { useEffect, useRef, useState } from 'react';
import { TabStrip } from '../components/TabStrip';
import type { Oversikt } from '../../../shared/contract';
import { call, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { UPPFOLJNING_FLIKAR, useApp, type UppfoljningFlik } from '../store';
import { ArsavslutPanel } from './Arsavslut';
import { AvstamningPanel } from './Avstamning';
import { ResultatdialogPanel } from './resultatdialog/Resultatdialog';
import { UppfoljningRapporter } from './Rapporter';
import '../plan/plan.css';
import './uppfoljning.css';

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


  return (
    <div className="page plan-page uf-page">
      <header className="page-header">
        <p className="eyebrow">Uppföljning – varje varv och läsårets slut</p>
        <h1 ref={headingRef} tabIndex={-1}>
          {RUBRIK[flik]}
        </h1>
      </header>
      <TabStrip
        label="Uppföljningens steg"
        tabs={UPPFOLJNING_FLIKAR}
        current={flik}
        text={FLIK_TEXT}
        idPrefix="uf-flik"
        panelId="uppfoljning-panel"
        onSelect={(f) => navigate({ name: 'uppfoljning', flik: f })}
      />
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
