// First start: no school in the database yet. Either set up the real school or open a demo school to try Varvet.
import { useState } from 'react';
import type { Skola } from '../../../shared/model';
import { call, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { NySkolaForm } from './NySkolaForm';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { enterNewSchool } from '../lock/session';

export function WelcomePage() {
  const [busy, setBusy] = useState<'skola' | 'demo' | null>(null);
  const [demoError, setDemoError] = useState<string | null>(null);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  // The passphrase set-up comes first, unless the data is already protected (lock/session.ts).
  const opened = (skola: Skola, text: string) => void enterNewSchool(skola, text);

  const openDemo = async () => {
    setDemoError(null);
    setBusy('demo');
    try {
      const skola = await call('demo:open', { size: 'l' });
      opened(skola, `${skola.namn} är öppen.`);
    } catch (error) {
      setDemoError(errorText(error));
      setBusy(null);
    }
  };

  return (
    <main className="welcome">
      <header className="welcome-header">
        <p className="brand" aria-hidden="true">
          Varvet
        </p>
        <h1 ref={headingRef} tabIndex={-1}>
          Välkommen till Varvet
        </h1>
        <p className="lead">
          Arbeta strukturerat med resultatuppföljning: följ upp elevernas kunskapsresultat, besluta insatser på EHT och
          utvärdera deras effekt varv för varv. Allt sparas på den här datorn.
        </p>
      </header>
      <div className="choices">
        <section className="card" aria-labelledby="ny-skola-rubrik">
          <h2 id="ny-skola-rubrik">Ny skola</h2>
          <p className="muted">Lägg upp din skola och läsårets datum. Varven och mötena planeras utifrån läsåret.</p>
          <NySkolaForm
            disabled={busy === 'demo'}
            onBusy={(b) => setBusy(b ? 'skola' : null)}
            onCreated={(skola) => opened(skola, `Skolan ${skola.namn} är skapad.`)}
          />
        </section>
        <section className="card" aria-labelledby="demo-rubrik" aria-busy={busy === 'demo'}>
          <h2 id="demo-rubrik">Öppna demoskola</h2>
          <p className="muted">
            En påhittad skola med cirka 1 200 elever, personal, grupper och insatser – för att prova Varvet innan du
            lägger in din egen skola. Inga riktiga elever.
          </p>
          <ErrorAlert message={demoError} title="Demoskolan kunde inte öppnas" />
          <button type="button" className="button" disabled={busy !== null} onClick={() => void openDemo()}>
            {busy === 'demo' ? 'Skapar demoskolan…' : 'Öppna demoskola'}
          </button>
          <p role="status" className="busy-text">
            {busy === 'demo' ? 'Skapar demoskolan… Det tar några sekunder.' : ''}
          </p>
        </section>
      </div>
    </main>
  );
}
