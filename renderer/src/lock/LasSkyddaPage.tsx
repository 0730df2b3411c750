// "Skydda elevuppgifterna": right after a new school is set up. A passphrase (twice, at least 10 characters) encrypts
// the database and its backups; the recovery key is then shown once, to print or write down, and confirmed by
// typing its last group. Skipping is allowed, with a warning, and Översikt keeps asking until the data is protected.
import { useState } from 'react';
import type { Skola } from '../../../shared/model';
import { call } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { LasLosenordForm } from './LosenordForm';
import { LasAterstallning } from './Aterstallning';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { useLock } from './lockState';
import { useApp } from '../store';
import './lock.css';

export function LasSkyddaPage({ skola, announce }: { skola: Skola; announce: string }) {
  const [nyckel, setNyckel] = useState<string | null>(null);
  const [hoppa, setHoppa] = useState(false);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  const klar = (text: string) => {
    useApp.getState().enterSchool(skola);
    useApp.getState().announce(text);
  };

  if (nyckel) return <LasAterstallning nyckel={nyckel} onDone={() => klar(`${announce} Elevuppgifterna är skyddade.`)} />;

  return (
    <main className="gate las">
      <div className="gate-card las-bred">
        <p className="brand" aria-hidden="true">
          Varvet
        </p>
        <h1 ref={headingRef} tabIndex={-1}>
          Skydda elevuppgifterna
        </h1>
        <p>
          Välj ett lösenord. Det krypterar databasen och alla säkerhetskopior på den här datorn, så att ingen kan läsa
          elevuppgifterna utan det – inte heller om datorn eller en kopia av filerna kommer bort. Varvet låses när du
          inte har använt det på en stund, och när du trycker <kbd>Ctrl</kbd>+<kbd>L</kbd>.
        </p>
        <LasLosenordForm
          submitText="Skydda med lösenord"
          onSubmit={async (losenord) => {
            const result = await call('lock:setup', { losenord });
            useLock.getState().setStatus(result.status);
            setNyckel(result.aterstallningsnyckel);
          }}
        />
        {!hoppa ? (
          <button type="button" className="link-button" onClick={() => setHoppa(true)}>
            Hoppa över…
          </button>
        ) : (
          <section className="las-varning" aria-labelledby="hoppa-rubrik">
            <h2 id="hoppa-rubrik">Utan lösenord är elevuppgifterna oskyddade</h2>
            <ErrorAlert
              title="Läs detta först"
              message="Databasen och säkerhetskopiorna sparas då okrypterade. Den som kommer åt datorn eller en kopia av filerna kan läsa allt om eleverna. Du kan skydda dem senare under Inställningar."
            />
            <button type="button" className="button" onClick={() => klar(`${announce} Elevuppgifterna är inte skyddade med lösenord.`)}>
              Fortsätt utan lösenord
            </button>
          </section>
        )}
      </div>
    </main>
  );
}
