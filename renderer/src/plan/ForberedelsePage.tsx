// Förberedelse (ledarhandling 1–3, the term before the year): Steg 1 Inventering, Steg 2 Idéer, Steg 3 Planen, and
// the plan's Versioner, Återkoppling and Export. Tabs move with ← → like the Register view.
import { useCallback, useEffect, useState } from 'react';
import type { PlanBaslinjeLage } from '../../../shared/channels/plan';
import { TabStrip } from '../components/TabStrip';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { ledarhandling } from '../../../shared/domain/index';
import { call } from '../api';
import { Fundera } from '../components/Fundera';
import { sparadText } from './Versioner';
import { datumMedAr } from '../format';
import { lokal } from '../lokalLagring';
import { FORBEREDELSE_FLIKAR, useApp, type ForberedelseFlik } from '../store';
import { ForberedelseInventering } from './InventeringFlik';
import { ForberedelsePlan } from './PlanFlik';
import { ForberedelseVersioner } from './VersionerFlik';
import './plan.css';

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

function Flik({ flik, lage, onLage }: { flik: ForberedelseFlik; lage: PlanBaslinjeLage | null; onLage: () => void }) {
  switch (flik) {
    case 'inventering':
      return <ForberedelseInventering />;
    case 'ideer':
      return <Ideer />;
    case 'plan':
      return <ForberedelsePlan />;
    default:
      return <ForberedelseVersioner key={flik} visa={flik} lage={lage} onLage={onLage} />;
  }
}

/** The baseline frozen by Varvet is announced once per database and version (then the version list tells it). */
const AVISERAD = 'varvet.plan.baslinjeAviserad.';

/**
 * Before the läsår: when the plan will be frozen as its baseline. On the first visit after Varvet froze it by itself
 * at the start: that it did (once).
 */
function BaslinjeLage({ lage }: { lage: PlanBaslinjeLage | null }) {
  const key = `${AVISERAD}${useApp((s) => s.skola?.skapad ?? '')}`;
  const autoId = lage?.automatisk && lage.baslinje ? String(lage.baslinje.id) : null;
  // Decided once, when the page opens: shown now, and not the next time.
  const [visaAuto] = useState(() => autoId !== null && lokal.get(key) !== autoId);
  useEffect(() => {
    if (visaAuto && autoId) lokal.set(key, autoId);
  }, [visaAuto, autoId, key]);
  if (!lage) return null;
  const b = lage.baslinje;
  if (visaAuto && b) {
    return (
      <div className="plan-baslinje-lage plan-baslinje-fryst" role="status">
        <p>
          <strong>Läsåret {lage.lasar.namn} har börjat och planen är fryst som baslinje.</strong> Varvet sparade planen som gällde som version {b.nummer} (
          {sparadText(b.skapad)}). Det är den ni jämför med vid läsårets slut; ändringar sparas nu som nya versioner under Versioner.
        </p>
      </div>
    );
  }
  if (lage.frysesDatum) {
    return (
      <p className="plan-baslinje-lage">
        Planen fryses som baslinje för läsåret {lage.lasar.namn} när läsåret börjar, {datumMedAr(lage.frysesDatum)}: den senast sparade versionen, annars planen som den ser ut då. Ni kan
        också fastställa baslinjen själva under Versioner.
      </p>
    );
  }
  return null;
}

export function ForberedelsePage({ flik }: { flik: ForberedelseFlik }) {
  const navigate = useApp((s) => s.navigate);
  // Alt+4 or the menu: the focus starts at the heading, not on the page body.
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const [lage, setLage] = useState<PlanBaslinjeLage | null | undefined>(undefined);
  const laddaLage = useCallback(() => {
    call('plan:baslinjeLage', {})
      .then(setLage)
      // The status line is a help, not the page: without it the steps still work.
      .catch(() => setLage(null));
  }, []);
  useEffect(laddaLage, [laddaLage]);

  return (
    <div className="page plan-page">
      <header className="page-header">
        <p className="eyebrow">Förberedelse – terminen innan läsåret</p>
        <h1 ref={headingRef} tabIndex={-1}>
          {RUBRIK[flik]}
        </h1>
        {lage !== undefined && <BaslinjeLage lage={lage} />}
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
        {lage !== undefined && <Flik key={flik} flik={flik} lage={lage} onLage={laddaLage} />}
      </div>
      <p className="shortcut-help muted">← → byter steg när ett steg är markerat. Allt du skriver sparas medan du skriver.</p>
    </div>
  );
}
