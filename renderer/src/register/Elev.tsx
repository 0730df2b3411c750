// The pupil register's forms: the fields of a pupil, the inline row editor of the Elever list and "Ny elev".
import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import type { Grupp } from '../../../shared/channels/register';
import type { Elev, Personal } from '../../../shared/model';
import { call, errorText } from '../api';
import { elevNamn, personalNamn } from '../format';
import { useApp } from '../store';
import { Field, describedBy } from '../components/Field';
import { loadOnce, useRegisterData } from './data';
import { ArskursOptions, RegisterNyForm, changedFields } from './Forms';
import { InlineEditForm, type CloseHow, type SaveReporter } from './InlineEdit';

export interface ElevValues {
  fornamn: string;
  efternamn: string;
  arskurs: string;
  klassId: string;
  mentorId: string;
  sarskildUndervisningsgrupp: boolean;
  nyanland: boolean;
}

export function elevValues(e: Elev): ElevValues {
  return {
    fornamn: e.fornamn,
    efternamn: e.efternamn,
    arskurs: String(e.arskurs),
    klassId: e.klassId === null ? '' : String(e.klassId),
    mentorId: e.mentorId === null ? '' : String(e.mentorId),
    sarskildUndervisningsgrupp: e.sarskildUndervisningsgrupp,
    nyanland: e.nyanland,
  };
}

export function elevArgs(v: ElevValues) {
  return {
    fornamn: v.fornamn.trim(),
    efternamn: v.efternamn.trim(),
    arskurs: Number(v.arskurs),
    klassId: v.klassId === '' ? null : Number(v.klassId),
    mentorId: v.mentorId === '' ? null : Number(v.mentorId),
    sarskildUndervisningsgrupp: v.sarskildUndervisningsgrupp,
    nyanland: v.nyanland,
  };
}

export interface ElevChoices {
  grupper: Grupp[];
  personal: Personal[];
  /** False until both lists have arrived; until then the pupil's own klass and mentor stand in for them. */
  loaded: boolean;
}

/** Groups and staff for the klass and mentor choices, loaded once. */
export function useElevChoices(onError: (e: unknown) => void): ElevChoices {
  const grupper = useRegisterData((s) => s.grupper);
  const personal = useApp((s) => s.personal);
  useEffect(() => {
    loadOnce(grupper, useRegisterData.getState().loadGrupper, onError);
    loadOnce(personal, useApp.getState().loadPersonal, onError);
  }, [grupper, personal, onError]);
  return { grupper: grupper ?? [], personal: personal ?? [], loaded: grupper !== null && personal !== null };
}

/** Saves the changed fields of a pupil and puts the result in the caches (group sizes change with the klass). */
export async function saveElev(elev: Elev, v: ElevValues): Promise<Elev | null> {
  const changes = changedFields(elevArgs(elevValues(elev)), elevArgs(v));
  if (Object.keys(changes).length === 0) return null;
  const updated = await call('elev:update', { id: elev.id, ...changes });
  useApp.getState().upsertElev(updated);
  if ('klassId' in changes && useRegisterData.getState().grupper !== null) void useRegisterData.getState().loadGrupper();
  return updated;
}

interface ElevFieldsProps {
  prefix: string;
  form: UseFormReturn<ElevValues>;
  choices: ElevChoices;
  elev?: Elev;
}

export function ElevFields({ prefix, form, choices, elev }: ElevFieldsProps) {
  const { grupper, personal, loaded } = choices;
  const { register, formState: { errors } } = form;
  // A select shows its value only if the option is there when the value is set. The pupil's own klass and mentor
  // are options from the first frame; when the lists arrive (and React rebuilds the options) the form's current
  // values — the user's choice if they already changed one — are put back into the selects.
  useEffect(() => {
    form.setValue('klassId', form.getValues('klassId'));
    form.setValue('mentorId', form.getValues('mentorId'));
  }, [form, grupper, personal]);
  const namn = (falt: string) => ({
    validate: (x: string) => x.trim() !== '' || `${falt} får inte vara tomt.`,
    maxLength: { value: 100, message: `${falt} får vara högst 100 tecken.` },
  });
  // Keep a klass from an earlier läsår or a mentor who has left selectable, so an unrelated edit does not clear it.
  const klassOptions = grupper.map((g) => ({ id: g.id, namn: g.namn }));
  if (elev?.klassId != null && !grupper.some((g) => g.id === elev.klassId)) {
    klassOptions.push({ id: elev.klassId, namn: loaded ? `${elev.klass ?? ''} (tidigare läsår)` : (elev.klass ?? '') });
  }
  const mentorer = personal.filter((p) => p.aktiv || p.id === elev?.mentorId).map((p) => ({ id: p.id, namn: personalNamn(p) }));
  if (elev?.mentorId != null && !mentorer.some((p) => p.id === elev.mentorId)) {
    mentorer.push({ id: elev.mentorId, namn: elev.mentor ?? 'Nuvarande mentor' });
  }
  return (
    <>
      <Field id={`${prefix}-fornamn`} label="Förnamn" error={errors.fornamn?.message}>
        <input type="text" {...describedBy(`${prefix}-fornamn`, errors.fornamn?.message)} {...register('fornamn', namn('Förnamn'))} />
      </Field>
      <Field id={`${prefix}-efternamn`} label="Efternamn" error={errors.efternamn?.message}>
        <input type="text" {...describedBy(`${prefix}-efternamn`, errors.efternamn?.message)} {...register('efternamn', namn('Efternamn'))} />
      </Field>
      <Field id={`${prefix}-arskurs`} label="Årskurs">
        <select id={`${prefix}-arskurs`} {...register('arskurs')}>
          <ArskursOptions />
        </select>
      </Field>
      <Field id={`${prefix}-klass`} label="Klass">
        <select id={`${prefix}-klass`} {...register('klassId')}>
          <option value="">Ingen klass</option>
          {klassOptions.map((g) => (
            <option key={g.id} value={String(g.id)}>
              {g.namn}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${prefix}-mentor`} label="Mentor">
        <select id={`${prefix}-mentor`} {...register('mentorId')}>
          <option value="">Ingen mentor</option>
          {mentorer.map((p) => (
            <option key={p.id} value={String(p.id)}>
              {p.namn}
            </option>
          ))}
        </select>
      </Field>
      <label className="checkbox" htmlFor={`${prefix}-sarskild`}>
        <input id={`${prefix}-sarskild`} type="checkbox" {...register('sarskildUndervisningsgrupp')} />
        Särskild undervisningsgrupp
      </label>
      <label className="checkbox" htmlFor={`${prefix}-nyanland`}>
        <input id={`${prefix}-nyanland`} type="checkbox" {...register('nyanland')} />
        Nyanländ
      </label>
    </>
  );
}

export function ElevRowEditor({ elev, close, report }: { elev: Elev; close(how: CloseHow): void; report: SaveReporter }) {
  const form = useForm<ElevValues>({ defaultValues: elevValues(elev) });
  const onError = useCallback((e: unknown) => report.failed(errorText(e)), [report]);
  const choices = useElevChoices(onError);
  useLayoutEffect(() => form.setFocus('fornamn'), [form]);
  const save = async (v: ElevValues) => {
    report.saving();
    const updated = await saveElev(elev, v);
    report.saved(elevNamn(updated ?? elev));
  };
  return (
    <InlineEditForm label={`Ändra ${elevNamn(elev)}`} form={form} save={save} close={close} report={report}>
      <div className="inline-edit-fields">
        <ElevFields prefix={`elev-${elev.id}`} form={form} choices={choices} elev={elev} />
      </div>
    </InlineEditForm>
  );
}

export function NyElevForm({ onCreated, onCancel }: { onCreated(e: Elev): void; onCancel(): void }) {
  const [error, setError] = useState<string | null>(null);
  const onError = useCallback((e: unknown) => setError(errorText(e)), []);
  const choices = useElevChoices(onError);
  const form = useForm<ElevValues>({
    defaultValues: { fornamn: '', efternamn: '', arskurs: '7', klassId: '', mentorId: '', sarskildUndervisningsgrupp: false, nyanland: false },
  });
  useLayoutEffect(() => form.setFocus('fornamn'), [form]);
  const submit = form.handleSubmit(async (v) => {
    setError(null);
    try {
      const elev = await call('elev:create', elevArgs(v));
      useApp.getState().upsertElev(elev);
      if (elev.klassId !== null && useRegisterData.getState().grupper !== null) void useRegisterData.getState().loadGrupper();
      onCreated(elev);
    } catch (e) {
      setError(errorText(e));
    }
  });
  return (
    <RegisterNyForm id="ny-elev" title="Ny elev" submitLabel="Spara eleven" submitting={form.formState.isSubmitting} error={error}
      onSubmit={() => void submit()} onCancel={onCancel}>
      <div className="field-row">
        <ElevFields prefix="ny-elev" form={form} choices={choices} />
      </div>
    </RegisterNyForm>
  );
}
