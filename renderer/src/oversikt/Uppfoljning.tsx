// What must not fall through: insatser nobody reports back on, and pupils in the prognosis's årskurser (the school's
// settings, default åk 7–9) not behöriga to gymnasiet — risk (an F or streck stops it) told from underlag saknas
// (grades missing), pupils in särskilda undervisningsgrupper included and flagged (seed 000).
import type { OversiktUppfoljning as Data } from '../../../shared/channels/uppfoljning';
import { arskursText } from '../../../shared/labels';
import { useApp } from '../store';

type RiskRad = Data['behorighetRisk']['elever'][number];

/** " (2 F, 1 streck)": F and streck told apart wherever "når inte" is counted. */
function narInte(r: RiskRad): string {
  const delar = [r.betygF.length > 0 ? `${r.betygF.length} F` : '', r.betygStreck.length > 0 ? `${r.betygStreck.length} streck` : ''].filter(Boolean);
  return delar.length > 0 ? ` (${delar.join(', ')})` : '';
}

function saknasText(r: RiskRad): string {
  const delar: string[] = [];
  if (r.saknas.yrkesprogram.length > 0) delar.push(`Yrkesprogram: ${r.saknas.yrkesprogram.join(', ')}`);
  // Not even yrkesprogram: what stops it stops the högskoleförberedande programmes too, said once.
  if (r.risk !== 'ej_behorig' && r.saknas.hogskoleforberedande.length > 0) delar.push(`Högskoleförb.: ${r.saknas.hogskoleforberedande.join(', ')}`);
  return delar.join('. ');
}

export function OversiktUppfoljning({ data }: { data: Data }) {
  const navigate = useApp((s) => s.navigate);
  const { arskurser, elever: risk } = data.behorighetRisk;
  const iRisk = risk.filter((r) => r.status === 'risk');
  const ejBehoriga = iRisk.filter((r) => r.risk === 'ej_behorig').length;
  const underlag = risk.length - iRisk.length;
  const arskurserText = arskurser.length === 0 ? 'inga årskurser' : `åk ${arskurser.join(', ')}`;
  return (
    <div className="ov-grid">
      <section className="section card" aria-labelledby="ov-utan">
        <h2 id="ov-utan">{`Insatser utan någon som återkopplar (${data.insatserUtanUppfoljare.length})`}</h2>
        {data.insatserUtanUppfoljare.length === 0 ? (
          <p className="muted">Alla aktiva insatser har någon som återkopplar.</p>
        ) : (
          <ul className="ov-lista ov-scroll">
            {data.insatserUtanUppfoljare.map((i) => (
              <li key={i.insatsId}>
                {i.elevId !== null ? (
                  <button type="button" className="button link" onClick={() => navigate({ name: 'elev', elevId: i.elevId as number })}>
                    {i.mal}
                  </button>
                ) : (
                  <strong>{i.mal}</strong>
                )}
                {`: ${i.beskrivning}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="section card" aria-labelledby="ov-risk">
        <h2 id="ov-risk">{`Risk att inte bli behörig till gymnasiet (${iRisk.length})`}</h2>
        <p className="muted">
          {`${arskurserText.charAt(0).toUpperCase()}${arskurserText.slice(1)} utifrån senaste betyg: ${iRisk.length} i risk (F eller streck som stoppar behörigheten; ${ejBehoriga} når inte yrkesprogram, ${iRisk.length - ejBehoriga} bara yrkesprogram), ${underlag} där underlag saknas (betyg som inte finns är inte F). Elever i särskild undervisningsgrupp ingår.`}
        </p>
        {risk.length > 0 && (
          <div className="ov-scroll">
            <table className="uf-table">
              <caption className="sr-only">Elever med risk att inte bli behöriga</caption>
              <thead>
                <tr>
                  <th scope="col">Elev</th>
                  <th scope="col">Åk</th>
                  <th scope="col">Läge</th>
                  <th scope="col">Saknas</th>
                </tr>
              </thead>
              <tbody>
                {risk.map((r) => (
                  <tr key={r.elevId}>
                    <th scope="row">
                      <button type="button" className="button link" onClick={() => navigate({ name: 'elev', elevId: r.elevId })}>
                        {r.namn}
                      </button>
                      {r.klass && <span className="muted">{` ${r.klass}`}</span>}
                      {r.flagga && (
                        <span className="ov-flagga" title={r.flagga}>
                          {' '}
                          Särskild grupp
                        </span>
                      )}
                    </th>
                    <td>{arskursText(r.arskurs)}</td>
                    <td>{r.status === 'risk' ? `Risk${narInte(r)}` : 'Underlag saknas'}</td>
                    <td>{saknasText(r)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
