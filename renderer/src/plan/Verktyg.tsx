// One documentation tool in the inventory (steg 1): for each of seed 001's seven capabilities ja/delvis/nej and a
// comment. A choice saves at once; a comment is autosaved as the user types and reconciled with its local draft on load.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Verktyg } from '../../../shared/channels/plan';
import { FORMAGA_VARDEN, FORMAGA_VARDE_TEXT, VERKTYG_FORMAGOR, type FormagaVarde, type VerktygFormaga } from '../../../shared/domain/index';
import { call, errorText } from '../api';
import { AutosaveStatus } from '../components/AutosaveStatus';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAutosave } from '../components/useAutosave';

function Formaga({ verktyg, formaga, onSaved }: { verktyg: Verktyg; formaga: (typeof VERKTYG_FORMAGOR)[number]; onSaved: (v: Verktyg) => void }) {
  const current = verktyg.formagor[formaga.key];
  const [error, setError] = useState<string | null>(null);
  // Shown at once (optimistic), so the choice does not flicker while it is saved; put back if saving fails.
  const [varde, setVarde] = useState<FormagaVarde | null>(current.varde);
  const autosave = useAutosave(
    `verktyg.${verktyg.id}.${formaga.key}`,
    (kommentar: string) => ({ channel: 'verktyg:setFormaga', args: { verktygId: verktyg.id, formaga: formaga.key as VerktygFormaga, varde, kommentar } }),
    onSaved,
  );
  const { register, getValues, setValue } = useForm({ defaultValues: { kommentar: current.kommentar } });
  const name = `verktyg-${verktyg.id}-${formaga.key}`;

  useEffect(() => {
    // A comment typed before a crash or a stopped host is still in the local draft: the newer of the two wins.
    setValue('kommentar', autosave.reconcile(current.kommentar, current.uppdaterad));
    // Once, on mount: the tool (with its stored comments) has arrived when the card is shown.
  }, []);

  const choose = async (v: FormagaVarde) => {
    const before = varde;
    setVarde(v);
    try {
      onSaved(await call('verktyg:setFormaga', { verktygId: verktyg.id, formaga: formaga.key, varde: v, kommentar: getValues('kommentar') }));
      setError(null);
    } catch (e) {
      setVarde(before);
      setError(errorText(e));
    }
  };

  return (
    <fieldset className={`plan-formaga varde-${varde ?? 'ingen'}`}>
      <legend>{formaga.text}</legend>
      <div className="plan-formaga-val">
        {FORMAGA_VARDEN.map((v) => (
          <label key={v} className="plan-radio">
            <input type="radio" name={name} value={v} checked={varde === v} onChange={() => void choose(v)} />
            {FORMAGA_VARDE_TEXT[v]}
          </label>
        ))}
      </div>
      <label className="plan-inline-label plan-kommentar">
        <span className="sr-only">Kommentar: {formaga.kort}</span>
        <input
          type="text"
          placeholder="Kommentar"
          {...register('kommentar', { onChange: (e: { target: { value: string } }) => autosave.change(e.target.value), onBlur: () => void autosave.flush() })}
        />
      </label>
      <AutosaveStatus state={autosave.state} />
      <ErrorAlert message={error} />
    </fieldset>
  );
}

export function PlanVerktyg({ verktyg, onChange, onDelete }: { verktyg: Verktyg; onChange: (v: Verktyg) => void; onDelete: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [namn, setNamn] = useState(verktyg.namn);
  useEffect(() => setNamn(verktyg.namn), [verktyg.namn]);

  const rename = async () => {
    if (namn.trim() === verktyg.namn || namn.trim() === '') return setNamn(verktyg.namn);
    try {
      onChange(await call('verktyg:update', { id: verktyg.id, namn, beskrivning: verktyg.beskrivning }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const remove = async () => {
    if (!window.confirm(`Ta bort ${verktyg.namn} ur inventeringen? Svaren om verktyget försvinner.`)) return;
    try {
      await call('verktyg:delete', { id: verktyg.id });
      onDelete();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section className="card plan-verktyg" aria-label={`Verktyg: ${verktyg.namn}`}>
      <div className="plan-verktyg-head">
        <label className="plan-inline-label">
          <span className="sr-only">Verktygets namn</span>
          <input type="text" className="plan-verktyg-namn" value={namn} onChange={(e) => setNamn(e.target.value)} onBlur={() => void rename()} />
        </label>
        <button type="button" className="button link" onClick={() => void remove()}>
          Ta bort<span className="sr-only"> {verktyg.namn}</span>
        </button>
      </div>
      <ErrorAlert message={error} />
      <p className="hint">Ger verktyget möjlighet till …</p>
      {VERKTYG_FORMAGOR.map((f) => (
        <Formaga key={f.key} verktyg={verktyg} formaga={f} onSaved={onChange} />
      ))}
    </section>
  );
}
