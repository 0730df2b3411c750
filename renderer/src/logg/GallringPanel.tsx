// The Gallring tab: the rule, the pupils due today with what would be removed (per pupil and per table), the
// confirmation, and the result. What is removed is exactly what the preview shows (the backend checks the ids).
import { useCallback, useEffect, useState } from 'react';
import type { GallringForhandsvisning, GallringResultat } from '../../../shared/channels/audit';
import { call, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { GallringBekrafta } from './GallringBekrafta';
import { GallringRegel } from './GallringRegel';
import { tabellText } from './labels';

const elever = (n: number) => (n === 1 ? '1 elev' : `${n} elever`);
const summa = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

export function GallringPanel() {
  const [preview, setPreview] = useState<GallringForhandsvisning | null>(null);
  const [result, setResult] = useState<GallringResultat | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    call('gallring:preview', {})
      .then((p) => (setPreview(p), setError(null)))
      .catch((e: unknown) => setError(errorText(e)));
  }, []);
  useEffect(load, [load]);

  const execute = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const r = await call('gallring:execute', { elevIds: preview.elever.map((e) => e.id), bekraftelse: 'GALLRA' });
      setResult(r);
      setConfirming(false);
      load();
      window.setTimeout(() => document.getElementById('gallring-resultat-rubrik')?.focus(), 0);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="gallring">
      <ErrorAlert message={error} title="Gallringen kunde inte göras" />
      {result && (
        <section className="gallring-resultat card" aria-labelledby="gallring-resultat-rubrik">
          <h2 id="gallring-resultat-rubrik" tabIndex={-1}>
            Gallringen är klar
          </h2>
          <p>
            {elever(result.elever)} och {summa(result.rader)} rader är borttagna. {result.loggposter} loggposter har fått sitt
            innehåll gallrat; loggen visar att gallringen gjordes. {result.sakerhetskopiorBorttagna.length} äldre
            säkerhetskopior är borttagna och en ny är tagen.
          </p>
          <p className={result.kedja.ok ? 'logg-kedja ok' : 'logg-kedja bruten'}>{result.kedja.text}</p>
        </section>
      )}
      {preview && <GallringRegel gallringAr={preview.gallringAr} grans={preview.grans} onSaved={load} onError={setError} />}
      {preview && (
        <section aria-labelledby="gallring-forhandsvisning-rubrik">
          <h2 id="gallring-forhandsvisning-rubrik">Det här skulle tas bort i dag</h2>
          {preview.elever.length === 0 ? (
            <p>Ingen elev har slutat för så länge sedan att uppgifterna ska gallras.</p>
          ) : (
            <>
              <table className="gallring-elever">
                <caption className="visually-hidden">Elever som gallras</caption>
                <thead>
                  <tr>
                    <th scope="col">Elev</th>
                    <th scope="col">Slutade</th>
                    <th scope="col">Rader</th>
                    <th scope="col">Loggposter</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.elever.map((e) => (
                    <tr key={e.id}>
                      <th scope="row">{e.namn}</th>
                      <td>{e.slutat}</td>
                      <td>{summa(e.rader)}</td>
                      <td>{e.loggposter}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <table className="gallring-tabeller">
                <caption>Per uppgift</caption>
                <thead>
                  <tr>
                    <th scope="col">Uppgift</th>
                    <th scope="col">Rader</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(preview.rader).map(([t, n]) => (
                    <tr key={t}>
                      <th scope="row">{tabellText(t)}</th>
                      <td>{n}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p>
                Dessutom: {preview.loggposter} loggposter får sitt innehåll gallrat, och {preview.sakerhetskopior.length}{' '}
                säkerhetskopior tas bort eftersom de innehåller uppgifterna.
              </p>
              {confirming ? (
                <GallringBekrafta
                  elever={preview.elever.length}
                  rader={summa(preview.rader)}
                  sakerhetskopior={preview.sakerhetskopior.length}
                  busy={busy}
                  onConfirm={() => void execute()}
                  onCancel={() => setConfirming(false)}
                />
              ) : (
                <button type="button" className="button danger" onClick={() => setConfirming(true)}>
                  Gallra {elever(preview.elever.length)} …
                </button>
              )}
            </>
          )}
        </section>
      )}
    </div>
  );
}
