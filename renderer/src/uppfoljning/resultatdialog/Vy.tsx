// One resultatdialog: the criteria summary for its groups, last varv's plan with "Hur gick det?", the chosen questions
// with what was said, and this varv's plan in the common template. Every text field autosaves.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { OMFATTNING_TEXT, type Resultatdialog, type ResultatdialogVy } from '../../../../shared/channels/uppfoljning';
import { BEDOMNING_TEXT } from '../../../../shared/labels';
import { BEDOMNINGAR, type Bedomning } from '../../../../shared/model';
import { call, errorText } from '../../api';
import { AutosaveStatus } from '../../components/AutosaveStatus';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAutosave } from '../../components/useAutosave';
import { downloadFil } from '../../components/downloadFil';
import { datumMedVecka } from '../../format';
import { useApp } from '../../store';
import { ResultatdialogFragor } from './Fragor';
import { ResultatdialogKriterier } from './Kriterier';

export const MALL = [
  { falt: 'iakttagelser', rubrik: 'Vad visar resultaten?', hint: 'Vilka betygskriterier eleverna har svårt att nå, och vad ni ser i gruppen.' },
  { falt: 'forandring', rubrik: 'Vad förändrar läraren i undervisningen?', hint: 'Det läraren gör annorlunda så att fler elever lyckas.' },
  { falt: 'forvantadEffekt', rubrik: 'Förväntad effekt', hint: 'Vad ni förväntar er att se hos eleverna nästa varv.' },
  { falt: 'uppfoljningPlan', rubrik: 'Hur och när följer vi upp?', hint: 'Följs upp i nästa varvs resultatdialog.' },
] as const;

type MallValues = Record<(typeof MALL)[number]['falt'], string>;
type FoljUppValues = { hurGickDet: string; foregaendeEffekt: Bedomning | '' };

function MallForm({ dialog }: { dialog: Resultatdialog }) {
  const autosave = useAutosave(`resultatdialog.${dialog.id}.mall`, (v: MallValues) => ({ channel: 'resultatdialog:save', args: { id: dialog.id, ...v } }));
  const initial: MallValues = { iakttagelser: dialog.iakttagelser, forandring: dialog.forandring, forvantadEffekt: dialog.forvantadEffekt, uppfoljningPlan: dialog.uppfoljningPlan };
  const { register, reset, getValues } = useForm<MallValues>({ defaultValues: initial });
  useEffect(() => {
    reset(autosave.reconcile(initial, dialog.uppdaterad));
    // Once: the stored dialogue has arrived when this form mounts.
  }, []);
  return (
    <form className="uf-mall" aria-label="Dialogens plan" onSubmit={(e) => e.preventDefault()}>
      {MALL.map((m) => (
        <div className="field autosave-field" key={m.falt}>
          <label htmlFor={`uf-mall-${m.falt}`}>{m.rubrik}</label>
          <p className="hint" id={`uf-mall-${m.falt}-hint`}>
            {m.hint}
          </p>
          <textarea
            id={`uf-mall-${m.falt}`}
            rows={3}
            aria-describedby={`uf-mall-${m.falt}-hint uf-mall-state`}
            {...register(m.falt, { onChange: () => autosave.change(getValues()), onBlur: () => void autosave.flush() })}
          />
        </div>
      ))}
      <AutosaveStatus id="uf-mall-state" state={autosave.state} />
    </form>
  );
}

function Uppfoljning({ dialog, foregaende }: { dialog: Resultatdialog; foregaende: Resultatdialog }) {
  const autosave = useAutosave(`resultatdialog.${dialog.id}.hurgick`, (v: FoljUppValues) => ({
    channel: 'resultatdialog:save',
    args: { id: dialog.id, hurGickDet: v.hurGickDet, foregaendeEffekt: v.foregaendeEffekt === '' ? null : v.foregaendeEffekt },
  }));
  const initial: FoljUppValues = { hurGickDet: dialog.hurGickDet, foregaendeEffekt: dialog.foregaendeEffekt ?? '' };
  const { register, reset, getValues } = useForm<FoljUppValues>({ defaultValues: initial });
  useEffect(() => {
    reset(autosave.reconcile(initial, dialog.uppdaterad));
    // Once, as above.
  }, []);
  const onChange = { onChange: () => autosave.change(getValues()), onBlur: () => void autosave.flush() };
  return (
    <section className="section card uf-foregaende" aria-labelledby="uf-foregaende">
      <h3 id="uf-foregaende">{`Förra varvets plan (varv ${foregaende.varvNummer}) – hur gick det?`}</h3>
      <dl className="uf-plan-lista">
        {MALL.filter((m) => m.falt !== 'iakttagelser').map((m) => (
          <div key={m.falt}>
            <dt>{m.rubrik}</dt>
            <dd>{foregaende[m.falt] || <span className="muted">Inte ifyllt</span>}</dd>
          </div>
        ))}
      </dl>
      <form onSubmit={(e) => e.preventDefault()} aria-label="Uppföljning av förra varvets plan">
        <div className="field autosave-field">
          <label htmlFor="uf-hurgick">Hur gick det?</label>
          <textarea id="uf-hurgick" rows={3} aria-describedby="uf-hurgick-state" {...register('hurGickDet', onChange)} />
        </div>
        <div className="field">
          <label htmlFor="uf-foreg-effekt">Effekt på elevernas måluppfyllelse</label>
          <select id="uf-foreg-effekt" {...register('foregaendeEffekt', onChange)}>
            <option value="">Inte bedömd</option>
            {BEDOMNINGAR.map((b) => (
              <option key={b} value={b}>
                {BEDOMNING_TEXT[b]}
              </option>
            ))}
          </select>
        </div>
        <AutosaveStatus id="uf-hurgick-state" state={autosave.state} />
      </form>
    </section>
  );
}

export function ResultatdialogVyPanel({ id, onChanged }: { id: number; onChanged(): void }) {
  const announce = useApp((s) => s.announce);
  const [vy, setVy] = useState<ResultatdialogVy | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('resultatdialog:get', { id })
      .then(setVy)
      .catch((e: unknown) => setError(errorText(e)));
  }, [id]);

  const setStatus = async (status: 'planerad' | 'genomford') => {
    try {
      const dialog = await call('resultatdialog:save', { id, status });
      setVy((v) => (v ? { ...v, dialog } : v));
      announce(status === 'genomford' ? `Resultatdialogen med ${dialog.namn} är markerad som genomförd.` : 'Resultatdialogen är markerad som planerad igen.');
      onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const skrivUt = async () => {
    setError(null);
    try {
      const fil = await call('resultatdialog:pdf', { id });
      downloadFil(fil);
      announce(`Resultatdialogen är sparad som ${fil.filnamn}.`);
    } catch (e) {
      setError(errorText(e));
    }
  };

  if (!vy) return <ErrorAlert message={error} title="Resultatdialogen kunde inte visas" />;
  const { dialog, foregaende, analys } = vy;
  return (
    <article className="section uf-dialog" aria-labelledby="uf-dialog-rubrik">
      <div className="section-header">
        <h2 id="uf-dialog-rubrik" tabIndex={-1}>{`Resultatdialog: ${dialog.namn}`}</h2>
        <div className="uf-dialog-knappar">
          <button type="button" className="button" onClick={() => void skrivUt()}>
            Skriv ut för läraren (PDF)
          </button>
          <button type="button" className={dialog.status === 'genomford' ? 'button' : 'button primary'} onClick={() => void setStatus(dialog.status === 'genomford' ? 'planerad' : 'genomford')}>
            {dialog.status === 'genomford' ? 'Markera som planerad' : 'Markera som genomförd'}
          </button>
        </div>
      </div>
      <p className="muted">
        {OMFATTNING_TEXT[dialog.omfattning]} · varv {dialog.varvNummer} · {datumMedVecka(dialog.datum)} ·{' '}
        {dialog.status === 'genomford' ? 'Genomförd' : 'Planerad'}
      </p>
      <ErrorAlert message={error} />
      <ResultatdialogKriterier analys={analys} />
      {foregaende ? (
        <Uppfoljning dialog={dialog} foregaende={foregaende} />
      ) : (
        <p className="muted">Ingen tidigare resultatdialog med {dialog.namn}: det här är den första, och planen följs upp nästa varv.</p>
      )}
      <ResultatdialogFragor dialog={dialog} onChange={(d) => setVy((v) => (v ? { ...v, dialog: d } : v))} />
      <section className="section" aria-labelledby="uf-mall-rubrik">
        <h3 id="uf-mall-rubrik">Dialogens plan (gemensam mall)</h3>
        <MallForm dialog={dialog} />
      </section>
    </article>
  );
}
