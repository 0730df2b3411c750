// Logg och gallring (Alt+9, issue 8): the audit log of every change and export, and gallring of pupils who left.
// Tabs move with ← → like Uppföljning.
import { useEffect, useRef } from 'react';
import { GallringPanel } from './GallringPanel';
import { LoggLista } from './Lista';
import { TabStrip } from '../components/TabStrip';
import { LOGG_FLIKAR, useApp, type LoggFlik } from '../store';
import '../plan/plan.css';
import './logg.css';

const FLIK_TEXT: Record<LoggFlik, string> = { logg: 'Logg', gallring: 'Gallring' };
const RUBRIK: Record<LoggFlik, string> = { logg: 'Logg över ändringar och utskrifter', gallring: 'Gallring av uppgifter om elever som slutat' };

export function LoggPage({ flik }: { flik: LoggFlik }) {
  const navigate = useApp((s) => s.navigate);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <div className="page plan-page logg-page">
      <header className="page-header">
        <p className="eyebrow">Logg och gallring – för rektor</p>
        <h1 ref={headingRef} tabIndex={-1}>
          {RUBRIK[flik]}
        </h1>
      </header>
      <TabStrip
        label="Logg och gallring"
        tabs={LOGG_FLIKAR}
        current={flik}
        text={FLIK_TEXT}
        idPrefix="logg-flik"
        panelId="logg-panel"
        onSelect={(f) => navigate({ name: 'logg', flik: f })}
      />
      <div id="logg-panel" role="tabpanel" aria-labelledby={`logg-flik-${flik}`} className="plan-panel">
        {flik === 'logg' ? <LoggLista /> : <GallringPanel />}
      </div>
      <p className="shortcut-help muted">
        ← → byter flik. I loggen: ↑ ↓ väljer post, Enter visar före och efter, Esc stänger. Varje ändring och varje
        export sparas i loggen och kan inte ändras i efterhand.
      </p>
    </div>
  );
}
