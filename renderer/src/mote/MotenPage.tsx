// "EHT-möten" (Alt+3): the year's första EHT-möte and EHT-möten with their status; prepare one (date, participants,
// invited guests), open meeting mode, or the summary and protokoll of a closed one. The next meeting's agenda is
// fetched in the background here, so meeting mode opens at once.
import { useEffect, useRef, useState } from 'react';
import type { Mote, MoteRad } from '../../../shared/channels/mote';
import type { Varv } from '../../../shared/model';
import { MOTE_TYP_TEXT } from '../../../shared/labels';
import { call, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { MoteForbered } from './Forbered';
import { useMoteKo } from './ko';
import { nastaMoteRubrik } from './vy';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { datumMedAr, todayIso } from '../format';
import { useApp } from '../store';
import './mote.css';
import { TableRegion } from '../components/TableRegion';

const STATUS: Record<MoteRad['status'], string> = { planerat: 'Planerat', pagar: 'Pågår', avslutat: 'Avslutat' };

export function MotenPage() {
  const navigate = useApp((s) => s.navigate);
  const announce = useApp((s) => s.announce);
  const personal = useApp((s) => s.personal);
  const loadPersonal = useApp((s) => s.loadPersonal);
  const [moten, setMoten] = useState<MoteRad[] | null>(null);
  const [varv, setVarv] = useState<Varv[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [forbereder, setForbereder] = useState<Mote | 'ny' | null>(null);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  const refresh = () =>
    call('mote:list', {})
      .then((list) => {
        setMoten(list);
        const nasta = list.find((m) => m.status !== 'avslutat');
        if (nasta && useMoteKo.getState().moteId !== nasta.id) void useMoteKo.getState().load(nasta.id);
      })
      .catch((e: unknown) => setError(errorText(e)));

  useEffect(() => {
    void refresh();
    call('oversikt:get', {}).then((o) => setVarv(o.varv)).catch(() => undefined);
    if (personal === null) loadPersonal().catch((e: unknown) => setError(errorText(e)));
  }, []);

  const forbered = async (id: number) => {
    try {
      const agenda = useMoteKo.getState().agenda;
      setForbereder(agenda?.mote.id === id ? agenda.mote : (await call('mote:agenda', { moteId: id })).mote);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const nasta = moten?.find((m) => m.status !== 'avslutat') ?? null;
  // Avbryt, Esc or saving the meeting form: the focus goes back to the button that opened it.
  const opener = useRef<HTMLElement | null>(null);
  const remember = () => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  };
  const closeForm = () => {
    setForbereder(null);
    requestAnimationFrame(() => (opener.current?.isConnected ? opener.current : headingRef.current)?.focus());
  };

  return (
    <div className="page" aria-busy={moten === null && error === null}>
      <header className="page-header">
        <p className="eyebrow">Steg 4 och 6</p>
        <h1 ref={headingRef} tabIndex={-1}>EHT-möten</h1>
        <p className="muted">Varje aktiv insats bedöms och beslutas, nya insatser beslutas med vem som genomför och återkopplar, och utredningsbeslut fattas.</p>
      </header>
      <ErrorAlert message={error} title="Mötena kunde inte visas" />
      {nasta && (
        <section className="card mote-nasta" aria-labelledby="nasta-rubrik">
          <h2 id="nasta-rubrik">{nastaMoteRubrik(nasta.datum, todayIso())}: {MOTE_TYP_TEXT[nasta.typ]} {datumMedAr(nasta.datum)}</h2>
          <p>{nasta.antalDeltagare} deltagare · {nasta.antalBedomningar} bedömningar gjorda · {STATUS[nasta.status]}</p>
          <div className="form-actions">
            <button type="button" className="button primary" onClick={() => navigate({ name: 'mote', moteId: nasta.id })}>Öppna mötesläget</button>
            <button type="button" className="button" onClick={() => { remember(); void forbered(nasta.id); }}>Förbered mötet</button>
          </div>
        </section>
      )}
      {forbereder !== null && personal !== null && (
        <MoteForbered
          mote={forbereder === 'ny' ? null : forbereder}
          varv={varv}
          moten={moten ?? []}
          personal={personal}
          onCancel={closeForm}
          onSaved={(m) => {
            closeForm();
            announce(`Mötet ${datumMedAr(m.datum)} är sparat med ${m.deltagare.length} deltagare.`);
            void refresh();
          }}
        />
      )}
      <section className="section" aria-labelledby="moten-rubrik">
        <div className="section-header">
          <h2 id="moten-rubrik">Läsårets EHT-möten</h2>
          <button type="button" className="button" onClick={() => { remember(); setForbereder('ny'); }}>Nytt EHT-möte</button>
        </div>
        {moten && (
          <TableRegion label="Läsårets EHT-möten">
            <table className="table">
              <caption className="visually-hidden">Läsårets EHT-möten, med varv, datum, status och antal bedömningar</caption>
              <thead>
                <tr>
                  <th scope="col">Möte</th>
                  <th scope="col">Varv</th>
                  <th scope="col">Datum</th>
                  <th scope="col">Status</th>
                  <th scope="col">Bedömningar</th>
                  <th scope="col"><span className="visually-hidden">Åtgärd</span></th>
                </tr>
              </thead>
              <tbody>
                {moten.map((m) => (
                  <tr key={m.id} className={m === nasta ? 'current' : undefined}>
                    <th scope="row">{MOTE_TYP_TEXT[m.typ]}</th>
                    <td>{m.varvNummer ?? '–'}</td>
                    <td>{datumMedAr(m.datum)}</td>
                    <td>{STATUS[m.status]}</td>
                    <td>{m.antalBedomningar}</td>
                    <td>
                      {m.status === 'avslutat' ? (
                        <button type="button" className="button link" onClick={() => navigate({ name: 'mote-summering', moteId: m.id })}>
                          Protokoll <span className="visually-hidden">{datumMedAr(m.datum)}</span>
                        </button>
                      ) : (
                        <button type="button" className="button link" onClick={() => navigate({ name: 'mote', moteId: m.id })}>
                          Mötesläge <span className="visually-hidden">{datumMedAr(m.datum)}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
    </div>
  );
}
