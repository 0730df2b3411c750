// Summary and closing: the decisions, the new insatser with who and when (editable until closed), the utredning
// decisions; closing is refused while a required utredning decision is missing, and the screen says for whom.
// Afterwards: the EHT-protokoll (also pseudonymised) and the step's reflection.
import { useEffect, useRef, useState } from 'react';
import { BEDOMNING_TEXT, BESLUT_TEXT, MOTE_TYP_TEXT } from '../../../shared/labels';
import { BESLUT } from '../../../shared/model';
import { call, errorText } from '../api';
import { downloadFil } from '../components/downloadFil';
import { ErrorAlert } from '../components/ErrorAlert';
import { Fundera } from '../components/Fundera';
import { MoteElevLank } from './ElevLank';
import { MoteInsatsRedigera } from './InsatsRedigera';
import { useMoteKo } from './ko';
import { MoteSparstatus } from './Sparstatus';
import { effektiv, effektivUtredning, vemText } from './vy';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { datumMedAr } from '../format';
import { useApp } from '../store';
import './mote.css';

export function MoteSummeringPage({ moteId }: { moteId: number }) {
  const navigate = useApp((s) => s.navigate);
  const announce = useApp((s) => s.announce);
  const { agenda, ko, angrade, load, reload, laddaFel } = useMoteKo();
  const [fel, setFel] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Closing with insatser not judged asks first: how many, and that the protokoll says "Ej bedömd vid mötet". */
  const [bekrafta, setBekrafta] = useState(false);
  const bekraftaRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (bekrafta) bekraftaRef.current?.focus();
  }, [bekrafta]);
  const headingRef = useFocusOnMount<HTMLHeadingElement>(agenda !== null);

  useEffect(() => {
    if (useMoteKo.getState().moteId !== moteId) void load(moteId);
    else void reload();
  }, [moteId, load, reload]);

  if (laddaFel) return <div className="page"><ErrorAlert message={laddaFel} title="Mötet kunde inte visas" /></div>;
  if (!agenda || agenda.mote.id !== moteId) return <div className="page" aria-busy="true"><p className="muted">Hämtar mötet…</p></div>;
  const { mote } = agenda;
  const avslutat = mote.status === 'avslutat';
  const beslut = agenda.insatser.map((ai) => ({ ai, e: effektiv(ai, agenda, ko, angrade) }));
  const obedomda = beslut.filter((b) => b.e === null);
  const saknas = agenda.utredningskandidater.filter((k) => effektivUtredning(k, agenda, ko, angrade) === null);
  const nya = [...agenda.insatser.flatMap((ai) => (ai.foljdinsats ? [{ i: ai.foljdinsats, galler: vemText(ai, agenda) }] : [])),
    ...agenda.nyaInsatser.map((i) => ({ i, galler: i.elevId !== null ? (agenda.elever[i.elevId]?.namn ?? '') : (i.grupp ?? 'Ny insats') }))];

  const close = async (bekraftat = false) => {
    setFel(null);
    if (obedomda.length > 0 && !bekraftat) {
      setBekrafta(true);
      return;
    }
    setBekrafta(false);
    setBusy(true);
    try {
      await call('mote:close', { moteId });
      await reload();
      announce('Mötet är avslutat. Protokollet kan laddas ner.');
    } catch (e) {
      setFel(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const protokoll = async (pseudonymiserad: boolean) => {
    try {
      const fil = await call('mote:protokoll', { moteId, pseudonymiserad });
      downloadFil({ ...fil, mime: 'application/pdf' });
      announce(`Protokollet ${fil.filnamn} är nedladdat.`);
      // New protokoll codes are searchable in Elever (and shown on the pupil's page) from now on.
      if (pseudonymiserad) void useApp.getState().loadElever().catch(() => undefined);
    } catch (e) {
      setFel(errorText(e));
    }
  };

  return (
    <div className="page mote-summering">
      <header className="page-header mote-header">
        <div>
          <p className="eyebrow">{MOTE_TYP_TEXT[mote.typ]} · {datumMedAr(mote.datum)}</p>
          <h1 ref={headingRef} tabIndex={-1}>{avslutat ? 'Mötet är avslutat' : 'Sammanfattning och avslut'}</h1>
        </div>
        <MoteSparstatus />
      </header>
      {!avslutat && (
        <p><button type="button" className="button link" onClick={() => navigate({ name: 'mote', moteId })}>← Tillbaka till mötesläget</button></p>
      )}
      <section className="section" aria-labelledby="sum-beslut">
        <h2 id="sum-beslut">Beslut</h2>
        <p>
          {beslut.length - obedomda.length} av {beslut.length} insatser bedömda.{' '}
          {BESLUT.map((b) => [b, beslut.filter((x) => x.e?.beslut === b).length] as const).filter(([, n]) => n > 0).map(([b, n]) => `${BESLUT_TEXT[b]}: ${n}`).join(' · ')}
        </p>
        {obedomda.length > 0 && <p className="mote-saknas">Ej bedömda: {obedomda.map((b) => `${vemText(b.ai, agenda)} (${b.ai.insats.beskrivning})`).join('; ')}.</p>}
        <ul className="mote-sum-lista">
          {beslut.filter((b) => b.e).map(({ ai, e }) => (
            <li key={ai.insats.id}>
              <MoteElevLank elevId={ai.insats.elevId} namn={vemText(ai, agenda)} externId={ai.insats.elevId !== null ? agenda.elever[ai.insats.elevId]?.externId : null} />: {ai.insats.beskrivning} — {e ? `${BEDOMNING_TEXT[e.bedomning]} → ${BESLUT_TEXT[e.beslut]}` : ''}
              {e?.motivering ? <span className="muted"> (motivering: {e.motivering})</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="sum-nya">
        <h2 id="sum-nya">Nya insatser med vem och när</h2>
        {nya.length === 0 ? <p className="muted">Inga nya insatser.</p> : nya.map(({ i, galler }) => (
          <MoteInsatsRedigera key={i.id} moteId={moteId} insats={i} galler={galler} personal={agenda.personal} las={avslutat} />
        ))}
      </section>
      <section className="section" aria-labelledby="sum-utr">
        <h2 id="sum-utr">Utredningsbeslut</h2>
        <ul className="mote-sum-lista">
          {agenda.utredningskandidater.map((k) => {
            const b = effektivUtredning(k, agenda, ko, angrade);
            return (
              <li key={k.elevId} className={b ? undefined : 'mote-saknas'}>
                <MoteElevLank elevId={k.elevId} namn={agenda.elever[k.elevId]?.namn ?? ''} externId={agenda.elever[k.elevId]?.externId} />:{' '}
                {b ? (b.beslut === 'inled' ? `utredning inleds, ansvarig ${agenda.personal.find((p) => p.id === b.ansvarigId)?.namn ?? ''}, deadline ${datumMedAr(b.deadline ?? '')}` : `inte nu – ${b.motivering ?? ''}`) : 'beslut saknas'}
              </li>
            );
          })}
        </ul>
        {saknas.length > 0 && !avslutat && (
          <p><button type="button" className="button" onClick={() => navigate({ name: 'mote', moteId, sektion: 'utredningar' })}>Besluta utredningarna</button></p>
        )}
      </section>
      <ErrorAlert message={fel} title="Mötet kunde inte avslutas" />
      {!avslutat && bekrafta && obedomda.length > 0 && (
        <div ref={bekraftaRef} className="alert" role="alert" tabIndex={-1} aria-labelledby="sum-bekrafta-rubrik">
          <p id="sum-bekrafta-rubrik" className="alert-title">
            {obedomda.length === 1 ? '1 insats är inte bedömd' : `${obedomda.length} insatser är inte bedömda`}
          </p>
          <p>
            I protokollet står {obedomda.length === 1 ? 'den' : 'de'} som "Ej bedömd vid mötet" och fortsätter som aktiv{obedomda.length === 1 ? '' : 'a'} till nästa möte. Vill du avsluta mötet ändå?
          </p>
          <div className="form-actions">
            <button type="button" className="button primary" disabled={busy || ko.length > 0} onClick={() => void close(true)}>
              Avsluta mötet ändå
            </button>
            <button type="button" className="button" onClick={() => navigate({ name: 'mote', moteId })}>
              Tillbaka och bedöm
            </button>
          </div>
        </div>
      )}
      {!avslutat ? (
        <div className="form-actions">
          <button type="button" className="button primary" disabled={busy || ko.length > 0} onClick={() => void close()}>
            {ko.length > 0 ? 'Väntar på att allt sparas…' : 'Avsluta mötet'}
          </button>
        </div>
      ) : (
        <>
          <section className="section card" aria-labelledby="sum-protokoll">
            <h2 id="sum-protokoll">EHT-protokoll</h2>
            <p className="muted">Det pseudonymiserade protokollet anger eleverna med initialer och kod; kodnyckeln stannar i Varvet.</p>
            <div className="form-actions">
              <button type="button" className="button primary" onClick={() => void protokoll(false)}>Ladda ner protokoll (PDF)</button>
              <button type="button" className="button" onClick={() => void protokoll(true)}>Ladda ner pseudonymiserat protokoll (PDF)</button>
            </div>
          </section>
          <Fundera steg={mote.typ === 'forsta_eht' ? 4 : 6} varvId={mote.varvId} moteId={mote.id} />
        </>
      )}
    </div>
  );
}
