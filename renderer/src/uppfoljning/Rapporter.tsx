// What leaves the app for the huvudman: the pseudonymised year report as PDF, Word or JSON. A pupil's
// registerutdrag is made from the pupil's own page.
import { useState } from 'react';
import { call, errorText } from '../api';
import { downloadFil } from '../components/downloadFil';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApp } from '../store';

const FORMAT = [
  { format: 'pdf', text: 'Årsrapport som PDF' },
  { format: 'docx', text: 'Årsrapport som Word' },
  { format: 'json', text: 'Årsrapport som JSON' },
] as const;

export function UppfoljningRapporter() {
  const announce = useApp((s) => s.announce);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const exportera = async (format: (typeof FORMAT)[number]['format']) => {
    setBusy(format);
    setError(null);
    try {
      const fil = await call('rapport:arsrapport', { format, lasarId: null });
      downloadFil(fil);
      announce(`Årsrapporten är sparad som ${fil.filnamn}.`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <section className="section" aria-labelledby="uf-arsrapport">
        <h2 id="uf-arsrapport">Årsrapport till huvudmannen</h2>
        <p>
          Rapporten visar läsårets insatser efter nivå och typ, hur stor andel som bedömts ha effekt, besluten per varv, utredningarna och om de
          blev klara i tid, utvecklingsområdena och hur planen följdes.
        </p>
        <p className="muted">
          Den är pseudonymiserad: inga namn eller id-nummer, och antal mellan 1 och 4 visas som "&lt;5" så att ingen elev kan kännas igen.
        </p>
        <div className="form-actions">
          {FORMAT.map((f) => (
            <button key={f.format} type="button" className="button primary" disabled={busy !== null} onClick={() => void exportera(f.format)}>
              {busy === f.format ? 'Skapar…' : f.text}
            </button>
          ))}
        </div>
        <ErrorAlert message={error} title="Årsrapporten kunde inte skapas" />
      </section>
      <section className="section" aria-labelledby="uf-registerutdrag">
        <h2 id="uf-registerutdrag">Registerutdrag</h2>
        <p>Ett registerutdrag visar allt Varvet har sparat om en elev. Öppna eleven under Elever och välj Registerutdrag.</p>
      </section>
    </>
  );
}
