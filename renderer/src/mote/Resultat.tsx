// The results part (R): a första EHT-möte reviews last term's omdömen and betyg, an EHT-möte the varv's result
// follow-up (seed 001, steps 4 and 6). Per subject and per group how many do not reach and the betygskriterier most
// find hard, and the teacher pattern (shown to skolledningen only) with a shortcut to decide handledning.
import type { MoteAgenda } from '../../../shared/channels/mote';
import { datumMedAr } from '../format';
import { MoteAnteckning } from './Anteckning';
import type { NyInsatsForslag } from './NyInsats';

/** Seed 001: step 4 "föregående termins omdömen och betyg", step 6 "varvets resultatuppföljningar". */
export function resultatRubrik(agenda: MoteAgenda): string {
  return agenda.mote.typ === 'forsta_eht' ? 'Föregående termins omdömen och betyg' : 'Varvets resultatuppföljningar';
}

export function MoteResultat({ agenda, onHandledning }: { agenda: MoteAgenda; onHandledning(f: NyInsatsForslag): void }) {
  const { resultat, lararmonster } = agenda;
  const grupper = resultat.grupper ?? [];
  const forsta = agenda.mote.typ === 'forsta_eht';
  // Only an occasion that exists has a date: a new school's första EHT-möte has none before it (no date to format).
  const nar = resultat.tillfalle !== null && resultat.datum ? `${resultat.tillfalle}, ${datumMedAr(resultat.datum)}` : '';
  return (
    <section className="mote-sektion" aria-labelledby="mote-res-rubrik">
      <h2 id="mote-res-rubrik" tabIndex={-1}>
        {resultatRubrik(agenda)}
      </h2>
      {nar === '' ? (
        <p className="muted" role="status">
          {forsta
            ? 'Inga resultat ännu: det finns inga omdömen eller betyg från före terminens start. Resultat läses in under Import.'
            : 'Inga resultat ännu: det finns inget bedömningstillfälle före mötet. Resultat läses in under Import.'}
        </p>
      ) : (
        <>
          <p className="muted">
            {resultat.urval === 'forra_terminen'
              ? `Senaste bedömningstillfället före terminens start: ${nar}.`
              : resultat.urval === 'senaste'
                ? `Varvets resultat finns inte ännu. Det senaste bedömningstillfället före mötet visas: ${nar}.`
                : `Varvets bedömningstillfälle: ${nar}.`}{' '}
            Störst andel elever som inte når målen först.
          </p>
          <h3>Per ämne</h3>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Resultat per ämne</caption>
              <thead>
                <tr>
                  <th scope="col">Ämne</th>
                  <th scope="col">Når inte</th>
                  <th scope="col">Betygskriterier som flest inte når (förändring mot förra tillfället)</th>
                </tr>
              </thead>
              <tbody>
                {resultat.amnen.map((a) => (
                  <tr key={a.amneId}>
                    <th scope="row">{a.amne}</th>
                    <td>
                      {a.antalEjNadda} av {a.antalElever}
                    </td>
                    <td>
                      {a.kriterier
                        .slice(0, 3)
                        .map((k) => `${k.kriterium}: ${k.antalEjNadda}${k.forandring !== null && k.forandring !== 0 ? ` (${k.forandring > 0 ? '+' : ''}${k.forandring})` : ''}`)
                        .join(' · ') || '–'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {grupper.length > 0 && (
            <>
              <h3>Per grupp</h3>
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">Resultat per grupp</caption>
                  <thead>
                    <tr>
                      <th scope="col">Grupp</th>
                      <th scope="col">Elever som inte når målen i något ämne</th>
                      <th scope="col">Ämnen där flest inte når</th>
                      <th scope="col">Betygskriterier som flest inte når</th>
                    </tr>
                  </thead>
                  <tbody>
                    {grupper.map((g) => (
                      <tr key={g.gruppId}>
                        <th scope="row">{g.grupp}</th>
                        <td>
                          {g.antalEjNadda} av {g.antalElever}
                          {g.foregaendeEjNadda !== null && <span className="muted"> (förra tillfället {g.foregaendeEjNadda})</span>}
                        </td>
                        <td>{g.amnen.map((x) => `${x.amne} ${x.antalEjNadda} av ${x.antal}`).join(' · ') || '–'}</td>
                        <td>{g.kriterier.map((k) => `${k.amne}: ${k.kriterium} (${k.antalEjNadda})`).join(' · ') || '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
      <MoteAnteckning moteId={agenda.mote.id} punkt="resultat" rubrik={forsta ? 'Anteckningar om föregående termins resultat' : 'Anteckningar om varvets resultat'} las={agenda.mote.status === 'avslutat'} />
      <h2>Ämnen som utmärker sig</h2>
      <p className="muted">Visas endast för skolledningen.</p>
      {lararmonster.length === 0 ? (
        <p>Inget ämne utmärker sig på ett sätt som upprepas hos samma lärare.</p>
      ) : (
        lararmonster.map((m) => (
          <article key={`${m.larareId}-${m.amneId}`} className="card mote-monster" aria-label={`${m.amne}: ${m.larare}`}>
            {/* The rule's text ends with the same notice as the heading above: said once is enough. */}
            <p>{m.forslag.replace(/\s*Visas endast för skolledningen\.\s*$/, '')}</p>
            <button
              type="button"
              className="button"
              onClick={() =>
                onHandledning({ niva: 'larare', larareId: m.larareId, amneId: m.amneId, typ: 'handledning', beskrivning: `Handledning i ${m.amne.toLowerCase()} för ${m.larare}` })
              }
            >
              Besluta handledning för {m.larare}
            </button>
          </article>
        ))
      )}
    </section>
  );
}
