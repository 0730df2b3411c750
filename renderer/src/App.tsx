// Chooses the screen: the start gate (token, first start, errors) and, once a school is open, the app frame.
import { useEffect } from 'react';
import { AppFrame } from './components/AppFrame';
import { ElevPage } from './pages/ElevPage';
import { EleverPage } from './pages/EleverPage';
import { GatePage } from './pages/GatePage';
import { OversiktPage } from './pages/OversiktPage';
import { WelcomePage } from './pages/WelcomePage';
import { followHistory, useApp, type View } from './store';

function CurrentView({ view }: { view: View }) {
  switch (view.name) {
    case 'oversikt':
      return <OversiktPage />;
    case 'elever':
      return <EleverPage />;
    case 'elev':
      // Keyed so that moving to another pupil starts with fresh forms.
      return <ElevPage key={view.elevId} elevId={view.elevId} />;
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

  switch (phase.name) {
    case 'starting':
      return <GatePage kind="starting" />;
    case 'no-token':
      return <GatePage kind={phase.invalid ? 'invalid-token' : 'no-token'} />;
    case 'failed':
      return <GatePage kind="failed" message={phase.message} />;
    case 'welcome':
      return <WelcomePage />;
    case 'ready':
      return (
        <AppFrame>
          <CurrentView view={view} />
        </AppFrame>
      );
  }
}
