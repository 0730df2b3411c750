// Where the school is in the year: the årshjul with today marked, and the next meeting with what is due for it.
import { useEffect, useState } from 'react';
import type { PlanKalender } from '../../../shared/channels/plan';
import type { NastaMote } from '../../../shared/channels/uppfoljning';
import { kalenderVarv } from '../../../shared/domain/index';
import { MOTE_TYP_TEXT } from '../../../shared/labels';
import { call, errorText } from '../api';
import { datumMedVecka, todayIso } from '../format';
import { Arshjul } from '../components/Arshjul';
import { ErrorAlert } from '../components/ErrorAlert';

export function OversiktAret({ nastaMote }: { nastaMote: NastaMote | null }) {
  const [kalender, setKalender] = useState<PlanKalender | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('plan:kalender', {})
      .then(setKalender)
      .catch((e: unknown) => setError(errorText(e)));
  }, []);

  return (
    <section className="section ov-grid" aria-labelledby="ov-aret">
      <div className="ov-arshjul">
        <h2 id="ov-aret">Läsåret just nu</h2>
        <ErrorAlert message={error} title="Årshjulet kunde inte visas" />
        {kalender && (
          <Arshjul
            rubrik={kalender.lasar.namn}
            input={{
              startdatum: kalender.lasar.startdatum,
              slutdatum: kalender.lasar.slutdatum,
              lov: kalender.lov,
              forstaEht: kalender.forstaEht,
              idag: todayIso(),
              varv: kalender.varv.map(kalenderVarv),
            }}
          />
        )}
      </div>
      <div className="card ov-nasta" aria-labelledby="ov-nasta">
        <h2 id="ov-nasta">Nästa möte</h2>
        {nastaMote ? (
          <>
            <p>
              <strong>{`${MOTE_TYP_TEXT[nastaMote.typ]}${nastaMote.varvNummer !== null ? `, varv ${nastaMote.varvNummer}` : ''}`}</strong>
              <br />
              <time dateTime={nastaMote.datum}>{datumMedVecka(nastaMote.datum)}</time>
            </p>
            <h3>Att göra inför mötet</h3>
            <ul className="ov-lista">
              {nastaMote.attGora.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">Inga fler möten är planerade det här läsåret.</p>
        )}
      </div>
    </section>
  );
}
