// The varv in progress (or the next one) and the dates of its meetings, in weeks as schools speak of them.
import type { Varv } from '../../../shared/model';
import { datumMedVecka } from '../format';

interface CurrentVarvProps {
  varv: Varv | null;
  antalVarv: number;
}

function Datum({ iso }: { iso: string | null }) {
  if (!iso) return <span className="muted">Inte planerat</span>;
  return <time dateTime={iso}>{datumMedVecka(iso)}</time>;
}

export function CurrentVarv({ varv, antalVarv }: CurrentVarvProps) {
  return (
    <section aria-labelledby="varv-rubrik" className="section card current-varv">
      {varv ? (
        <>
          <h2 id="varv-rubrik">
            Aktuellt varv: varv {varv.nummer} av {antalVarv}
          </h2>
          <p className="muted">
            Från <Datum iso={varv.startdatum} /> till <Datum iso={varv.slutdatum} />
          </p>
          <dl className="meeting-dates">
            <div>
              <dt>Bedömningar klara senast</dt>
              <dd>
                <Datum iso={varv.bedomningSenast} />
              </dd>
            </div>
            <div>
              <dt>Resultatdialog</dt>
              <dd>
                <Datum iso={varv.resultatdialogDatum} />
              </dd>
            </div>
            <div>
              <dt>EHT-möte</dt>
              <dd>
                <Datum iso={varv.ehtDatum} />
              </dd>
            </div>
            <div>
              <dt>Avstämning i skolledningen</dt>
              <dd>
                <Datum iso={varv.avstamningDatum} />
              </dd>
            </div>
          </dl>
        </>
      ) : (
        <>
          <h2 id="varv-rubrik">Aktuellt varv</h2>
          <p>Läsåret har inga varv planerade ännu.</p>
        </>
      )}
    </section>
  );
}
