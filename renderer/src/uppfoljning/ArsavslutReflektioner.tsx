// Step 8 reads again what the skolledning wrote during the year: after each step, Fundera (Utfall, Varför, Nästa
// steg) and the answers to the step's own "Diskutera i skolledningen" questions — per varv where the step repeats,
// grouped by step with seed 001's step names. Read-only: the texts are edited where they were written.
import { useEffect, useState } from 'react';
import type { ArsReflektionDel, ArsReflektioner } from '../../../shared/channels/plan';
import { funderaPrompts, ledarhandling, type Steg } from '../../../shared/domain/index';
import { call, errorText } from '../api';
import { datumMedAr } from '../format';
import { ErrorAlert } from '../components/ErrorAlert';
import '../plan/plan.css';

function delRubrik(steg: Steg, d: ArsReflektionDel): string | null {
  if (d.varvNummer === null && d.moteDatum === null) return null;
  const varv = d.varvNummer !== null ? `Varv ${d.varvNummer}` : null;
  const mote = d.moteDatum !== null ? `${steg === 4 ? 'Första EHT-mötet' : 'EHT-mötet'} ${datumMedAr(d.moteDatum)}` : null;
  return [varv, mote].filter(Boolean).join(' – ');
}

function Del({ steg, del }: { steg: Steg; del: ArsReflektionDel }) {
  const rubrik = delRubrik(steg, del);
  const fragor = ledarhandling(steg).diskussionsfragor;
  const fundera = del.fundera;
  return (
    <div className="ars-reflektion-del">
      {rubrik && <h4>{rubrik}</h4>}
      {del.diskussion.length > 0 && <p className="ars-reflektion-typ">Diskutera i skolledningen</p>}
      {del.diskussion.length > 0 && (
        <dl className="ars-reflektion-lista" aria-label={`Diskutera i skolledningen${rubrik ? `, ${rubrik}` : ''}`}>
          {del.diskussion.map((d) => (
            <div key={d.fragaNr}>
              <dt>{fragor[d.fragaNr - 1] ?? `Fråga ${d.fragaNr}`}</dt>
              <dd>{d.svar}</dd>
            </div>
          ))}
        </dl>
      )}
      {fundera && <p className="ars-reflektion-typ">Fundera</p>}
      {fundera && (
        <dl className="ars-reflektion-lista" aria-label={`Fundera${rubrik ? `, ${rubrik}` : ''}`}>
          {funderaPrompts(steg)
            .filter((p) => fundera[p.falt].trim() !== '')
            .map((p) => (
              <div key={p.falt}>
                <dt>{p.rubrik}</dt>
                <dd>{fundera[p.falt]}</dd>
              </div>
            ))}
        </dl>
      )}
    </div>
  );
}

export function ArsavslutReflektioner({ lasarId, dokumenterat = {} }: { lasarId: number; dokumenterat?: Partial<Record<Steg, string | null>> }) {
  const [data, setData] = useState<ArsReflektioner | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('reflektion:arsavslut', { lasarId })
      .then(setData)
      .catch((e: unknown) => setError(errorText(e)));
  }, [lasarId]);

  return (
    <section className="section ars-reflektioner" aria-labelledby="ars-reflektioner-rubrik">
      <h2 id="ars-reflektioner-rubrik">Det ni reflekterade över under året</h2>
      <p className="muted">
        Det ni skrev under Fundera och Diskutera i skolledningen efter varje steg, per varv där steget upprepas. Ändra texterna där de skrevs; årets egna Fundera skriver ni längst ned.
      </p>
      <ErrorAlert message={error} title="Reflektionerna kunde inte hämtas" />
      {data?.steg.map(({ steg: nr, delar }) => {
        const steg = nr as Steg;
        return (
          <section key={steg} className="ars-reflektion-steg" aria-labelledby={`ars-reflektion-${steg}`}>
            <h3 id={`ars-reflektion-${steg}`}>{`Steg ${steg}: ${ledarhandling(steg).titel}`}</h3>
            {dokumenterat[steg] && <p>{dokumenterat[steg]}</p>}
            {delar.length === 0 ? (
              <p className="muted">{dokumenterat[steg] ? 'Ingen Fundera eller diskussion skriven för steget.' : 'Inget skrivet.'}</p>
            ) : (
              delar.map((d, i) => <Del key={i} steg={steg} del={d} />)
            )}
          </section>
        );
      })}
    </section>
  );
}
