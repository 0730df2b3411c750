// "Gör en sammanställning över vilka betygskriterier som eleverna har svårt att nå inom respektive ämne": per subject,
// the criteria most pupils in the dialogue's groups do not reach, with the change since the previous occasion.
import type { KriterieAmne, KriterieAnalys, KriterieFordelning } from '../../../../shared/channels/uppfoljning';
import { LararmonsterLista } from '../Lararmonster';

const VISA_PER_AMNE = 5;

function forandringText(f: number | null): string {
  if (f === null) return 'Ingen jämförelse';
  if (f === 0) return 'Oförändrat';
  const elever = Math.abs(f) === 1 ? 'elev' : 'elever';
  return f > 0 ? `+${f} ${elever}` : `−${Math.abs(f)} ${elever}`;
}

function Fordelning({ a, rader, rubrik, forsta }: { a: KriterieAmne; rader: (KriterieFordelning & { grupper?: string[] })[]; rubrik: string; forsta: string }) {
  if (rader.length === 0) return null;
  return (
    <table className="uf-table">
      <caption>{`${a.amne} ${rubrik}`}</caption>
      <thead>
        <tr>
          <th scope="col">{forsta}</th>
          <th scope="col">{rader[0]?.grupper ? 'Grupper' : 'Lärare'}</th>
          <th scope="col">Når inte målen</th>
          <th scope="col">Missar minst ett kriterium</th>
        </tr>
      </thead>
      <tbody>
        {rader.map((r) => (
          <tr key={r.namn}>
            <th scope="row">{r.namn}</th>
            <td>{(r.grupper ?? r.larare).join(', ') || '–'}</td>
            <td>{`${r.antalEjNadda} av ${r.antalElever}`}</td>
            <td>{`${r.antalMissarKriterium} av ${r.antalElever}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ResultatdialogKriterier({ analys }: { analys: KriterieAnalys }) {
  return (
    <section className="section" aria-labelledby="uf-kriterier">
      <h3 id="uf-kriterier">Betygskriterier som eleverna har svårt att nå</h3>
      {analys.tillfalle === null ? (
        <p className="muted">Det finns inga resultat för varvet ännu. Importera bedömningarna under Import.</p>
      ) : (
        <p className="muted">
          {`Bedömningstillfälle: ${analys.tillfalle}${analys.foregaendeTillfalle ? `, jämfört med ${analys.foregaendeTillfalle}` : ''}.`}
          {analys.grupper.length > 0 && ` Grupper: ${analys.grupper.join(', ')}.`}
        </p>
      )}
      {analys.tillfalle !== null && analys.amnen.length === 0 && <p>Inga elever i dialogens grupper saknar något betygskriterium.</p>}
      <div className="uf-kriterier">
        {analys.amnen.map((a) => (
          <div key={a.amneId} className="uf-amne" role="group" aria-label={a.amne}>
          {a.kriterier.length === 0 ? (
            <table className="uf-table">
              <caption>{`${a.amne} (${a.antalElever} elever): inga betygskriterier registrerade – nivåerna`}</caption>
              <thead>
                <tr>
                  <th scope="col">Nivå</th>
                  <th scope="col">Elever</th>
                </tr>
              </thead>
              <tbody>
                {a.nivaer.map((n) => (
                  <tr key={n.niva}>
                    <th scope="row">{n.niva === '-' ? '– (streck)' : n.niva}</th>
                    <td>{n.antal}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
          <table className="uf-table">
            <caption>{`${a.amne} (${a.antalElever} elever)`}</caption>
            <thead>
              <tr>
                <th scope="col">Betygskriterium</th>
                <th scope="col">Når inte</th>
                <th scope="col">Sedan förra</th>
              </tr>
            </thead>
            <tbody>
              {a.kriterier.slice(0, VISA_PER_AMNE).map((k) => (
                <tr key={k.kriterium}>
                  <th scope="row">{k.kriterium}</th>
                  <td>{`${k.antalEjNadda} (${Math.round(k.andel * 100)} %)`}</td>
                  <td className={k.forandring !== null && k.forandring < 0 ? 'uf-battre' : k.forandring !== null && k.forandring > 0 ? 'uf-samre' : ''}>
                    {forandringText(k.forandring)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          )}
          <Fordelning a={a} rader={a.grupper} rubrik="per grupp" forsta="Grupp" />
          <Fordelning a={a} rader={a.larare} rubrik="per lärare" forsta="Lärare" />
          </div>
        ))}
      </div>
      {analys.tillfalle !== null && <LararmonsterLista monster={analys.lararmonster} id="uf-kriterier-monster" />}
    </section>
  );
}
