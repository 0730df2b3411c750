// Chooses the screen: the start gate (token, first start, errors) and, once a school is open, the app frame.
import { useEffect, useLayoutEffect } from 'react';
import { AppFrame } from './AppFrame';
import { ElevPage } from './elever/ElevPage';
import { ForberedelsePage } from './plan/ForberedelsePage';
import { EleverPage } from './elever/EleverPage';
import { GatePage } from './start/GatePage';
import { ElevHistorikPage } from './elever/ElevHistorikPage';
import { ImportPage } from './import/ImportPage';
import { LoggPage } from './logg/LoggPage';
import { MotePage } from './mote/MotePage';
import { MoteSummeringPage } from './mote/MoteSummeringPage';
import { MotenPage } from './mote/MotenPage';
import { OversiktPage } from './oversikt/OversiktPage';
import { RegisterPage } from './register/RegisterPage';
import { SakerhetskopiorPage } from './backup/SakerhetskopiorPage';
import { UppfoljningPage } from './uppfoljning/UppfoljningPage';
import { WelcomePage } from './start/WelcomePage';
import { LasVakt } from './lock/Vakt';
import { LasInstallningarPage } from './lock/LasInstallningarPage';
import { LasPage } from './lock/LasPage';
import { LasSkyddaPage } from './lock/LasSkyddaPage';
import { ViewErrorBoundary } from './components/ViewErrorBoundary';
import { followHistory, useApp, type View } from './store';

/** The view's name in the error boundary's heading ("Mötesläget kunde inte visas"). */
const VY_NAMN: Record<View['name'], string> = {
  oversikt: 'Översikten',
  elever: 'Elevlistan',
  elev: 'Elevens sida',
  forberedelse: 'Förberedelsen',
  register: 'Registret',
  import: 'Importen',
  moten: 'EHT-mötena',
  mote: 'Mötesläget',
  'mote-summering': 'Mötets sammanfattning',
  elevhistorik: 'Elevens historik',
  uppfoljning: 'Uppföljningen',
  sakerhetskopior: 'Säkerhetskopiorna',
  las: 'Låsinställningarna',
  logg: 'Loggen',
};

/** The page title names the view (WCAG 2.4.2); a screen may name itself more precisely (the meeting's date). */
const TITLAR: Record<View['name'], string> = {
  oversikt: 'Översikt',
  elever: 'Elever',
  elev: 'Elev',
  register: 'Register',
  forberedelse: 'Förberedelse',
  import: 'Import',
  uppfoljning: 'Uppföljning',
  moten: 'EHT-möten',
  mote: 'EHT-möte',
  'mote-summering': 'Mötessammanfattning',
  elevhistorik: 'Elevens historik',
  sakerhetskopior: 'Säkerhetskopior',
  las: 'Inställningar',
  logg: 'Logg och gallring',
};

export function setPageTitle(title: string): void {
  document.title = `${title} – Varvet`;
}

function CurrentView({ view }: { view: View }) {
  switch (view.name) {
    case 'oversikt':
      return <OversiktPage />;
    case 'elever':
      return <EleverPage />;
    case 'elev':
      // Keyed so that moving to another pupil starts with fresh forms.
      return <ElevPage key={view.elevId} elevId={view.elevId} />;
    case 'forberedelse':
      return <ForberedelsePage flik={view.flik} />;
    case 'register':
      return <RegisterPage flik={view.flik} />;
    case 'import':
      return <ImportPage />;
    case 'moten':
      return <MotenPage />;
    case 'mote':
      return <MotePage key={view.moteId} moteId={view.moteId} sektion={view.sektion} />;
    case 'mote-summering':
      return <MoteSummeringPage key={view.moteId} moteId={view.moteId} />;
    case 'elevhistorik':
      return <ElevHistorikPage key={view.elevId} elevId={view.elevId} />;
    case 'uppfoljning':
      return <UppfoljningPage flik={view.flik} />;
    case 'sakerhetskopior':
      return <SakerhetskopiorPage />;
    case 'las':
      return <LasInstallningarPage />;
    case 'logg':
      return <LoggPage flik={view.flik} />;
  }
}

export function App() {
  const phase = useApp((s) => s.phase);
  const view = useApp((s) => s.view);
  const start = useApp((s) => s.start);

  useEffect(() => {
    void start();
    return followHistory();
  }, [start]);

  // A layout effect runs before the screens' own effects, so a screen's more precise title wins.
  useLayoutEffect(() => {
    if (phase.name === 'ready') setPageTitle(TITLAR[view.name]);
    else if (phase.name === 'locked') setPageTitle('Låst');
    else if (phase.name === 'welcome') setPageTitle('Välkommen');
    else document.title = 'Varvet';
  }, [phase.name, view.name]);

  switch (phase.name) {
    case 'starting':
      return <GatePage kind="starting" />;
    case 'no-token':
      return <GatePage kind={phase.invalid ? 'invalid-token' : 'no-token'} />;
    case 'failed':
      return <GatePage kind="failed" message={phase.message} corrupt={phase.corrupt ?? false} />;
    case 'welcome':
      return <WelcomePage />;
    case 'locked':
      return <LasPage />;
    case 'protect':
      return <LasSkyddaPage skola={phase.skola} announce={phase.announce} />;
    case 'ready':
      return (
        <AppFrame>
          <LasVakt />
          {/* Per view: a render error replaces this screen only; the menu and the other views go on working. */}
          <ViewErrorBoundary resetKey={JSON.stringify(view)} vy={VY_NAMN[view.name]}>
            <CurrentView view={view} />
          </ViewErrorBoundary>
        </AppFrame>
      );
  }
}
