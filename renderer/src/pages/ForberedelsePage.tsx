// Förberedelse (ledarhandling 1–3, the term before the year): Steg 1 Inventering, Steg 2 Idéer, Steg 3 Planen, and
// the plan's Versioner, Återkoppling and Export. Tabs move with ← → like the Register view.
import { useRef, type KeyboardEvent } from 'react';
import { ledarhandling } from '../../../shared/domain/index';
import { Fundera } from '../components/Fundera';
import { FORBEREDELSE_FLIKAR, useApp, type ForberedelseFlik } from '../store';
import { ForberedelseInventering } from './ForberedelseInventering';
import { ForberedelsePlan } from './ForberedelsePlan';
import { ForberedelseVersioner } from './ForberedelseVersioner';
import '../styles/plan.css';

const FLIK_TEXT: Record<ForberedelseFlik, string> = {
  inventering: 'Steg 1 Inventering',
  ideer: 'Steg 2 Idéer',
  plan: 'Steg 3 Planen',
  versioner: 'Versioner',
  aterkoppling: 'Återkoppling',
  export: 'Export',
};

const RUBRIK: Record<ForberedelseFlik, string> = {
  inventering: `Steg 1: ${ledarhandling(1).titel}`,
  ideer: `Steg 2: ${ledarhandling(2).titel}`,
  plan: 'Steg 3: Planen för resultatuppföljning',
  versioner: 'Planens versioner',
  aterkoppling: 'Återkoppling på planen',
  export: 'Exportera planen',
};

function Ideer() {
  return (
    <>
      <p className="lead">{ledarhandling(2).ingress}</p>
      <Fundera steg={2} />
    </>
  );
}

function Flik({ flik }: { flik: ForberedelseFlik }) {
  switch (flik) {
    case 'inventering':
      return <ForberedelseInventering />;
    case 'ideer':
      return <Ideer />;
    case 'plan':
      return <ForberedelsePlan />;
    default:
      return <ForberedelseVersioner key={flik} visa={flik} />;
  }
}

export function ForberedelsePage({ flik }: { flik: ForberedelseFlik }) {
  const navigate = useApp((s) => s.navigate);
  const tabs = useRef<Partial<Record<ForberedelseFlik, HTMLButtonElement | null>>>({});

  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = FORBEREDELSE_FLIKAR.indexOf(flik);
    const next = FORBEREDELSE_FLIKAR[(i + (e.key === 'ArrowRight' ? 1 : FORBEREDELSE_FLIKAR.length - 1)) % FORBEREDELSE_FLIKAR.length];
    if (!next) return;
    e.preventDefault();
    navigate({ name: 'forberedelse', flik: next });
    window.setTimeout(() => tabs.current[next]?.focus(), 0);
  };

  return (
    <div className="page plan-page">
      <header className="page-header">
        <p className="eyebrow">Förberedelse – terminen innan läsåret</p>
        <h1>{RUBRIK[flik]}</h1>
      </header>
      <nav aria-label="Förberedelsens steg">
        <div className="plan-tabs" role="tablist" aria-label="Förberedelsens steg" onKeyDown={onKey}>
          {FORBEREDELSE_FLIKAR.map((f) => (
            <button
              key={f}
              ref={(el) => {
                tabs.current[f] = el;
              }}
              type="button"
              role="tab"
              id={`flik-${f}`}
              aria-selected={f === flik}
              aria-controls="forberedelse-panel"
              tabIndex={f === flik ? 0 : -1}
              className={f === flik ? 'plan-tab current' : 'plan-tab'}
              onClick={() => navigate({ name: 'forberedelse', flik: f })}
            >
              {FLIK_TEXT[f]}
            </button>
          ))}
        </div>
      </nav>
      <div id="forberedelse-panel" role="tabpanel" aria-labelledby={`flik-${flik}`} className="plan-panel">
        <Flik key={flik} flik={flik} />
      </div>
      <p className="shortcut-help muted">← → byter steg när ett steg är markerat. Allt du skriver sparas medan du skriver.</p>
    </div>
  );
}
