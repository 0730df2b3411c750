// What must not fall through: insatser nobody reports back on, and pupils in åk 7–9 at risk of not reaching
// gymnasiebehörighet — pupils in särskilda undervisningsgrupper included and flagged (seed 000).
import type { OversiktUppfoljning as Data } from '../../../shared/channels/uppfoljning';
import { arskursText } from '../../../shared/labels';
import { useApp } from '../store';

export function OversiktUppfoljning({ data }: { data: Data }) {
  const navigate = useApp((s) => s.navigate);
  const risk = data.behorighetRisk;
  const ejBehoriga = risk.filter((r) => r.risk === 'ej_behorig').length;
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
        <h2 id="ov-risk">{`Risk att inte bli behörig till gymnasiet (${risk.length})`}</h2>
        <p className="muted">
          {`Åk 7–9 utifrån senaste betyg: ${ejBehoriga} når inte yrkesprogram, ${risk.length - ejBehoriga} bara yrkesprogram. Elever i särskild undervisningsgrupp ingår.`}
        </p>
        {risk.length > 0 && (
          <div className="ov-scroll">
            <table className="uf-table">
              <caption className="sr-only">Elever med risk att inte bli behöriga</caption>
              <thead>
                <tr>
                  <th scope="col">Elev</th>
                  <th scope="col">Åk</th>
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
                    <td>{`${r.risk === 'ej_behorig' ? 'Yrkesprogram: ' : 'Högskoleförb.: '}${r.saknas.join(', ')}`}</td>
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
