// Personal: staff with their roles and e-post; inline editing and "Ny personal". Staff who leave are marked, never
// deleted, because their insatser and meetings stay in the history.
import { useEffect, useLayoutEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Personal, Roll } from '../../../shared/model';
import { ROLL_TEXT } from '../../../shared/labels';
import { call, errorText } from '../api';
import { personalNamn } from '../format';
import { useApp } from '../store';
import { Field, describedBy } from '../components/Field';
import { InlineEditForm, useSaveState, type CloseHow, type SaveReporter } from './InlineEdit';
import { RegisterList } from './List';
import { RegisterNyForm, RollerFieldset, changedFields } from './Forms';
import { useFocusOnMount } from '../components/useFocusOnMount';
import type { Column } from '../components/VirtualList';

const rollText = (p: Personal) => p.roller.map((r) => ROLL_TEXT[r]).join(', ') || '–';

const COLUMNS: Column<Personal>[] = [
  { key: 'namn', header: 'Namn', render: (p) => `${p.efternamn}, ${p.fornamn}`, className: 'cell-name' },
  { key: 'roller', header: 'Roller', render: rollText },
  { key: 'epost', header: 'E-post', render: (p) => p.epost ?? '–' },
  { key: 'status', header: 'Status', render: (p) => (p.aktiv ? 'Arbetar' : <span className="tag tag-slutat">Slutat</span>) },
];
const TEMPLATE = 'minmax(12rem, 1.4fr) minmax(14rem, 2fr) minmax(12rem, 1.4fr) 6rem';

interface PersonalValues {
  fornamn: string;
  efternamn: string;
  epost: string;
  roller: Roll[];
  aktiv: boolean;
}

const NAMN_REGLER = (falt: string) => ({
  validate: (x: string) => x.trim() !== '' || `${falt} får inte vara tomt.`,
  maxLength: { value: 100, message: `${falt} får vara högst 100 tecken.` },
});

function PersonalEditor({ person, close, report }: { person: Personal; close(how: CloseHow): void; report: SaveReporter }) {
  const upsertPersonal = useApp((s) => s.upsertPersonal);
  const before: PersonalValues = { fornamn: person.fornamn, efternamn: person.efternamn, epost: person.epost ?? '', roller: person.roller, aktiv: person.aktiv };
  const form = useForm<PersonalValues>({ defaultValues: before });
  const { register, formState: { errors } } = form;
  useLayoutEffect(() => form.setFocus('fornamn'), [form]);

  const save = async (v: PersonalValues) => {
    const { aktiv, ...changes } = changedFields(before, { ...v, fornamn: v.fornamn.trim(), efternamn: v.efternamn.trim(), epost: v.epost.trim() });
    if (Object.keys(changes).length === 0 && aktiv === undefined) return;
    report.saving();
    let updated = person;
    if (Object.keys(changes).length > 0) updated = await call('personal:update', { id: person.id, ...changes });
    if (aktiv !== undefined) updated = await call('personal:setAktiv', { id: person.id, aktiv });
    upsertPersonal(updated);
    report.saved(personalNamn(updated));
  };

  const p = `personal-${person.id}`;
  return (
    <InlineEditForm label={`Ändra ${personalNamn(person)}`} form={form} save={save} close={close} report={report}>
      <div className="inline-edit-fields">
        <Field id={`${p}-fornamn`} label="Förnamn" error={errors.fornamn?.message}>
          <input type="text" {...describedBy(`${p}-fornamn`, errors.fornamn?.message)} {...register('fornamn', NAMN_REGLER('Förnamn'))} />
        </Field>
        <Field id={`${p}-efternamn`} label="Efternamn" error={errors.efternamn?.message}>
          <input type="text" {...describedBy(`${p}-efternamn`, errors.efternamn?.message)} {...register('efternamn', NAMN_REGLER('Efternamn'))} />
        </Field>
        <Field id={`${p}-epost`} label="E-post">
          <input type="text" inputMode="email" {...describedBy(`${p}-epost`, undefined)} {...register('epost')} />
        </Field>
        <label className="checkbox" htmlFor={`${p}-aktiv`}>
          <input id={`${p}-aktiv`} type="checkbox" {...register('aktiv')} />
          Arbetar kvar
        </label>
      </div>
      <RollerFieldset idPrefix={p} field={register('roller')} compact />
    </InlineEditForm>
  );
}

function NyPersonalForm({ onCreated, onCancel }: { onCreated(p: Personal): void; onCancel(): void }) {
  const [error, setError] = useState<string | null>(null);
  const first = useFocusOnMount<HTMLInputElement>();
  const { register, handleSubmit, formState: { errors, isSubmitting } } = useForm<PersonalValues>({
    defaultValues: { fornamn: '', efternamn: '', epost: '', roller: [], aktiv: true },
  });
  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      onCreated(await call('personal:create', { fornamn: v.fornamn.trim(), efternamn: v.efternamn.trim(), epost: v.epost.trim(), roller: v.roller }));
    } catch (e) {
      setError(errorText(e));
    }
  });
  const { ref, ...fornamn } = register('fornamn', NAMN_REGLER('Förnamn'));
  return (
    <RegisterNyForm id="ny-personal" title="Ny personal" submitLabel="Spara personen" submitting={isSubmitting} error={error}
      onSubmit={() => void submit()} onCancel={onCancel}>
      <div className="field-row">
        <Field id="ny-personal-fornamn" label="Förnamn" error={errors.fornamn?.message}>
          <input type="text" {...describedBy('ny-personal-fornamn', errors.fornamn?.message)} {...fornamn}
            ref={(el) => { ref(el); first.current = el; }} />
        </Field>
        <Field id="ny-personal-efternamn" label="Efternamn" error={errors.efternamn?.message}>
          <input type="text" {...describedBy('ny-personal-efternamn', errors.efternamn?.message)} {...register('efternamn', NAMN_REGLER('Efternamn'))} />
        </Field>
        <Field id="ny-personal-epost" label="E-post (valfritt)">
          <input type="text" inputMode="email" id="ny-personal-epost" {...register('epost')} />
        </Field>
      </div>
      <RollerFieldset idPrefix="ny-personal" field={register('roller')} />
    </RegisterNyForm>
  );
}

const searchText = (p: Personal) => `${p.fornamn} ${p.efternamn} ${p.efternamn} ${p.fornamn} ${rollText(p)} ${p.epost ?? ''}`;

export function RegisterPersonal({ creating, setCreating }: { creating: boolean; setCreating(v: boolean): void }) {
  const personal = useApp((s) => s.personal);
  const { loadPersonal, upsertPersonal } = useApp.getState();
  const [status, report] = useSaveState();
  const [activeRequest, setActiveRequest] = useState<number | null>(null);

  useEffect(() => {
    if (personal === null) loadPersonal().catch((e: unknown) => report.failed(errorText(e)));
  }, [personal, loadPersonal, report]);

  return (
    <>
      {creating && (
        <NyPersonalForm
          onCancel={() => setCreating(false)}
          onCreated={(p) => {
            upsertPersonal(p);
            setCreating(false);
            setActiveRequest(p.id);
            report.saved(`${personalNamn(p)} är tillagd`);
          }}
        />
      )}
      <RegisterList
        id="personallista"
        label="Personal"
        searchLabel="Sök personal"
        placeholder="Namn, roll eller e-post"
        items={personal}
        columns={COLUMNS}
        template={TEMPLATE}
        searchText={searchText}
        noun="personer"
        editorHeight={200}
        renderEditor={(p, close, r) => <PersonalEditor key={p.id} person={p} close={close} report={r} />}
        status={status}
        report={report}
        activeRequest={activeRequest}
      />
    </>
  );
}
