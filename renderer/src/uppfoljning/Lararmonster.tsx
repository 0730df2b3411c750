// The teacher pattern (seed 001: "Undersök då om det ser likadant ut för samma lärare i en annan elevgrupp") in
// step 5 and step 7: the rule's careful wording, then every group of the teacher and the other teachers' groups in
// the subject with their figures. Skolledning only; never in the teacher's print.
import type { Lararmonster } from '../../../shared/channels/uppfoljning';

const procent = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)} %`);

export function LararmonsterLista({ monster, id }: { monster: Lararmonster[]; id: string }) {
  return (
    <section className="section" aria-labelledby={id}>
      <h3 id={id}>Ämnen som utmärker sig hos samma lärare</h3>
      <p className="muted">Visas endast för skolledningen.</p>
      {monster.length === 0 ? (
        <p>Inget ämne utmärker sig på ett sätt som upprepas hos samma lärare.</p>
      ) : (
        monster.map((m) => (
          <article key={`${m.larareId}-${m.amneId}`} className="card uf-monster" aria-label={`${m.amne}: ${m.larare}`}>
            <p>{m.forslag.replace(/\s*Visas endast för skolledningen\.\s*$/, '')}</p>
            <table className="uf-table uf-wide">
              <caption>{`${m.amne}: ${m.larare}s grupper och övriga lärares grupper`}</caption>
              <thead>
                <tr>
                  <th scope="col">Grupp</th>
                  <th scope="col">Lärare</th>
                  <th scope="col">Når inte</th>
                  <th scope="col">Gruppens övriga ämnen</th>
                  <th scope="col">Utmärker sig</th>
                </tr>
              </thead>
              <tbody>
                {m.grupper.map((g) => (
                  <tr key={g.gruppId} className={g.egenGrupp ? 'uf-egen' : ''}>
                    <th scope="row">{m.gruppNamn[g.gruppId] ?? ''}</th>
                    <td>{g.larareIds.map((l) => m.larareNamn[l] ?? '').join(', ')}</td>
                    <td>{`${g.antalEjNadda} av ${g.antalElever} (${procent(g.andelEjNadda)})`}</td>
                    <td>{procent(g.ovrigaAmnenAndel)}</td>
                    <td>{g.utmarker ? 'Ja' : 'Nej'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        ))
      )}
    </section>
  );
}
