// The pupil page's "Uppgifter": edit name, årskurs, klass, mentor and flags, and mark the pupil as left or back.
// Leaving never deletes: the insatser and evaluations below stay, and the pupil can be re-activated.
import { useCallback, useLayoutEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Elev } from '../../../shared/model';
import { isRealIsoDate } from '../../../shared/validation';
import { call, errorText } from '../api';
import { datumMedAr, elevNamn, todayIso } from '../format';
import { useApp } from '../store';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field, describedBy } from '../components/Field';
import { ElevFields, elevValues, saveElev, useElevChoices, type ElevValues } from './Elev';
import { formKeyHandler } from '../components/formKeys';
import { Kbd } from '../components/Kbd';
import { useUnsavedGuard } from '../components/useUnsavedGuard';
import './register.css';

interface Props {
  elev: Elev;
  onChange(elev: Elev): void;
}

function UppgifterForm({ elev, onChange, onClose }: Props & { onClose(): void }) {
  const [error, setError] = useState<string | null>(null);
  const onError = useCallback((e: unknown) => setError(errorText(e)), []);
  const choices = useElevChoices(onError);
  const form = useForm<ElevValues>({ defaultValues: elevValues(elev) });
  useUnsavedGuard('elev-uppgifter', form.formState.isDirty);
  useLayoutEffect(() => form.setFocus('fornamn'), [form]);
  const submit = form.handleSubmit(async (v) => {
    setError(null);
    try {
      const updated = await saveElev(elev, v);
      if (updated) onChange(updated);
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  });
  return (
    <form className="inline-form card elev-uppgifter" aria-label="Ändra uppgifter" noValidate
      onSubmit={(e) => { e.preventDefault(); void submit(); }} onKeyDown={formKeyHandler(() => void submit(), onClose)}>
      <div className="field-row">
        <ElevFields prefix="uppgifter" form={form} choices={choices} elev={elev} />
      </div>
      <ErrorAlert message={error} title="Uppgifterna kunde inte sparas" />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? 'Sparar…' : 'Spara uppgifterna'}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Avbryt
        </button>
        <span className="shortcut-help">
          <Kbd keys={['Enter']} /> spara · <Kbd keys={['Esc']} /> avbryt
        </span>
      </div>
    </form>
  );
}

function LeaveForm({ elev, onChange, onClose }: Props & { onClose(): void }) {
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState: { errors, isSubmitting } } = useForm({ defaultValues: { slutat: todayIso() } });
  const submit = handleSubmit(async (v) => {
    try {
      onChange(await call('elev:setAktiv', { id: elev.id, aktiv: false, slutat: v.slutat }));
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  });
  return (
    <form className="inline-form card" aria-label="Markera som slutad" noValidate
      onSubmit={(e) => { e.preventDefault(); void submit(); }} onKeyDown={formKeyHandler(() => void submit(), onClose)}>
      <p>
        {elevNamn(elev)} försvinner ur elevlistan men ingenting raderas: insatser och bedömningar finns kvar och eleven kan
        återaktiveras.
      </p>
      <Field id="elev-slutat" label="Sista dag" error={errors.slutat?.message}>
        <input type="date" autoFocus {...describedBy('elev-slutat', errors.slutat?.message)}
          {...register('slutat', { validate: (x) => isRealIsoDate(x) || 'Ange ett datum som finns, ÅÅÅÅ-MM-DD.' })} />
      </Field>
      <ErrorAlert message={error} title="Eleven kunde inte markeras som slutad" />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={isSubmitting}>
          Markera som slutad
        </button>
        <button type="button" className="button" onClick={onClose}>
          Avbryt
        </button>
      </div>
    </form>
  );
}

export function RegisterElevUppgifter({ elev, onChange }: Props) {
  const announce = useApp((s) => s.announce);
  const [mode, setMode] = useState<'view' | 'edit' | 'leave'>('view');
  const [error, setError] = useState<string | null>(null);
  const changed = (updated: Elev, text: string) => {
    useApp.getState().upsertElev(updated);
    onChange(updated);
    announce(text);
  };
  const reactivate = async () => {
    setError(null);
    try {
      changed(await call('elev:setAktiv', { id: elev.id, aktiv: true }), `${elevNamn(elev)} är återaktiverad och finns i elevlistan igen.`);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const close = () => {
    setMode('view');
    requestAnimationFrame(() => document.getElementById('elev-uppgifter-rubrik')?.focus());
  };

  return (
    <section aria-labelledby="elev-uppgifter-rubrik" className="section">
      {!elev.aktiv && (
        <p className="elev-slutat">
          Eleven har slutat{elev.slutat ? ` (${datumMedAr(elev.slutat)})` : ''}. Insatser och bedömningar finns kvar.
        </p>
      )}
      <div className="section-header">
        <h2 id="elev-uppgifter-rubrik" tabIndex={-1}>
          Uppgifter
        </h2>
        {mode === 'view' && (
          <span className="form-actions">
            <button type="button" className="button" onClick={() => setMode('edit')}>
              Ändra uppgifter
            </button>
            {elev.aktiv ? (
              <button type="button" className="button" onClick={() => setMode('leave')}>
                Markera som slutad
              </button>
            ) : (
              <button type="button" className="button" onClick={() => void reactivate()}>
                Återaktivera
              </button>
            )}
          </span>
        )}
      </div>
      <ErrorAlert message={error} title="Det gick inte att spara" />
      {mode === 'edit' && (
        <UppgifterForm elev={elev} onClose={close} onChange={(u) => changed(u, `Uppgifterna för ${elevNamn(u)} är sparade.`)} />
      )}
      {mode === 'leave' && (
        <LeaveForm elev={elev} onClose={close}
          onChange={(u) => changed(u, `${elevNamn(u)} är markerad som slutad. Historiken finns kvar.`)} />
      )}
    </section>
  );
}
