// A pupil's results from the school platform: subjects × assessment occasions, levels not reached marked in words
// (not only colour), and the betygskriterier not reached at the latest occasion.
import { useEffect, useState } from 'react';
import type { ElevResultat as ElevResultatData } from '../../../shared/channels/resultat';
import { TIDIG_NIVA_TEXT, isEjNadd, isResultatNiva, type TidigNiva } from '../../../shared/domain/index';
import { call, errorText } from '../api';
import { ErrorAlert } from './ErrorAlert';

function nivaText(niva: string): string {
  return niva in TIDIG_NIVA_TEXT ? TIDIG_NIVA_TEXT[niva as TidigNiva] : niva === '-' ? '– (underlag saknas)' : niva;
}

export function ElevResultat({ elevId }: { elevId: number }) {
  const [data, setData] = useState<ElevResultatData | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('resultat:forElev', { elevId })
      .then(setData)
      .catch((e: unknown) => setError(errorText(e)));
  }, [elevId]);

  return (
    <section aria-labelledby="resultat-rubrik" className="section">
      <div className="section-header">
        <h2 id="resultat-rubrik">Resultat</h2>
      </div>
      <ErrorAlert message={error} />
      {data && data.amnen.length === 0 && <p className="muted">Inga resultat är importerade för eleven ännu.</p>}
      {data && data.amnen.length > 0 && (
        <div className="table-wrap">
          <table className="table elev-resultat">
            <caption className="visually-hidden">Elevens resultat per ämne och bedömningstillfälle</caption>
            <thead>
              <tr>
                <th scope="col">Ämne</th>
                {data.tillfallen.map((t) => (
                  <th scope="col" key={t.id}>
                    {t.namn}
                    <span className="muted elev-resultat-datum">{t.datum}</span>
                  </th>
                ))}
                <th scope="col">Ej nådda kriterier (senaste)</th>
              </tr>
            </thead>
            <tbody>
              {data.amnen.map((amne) => (
                <tr key={amne.amneId}>
                  <th scope="row">{amne.namn}</th>
                  {data.tillfallen.map((t) => {
                    const niva = amne.nivaer[t.id];
                    const ejNadd = niva !== undefined && isResultatNiva(niva) && isEjNadd(niva);
                    return (
                      <td key={t.id} className={ejNadd ? 'elev-resultat-ej-nadd' : undefined}>
                        {niva === undefined ? '' : nivaText(niva)}
                        {ejNadd && <span className="visually-hidden"> (ej nått)</span>}
                      </td>
                    );
                  })}
                  <td>{amne.kriterierEjNadda.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
