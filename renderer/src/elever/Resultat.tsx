// A pupil's results from the school platform: subjects × assessment occasions, levels not reached marked in words
// (not only colour), and the betygskriterier not reached at the latest occasion. Early-years levels carry the school's
// own names (Inställningar → Regler för uppföljningen), and the scale of the pupil's årskurs is said in words.
import { useEffect, useState } from 'react';
import type { ElevResultat as ElevResultatData } from '../../../shared/channels/resultat';
import {
  DEFAULT_INSTALLNINGAR,
  isEjNadd,
  isResultatNiva,
  skalaForArskurs,
  tidigNivaText,
  type SkolInstallningar,
} from '../../../shared/domain/index';
import { call, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';

function nivaText(niva: string, skala: SkolInstallningar['tidigSkala']): string {
  return niva === '-' ? '– (underlag saknas)' : tidigNivaText(niva, skala);
}

function skalaText(arskurs: number, inst: SkolInstallningar): string {
  const { ej_natt, pa_vag, natt } = inst.tidigSkala;
  return skalaForArskurs(arskurs, inst) === 'betyg'
    ? `Årskurs ${arskurs}: betyg A–F (skolan ger betyg från årskurs ${inst.betygFranArskurs}).`
    : `Årskurs ${arskurs}: resultaten anges som ${ej_natt}, ${pa_vag} eller ${natt} (betyg A–F från årskurs ${inst.betygFranArskurs}).`;
}

export function ElevResultat({ elevId }: { elevId: number }) {
  const [data, setData] = useState<ElevResultatData | null>(null);
  const [inst, setInst] = useState<SkolInstallningar>(DEFAULT_INSTALLNINGAR);
  const [arskurs, setArskurs] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([call('resultat:forElev', { elevId }), call('installningar:get', {}), call('elev:get', { id: elevId })])
      .then(([resultat, installningar, elev]) => {
        setInst(installningar);
        setArskurs(elev.arskurs);
        setData(resultat);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [elevId]);

  return (
    <section aria-labelledby="resultat-rubrik" className="section">
      <div className="section-header">
        <h2 id="resultat-rubrik">Resultat</h2>
      </div>
      <ErrorAlert message={error} />
      {data && arskurs !== null && arskurs >= 1 && arskurs <= 9 && <p className="muted elev-resultat-skala">{skalaText(arskurs, inst)}</p>}
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
                        {niva === undefined ? '' : nivaText(niva, inst.tidigSkala)}
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
