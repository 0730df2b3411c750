// Elevhistorik: one pupil's insatser, judgements, decisions and utredningar as a timeline, newest first. Open
// utredningar can be closed with their outcome here (the appeal text and its last day shown for "inget åtgärdsprogram",
// in the form and on the closed utredning in the timeline).
import { useEffect, useState } from 'react';
import type { ElevHistorik, UtredningRad } from '../../../shared/channels/mote';
import { overklagandeMening, overklagandeSenast, overklagandeText } from '../../../shared/index';
import { toIsoDate } from '../../../shared/calendar';
import { UTREDNING_UTFALL_TEXT } from '../../../shared/labels';
import { UTREDNING_UTFALL, type UtredningUtfall } from '../../../shared/model';
import { call, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { datumMedAr } from '../format';
import { useApp } from '../store';
import '../mote/mote.css';
import '../mote/utredning.css';

const TYP_TEXT = { insats: 'Insats', bedomning: 'Bedömning', utredningsbeslut: 'Utredningsbeslut', utredning: 'Utredning', utredning_avslutad: 'Utredning avslutad' } as const;

function AvslutaUtredning({ u, onClosed }: { u: UtredningRad; onClosed(): void }) {
  const [utfall, setUtfall] = useState<UtredningUtfall | ''>('');
  const [datum, setDatum] = useState(() => toIsoDate(new Date()));
  const [fel, setFel] = useState<string | null>(null);
  const id = `utfall-${u.id}`;
  const datumId = `utfall-datum-${u.id}`;
  const giltigtDatum = /^\d{4}-\d{2}-\d{2}$/.test(datum);
  const save = async () => {
    if (utfall === '') return setFel('Välj utfall av utredningen.');
    if (!giltigtDatum) return setFel('Ange beslutsdatum.');
    try {
      await call('utredning:close', { id: u.id, utfall, datum });
      onClosed();
    } catch (e) {
      setFel(errorText(e));
    }
  };
  return (
    <div className="mote-avsluta-utr">
      <div className="field-row">
        <div className="field">
          <label htmlFor={id}>Utfall av utredningen</label>
          <select id={id} value={utfall} onChange={(e) => setUtfall(e.target.value as UtredningUtfall | '')} aria-describedby={utfall !== '' ? `${id}-overklagande` : undefined}>
            <option value="">Välj utfall</option>
            {UTREDNING_UTFALL.map((x) => <option key={x} value={x}>{UTREDNING_UTFALL_TEXT[x]}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={datumId}>Beslutsdatum</label>
          <input id={datumId} type="date" value={datum} min={u.startdatum} onChange={(e) => setDatum(e.target.value)} />
        </div>
      </div>
      {utfall !== '' && (
        <div className="overklagande" id={`${id}-overklagande`}>
          <p>{overklagandeText(utfall)}</p>
          {giltigtDatum && (
            <p>
              <strong>Sista dag att överklaga: {datumMedAr(overklagandeSenast(datum))}</strong>, om eleven eller vårdnadshavaren får del
              av beslutet samma dag. Får de del av det senare räknas tre veckor från den dagen.
            </p>
          )}
        </div>
      )}
      <div className="mote-knapp-rad">
        <button type="button" className="button" onClick={() => void save()}>Avsluta utredningen</button>
      </div>
      <ErrorAlert message={fel} title="Utredningen kunde inte avslutas" />
    </div>
  );
}

export function ElevHistorikPage({ elevId }: { elevId: number }) {
  const navigate = useApp((s) => s.navigate);
  const announce = useApp((s) => s.announce);
  const [historik, setHistorik] = useState<ElevHistorik | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useFocusOnMount<HTMLHeadingElement>(historik !== null);
  const load = () => call('elev:historik', { elevId }).then(setHistorik).catch((e: unknown) => setError(errorText(e)));
  useEffect(() => {
    void load();
  }, [elevId]);

  return (
    <div className="page" aria-busy={historik === null && error === null}>
      <p>
        <button type="button" className="button link" onClick={() => history.back()}>← Tillbaka</button>
      </p>
      <ErrorAlert message={error} title="Historiken kunde inte visas" />
      {historik && (
        <>
          <header className="page-header">
            <p className="eyebrow">Elevhistorik</p>
            <h1 ref={headingRef} tabIndex={-1}>{historik.elev.namn}</h1>
            <p className="muted">
              {historik.elev.klass ? `Klass ${historik.elev.klass} · ` : ''}
              {historik.insatser.length} {historik.insatser.length === 1 ? 'insats' : 'insatser'} · {historik.utredningar.length} {historik.utredningar.length === 1 ? 'utredning' : 'utredningar'} ·{' '}
              <button type="button" className="button link" onClick={() => navigate({ name: 'elev', elevId })}>Elevens sida</button>
            </p>
          </header>
          {historik.utredningar.some((u) => u.status === 'pagar') && (
            <section className="section" aria-labelledby="hist-utr">
              <h2 id="hist-utr">Pågående utredning</h2>
              {historik.utredningar.filter((u) => u.status === 'pagar').map((u) => (
                <div key={u.id} className={u.dagarForsenad > 0 ? 'card forsenad' : 'card'}>
                  <p>
                    Ansvarig {u.ansvarig} · deadline {datumMedAr(u.deadline)}
                    {u.dagarForsenad > 0 && <strong className="tag tag-warn"> Försenad {u.dagarForsenad} dagar</strong>}
                  </p>
                  <AvslutaUtredning u={u} onClosed={() => { announce('Utredningen är avslutad.'); void load(); }} />
                </div>
              ))}
            </section>
          )}
          <section className="section" aria-labelledby="hist-tid">
            <h2 id="hist-tid">Tidslinje</h2>
            {historik.handelser.length === 0 ? (
              <p className="muted">Inga insatser eller utredningar ännu.</p>
            ) : (
              <ol className="tidslinje">
                {historik.handelser.map((h, i) => (
                  <li key={`${h.typ}-${i}`} className={`tidslinje-${h.typ}`}>
                    <p className="tidslinje-datum">
                      <time dateTime={h.datum}>{datumMedAr(h.datum)}</time> · {TYP_TEXT[h.typ]}
                    </p>
                    <p className="tidslinje-rubrik">{h.rubrik}</p>
                    {h.text && <p className="muted">{h.overklagandeSenast ? h.text.replace(` · ${overklagandeMening(h.overklagandeSenast)}`, '') : h.text}</p>}
                    {h.overklagandeSenast && (
                      <p className="overklagande">
                        Beslutet kan överklagas till Skolväsendets överklagandenämnd inom tre veckor från den dag eleven eller
                        vårdnadshavaren fick del av det: <strong>senast {datumMedAr(h.overklagandeSenast)}</strong> om de fick del
                        av beslutet samma dag som det fattades.
                      </p>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </div>
  );
}
