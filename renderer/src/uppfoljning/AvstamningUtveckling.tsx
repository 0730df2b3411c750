// Övergripande utvecklingsområden for systematiskt kvalitetsarbete: each from the varv it was identified in, with its
// status over the year. New areas and status changes are recorded in the varv in view.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { UTVECKLING_STATUSAR, UTVECKLING_STATUS_TEXT, type Utvecklingsomrade, type UtvecklingStatus } from '../../../shared/channels/uppfoljning';
import { call, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApp } from '../store';

function Omrade({ o, varvId, onSaved }: { o: Utvecklingsomrade; varvId: number | null; onSaved(o: Utvecklingsomrade): void }) {
  const announce = useApp((s) => s.announce);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<UtvecklingStatus>(o.status);
  const [kommentar, setKommentar] = useState('');
  const [sparar, setSparar] = useState(false);
  useEffect(() => setStatus(o.status), [o.status]);
  const andrad = status !== o.status || kommentar.trim() !== '';
  // A status change is saved with its comment (why, what was decided), so the year-end and the huvudman see the course.
  const spara = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!andrad || sparar) return;
    setSparar(true);
    setError(null);
    try {
      onSaved(await call('utvecklingsomrade:setStatus', { id: o.id, status, kommentar: kommentar.trim(), varvId }));
      setKommentar('');
      announce(`${o.titel}: ${UTVECKLING_STATUS_TEXT[status].toLowerCase()}.`);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSparar(false);
    }
  };
  const id = `uf-omrade-${o.id}`;
  return (
    <li className="card uf-omrade">
      <h3>{o.titel}</h3>
      {o.beskrivning && <p>{o.beskrivning}</p>}
      <p className="muted">
        {o.franVarvNummer !== null ? `Identifierat i varv ${o.franVarvNummer}. ` : ''}
        {`Status nu: ${UTVECKLING_STATUS_TEXT[o.status].toLowerCase()}.`}
      </p>
      {o.historik.length > 0 && (
        <ol className="uf-forlopp" aria-label={`Förlopp för ${o.titel}`}>
          {o.historik.map((h, i) => (
            <li key={i}>
              <span className="uf-forlopp-status">{UTVECKLING_STATUS_TEXT[h.status]}</span>
              {h.varvNummer !== null ? ` (varv ${h.varvNummer})` : ''}
              {h.kommentar ? ` – ${h.kommentar}` : ''}
            </li>
          ))}
        </ol>
      )}
      <form className="uf-status-form" aria-label={`Ändra status för ${o.titel}`} onSubmit={(e) => void spara(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as UtvecklingStatus)}>
            {UTVECKLING_STATUSAR.map((s) => (
              <option key={s} value={s}>
                {UTVECKLING_STATUS_TEXT[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field uf-status-kommentar">
          <label htmlFor={`${id}-kommentar`}>Kommentar (valfri)</label>
          <input
            id={`${id}-kommentar`}
            type="text"
            maxLength={2000}
            value={kommentar}
            placeholder="T.ex. vad ni beslutade eller varför"
            onChange={(e) => setKommentar(e.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={!andrad || sparar}>
          Spara status
        </button>
      </form>
      <ErrorAlert message={error} />
    </li>
  );
}

export function AvstamningUtveckling({ varvId, rubrikNiva = 2 }: { varvId: number | null; rubrikNiva?: 2 | 3 }) {
  const announce = useApp((s) => s.announce);
  const [omraden, setOmraden] = useState<Utvecklingsomrade[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, reset, formState } = useForm<{ titel: string; beskrivning: string }>({ defaultValues: { titel: '', beskrivning: '' } });

  useEffect(() => {
    call('utvecklingsomrade:list', {})
      .then(setOmraden)
      .catch((e: unknown) => setError(errorText(e)));
  }, []);

  const add = handleSubmit(async (v) => {
    setError(null);
    try {
      const o = await call('utvecklingsomrade:create', { titel: v.titel, beskrivning: v.beskrivning, franVarvId: varvId });
      setOmraden((list) => [...(list ?? []), o]);
      reset({ titel: '', beskrivning: '' });
      announce(`Utvecklingsområdet "${o.titel}" är sparat.`);
    } catch (e) {
      setError(errorText(e));
    }
  });
  const Rubrik = rubrikNiva === 2 ? 'h2' : 'h3';

  return (
    <section className="section" aria-labelledby="uf-utveckling">
      <Rubrik id="uf-utveckling">Övergripande utvecklingsområden</Rubrik>
      <p className="muted">Se vad ni har identifierat som övergripande utvecklingsområden att ta med i det systematiska kvalitetsarbetet.</p>
      <ErrorAlert message={error} />
      {omraden?.length === 0 && <p className="muted">Inga utvecklingsområden ännu.</p>}
      <ul className="uf-omraden">
        {omraden?.map((o) => (
          <Omrade key={o.id} o={o} varvId={varvId} onSaved={(n) => setOmraden((list) => (list ?? []).map((x) => (x.id === n.id ? n : x)))} />
        ))}
      </ul>
      <form className="card uf-ny-omrade" onSubmit={add} aria-label="Lägg till utvecklingsområde">
        <div className="field">
          <label htmlFor="uf-omrade-titel">Nytt utvecklingsområde</label>
          <input id="uf-omrade-titel" type="text" {...register('titel', { required: true })} />
        </div>
        <div className="field">
          <label htmlFor="uf-omrade-beskrivning">Beskrivning</label>
          <textarea id="uf-omrade-beskrivning" rows={2} {...register('beskrivning')} />
        </div>
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          Spara utvecklingsområdet
        </button>
      </form>
    </section>
  );
}
