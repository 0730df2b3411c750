// Förberedelse (ledarhandling 1–3, the term before the year): Steg 1 Inventering, Steg 2 Idéer, Steg 3 Planen, and
// the plan's Versioner, Återkoppling and Export. Tabs move with ← → like the Register view.
import { TabStrip } from '../components/TabStrip';
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

  return (
    <div className="page plan-page">
      <header className="page-header">
        <p className="eyebrow">Förberedelse – terminen innan läsåret</p>
        <h1>{RUBRIK[flik]}</h1>
      </header>
      <TabStrip
        label="Förberedelsens steg"
        tabs={FORBEREDELSE_FLIKAR}
        current={flik}
        text={FLIK_TEXT}
        idPrefix="flik"
        panelId="forberedelse-panel"
        onSelect={(f) => navigate({ name: 'forberedelse', flik: f })}
      />
      <div id="forberedelse-panel" role="tabpanel" aria-labelledby={`flik-${flik}`} className="plan-panel">
        <Flik key={flik} flik={flik} />
      </div>
      <p className="shortcut-help muted">← → byter steg när ett steg är markerat. Allt du skriver sparas medan du skriver.</p>
    </div>
  );
}
