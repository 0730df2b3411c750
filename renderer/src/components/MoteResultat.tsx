// "Varvets resultat" (R): per subject how many do not reach and the betygskriterier most find hard, and the teacher
// pattern (shown to skolledningen only) with a shortcut to decide handledning for the teacher.
import type { MoteAgenda } from '../../../shared/channels/mote';
import { datumMedAr } from '../format';
import { MoteAnteckning } from './MoteAnteckning';
import type { NyInsatsForslag } from './MoteNyInsats';

export function MoteResultat({ agenda, onHandledning }: { agenda: MoteAgenda; onHandledning(f: NyInsatsForslag): void }) {
  const { resultat, lararmonster } = agenda;
  return (
    <section className="mote-sektion" aria-labelledby="mote-res-rubrik">
      <h2 id="mote-res-rubrik" tabIndex={-1}>
        Varvets resultat
      </h2>
      {resultat.tillfalle === null ? (
        <p className="muted">Det finns inga resultat före mötet.</p>
      ) : (
        <>
          <p className="muted">
            {resultat.tillfalle}, {datumMedAr(resultat.datum ?? '')}. Ämnen med störst andel elever som inte når målen först.
          </p>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Ämne</th>
                  <th scope="col">Når inte</th>
                  <th scope="col">Betygskriterier som flest inte når (förändring mot förra varvet)</th>
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
        </>
      )}
      <MoteAnteckning moteId={agenda.mote.id} punkt="resultat" rubrik="Anteckningar om varvets resultat" las={agenda.mote.status === 'avslutat'} />
      <h2>Ämnen som utmärker sig</h2>
      <p className="muted">Visas endast för skolledningen.</p>
      {lararmonster.length === 0 ? (
        <p>Inget ämne utmärker sig på ett sätt som upprepas hos samma lärare.</p>
      ) : (
        lararmonster.map((m) => (
          <article key={`${m.larareId}-${m.amneId}`} className="card mote-monster" aria-label={`${m.amne}: ${m.larare}`}>
            <p>{m.forslag}</p>
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
