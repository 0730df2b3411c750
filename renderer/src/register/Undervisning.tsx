// Undervisning: who teaches which group in which subject this läsår (teacher × group × subject).
import { useEffect, useLayoutEffect, useState } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import type { Amne, Grupp, Undervisning } from '../../../shared/channels/register';
import type { Personal } from '../../../shared/model';
import { call, errorText } from '../api';
import { personalMedRoller } from '../format';
import { useApp } from '../store';
import { Field, describedBy } from '../components/Field';
import { loadOnce, useRegisterData } from './data';
import { RegisterNyForm, changedFields } from './Forms';
import { InlineEditForm, useSaveState, type CloseHow, type SaveReporter } from './InlineEdit';
import { RegisterList } from './List';
import type { Column } from '../components/VirtualList';

const COLUMNS: Column<Undervisning>[] = [
  { key: 'grupp', header: 'Grupp', render: (u) => u.grupp, className: 'cell-name' },
  { key: 'amne', header: 'Ämne', render: (u) => `${u.amne} (${u.amneKod})` },
  { key: 'larare', header: 'Lärare', render: (u) => u.larare },
];
const TEMPLATE = 'minmax(10rem, 1fr) minmax(14rem, 2fr) minmax(12rem, 1.5fr)';

interface UndervisningValues {
  personalId: string;
  gruppId: string;
  amneId: string;
}

interface Choices {
  personal: Personal[];
  grupper: Grupp[];
  amnen: Amne[];
}

const toArgs = (v: UndervisningValues) => ({ personalId: Number(v.personalId), gruppId: Number(v.gruppId), amneId: Number(v.amneId) });

function UndervisningFields({ prefix, form, choices }: { prefix: string; form: UseFormReturn<UndervisningValues>; choices: Choices }) {
  const { register, formState: { errors } } = form;
  const select = (name: keyof UndervisningValues, label: string, empty: string, options: { id: number; text: string }[]) => (
    <Field id={`${prefix}-${name}`} label={label} error={errors[name]?.message}>
      <select {...describedBy(`${prefix}-${name}`, errors[name]?.message)} {...register(name, { required: `Välj ${label.toLowerCase()}.` })}>
        <option value="">{empty}</option>
        {options.map((o) => (
          <option key={o.id} value={String(o.id)}>
            {o.text}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <>
      {select('personalId', 'Lärare', 'Välj lärare', choices.personal.filter((p) => p.aktiv).map((p) => ({ id: p.id, text: personalMedRoller(p) })))}
      {select('gruppId', 'Grupp', 'Välj grupp', choices.grupper.map((g) => ({ id: g.id, text: g.namn })))}
      {select('amneId', 'Ämne', 'Välj ämne', choices.amnen.map((a) => ({ id: a.id, text: `${a.kod} – ${a.namn}` })))}
    </>
  );
}

interface EditorProps {
  u: Undervisning;
  choices: Choices;
  close(how: CloseHow): void;
  report: SaveReporter;
}

function UndervisningEditor({ u, choices, close, report }: EditorProps) {
  const { upsertUndervisning, removeUndervisning } = useRegisterData.getState();
  const before = { personalId: String(u.personalId), gruppId: String(u.gruppId), amneId: String(u.amneId) };
  const form = useForm<UndervisningValues>({ defaultValues: before });
  useLayoutEffect(() => form.setFocus('personalId'), [form]);
  const save = async (v: UndervisningValues) => {
    const changes = changedFields(toArgs(before), toArgs(v));
    if (Object.keys(changes).length === 0) return;
    report.saving();
    const updated = await call('undervisning:update', { id: u.id, ...changes });
    upsertUndervisning(updated);
    report.saved(`${updated.larare}, ${updated.grupp}, ${updated.amne}`);
  };
  const remove = async () => {
    if (!window.confirm(`Ta bort undervisningen ${u.grupp} ${u.amne} (${u.larare})?`)) return;
    try {
      await call('undervisning:delete', { id: u.id });
      removeUndervisning(u.id);
      report.saved(`undervisningen ${u.grupp} ${u.amne} är borttagen`);
      close('keyboard');
    } catch (e) {
      report.failed(errorText(e));
    }
  };
  return (
    <InlineEditForm label={`Ändra undervisningen ${u.grupp} ${u.amne}`} form={form} save={save} close={close} report={report}>
      <div className="inline-edit-fields">
        <UndervisningFields prefix={`undervisning-${u.id}`} form={form} choices={choices} />
        <button type="button" className="button danger" onClick={() => void remove()}>
          Ta bort
        </button>
      </div>
    </InlineEditForm>
  );
}

function NyUndervisningForm({ choices, onCreated, onCancel }: { choices: Choices; onCreated(u: Undervisning): void; onCancel(): void }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<UndervisningValues>({ defaultValues: { personalId: '', gruppId: '', amneId: '' } });
  useLayoutEffect(() => form.setFocus('personalId'), [form]);
  const submit = form.handleSubmit(async (v) => {
    setError(null);
    try {
      onCreated(await call('undervisning:create', toArgs(v)));
    } catch (e) {
      setError(errorText(e));
    }
  });
  return (
    <RegisterNyForm id="ny-undervisning" title="Ny undervisning" submitLabel="Spara undervisningen" submitting={form.formState.isSubmitting}
      error={error} onSubmit={() => void submit()} onCancel={onCancel}>
      <div className="field-row">
        <UndervisningFields prefix="ny-undervisning" form={form} choices={choices} />
      </div>
    </RegisterNyForm>
  );
}

const searchText = (u: Undervisning) => `${u.grupp} ${u.amne} ${u.amneKod} ${u.larare}`;

export function RegisterUndervisning({ creating, setCreating }: { creating: boolean; setCreating(v: boolean): void }) {
  const undervisning = useRegisterData((s) => s.undervisning);
  const grupper = useRegisterData((s) => s.grupper);
  const amnen = useRegisterData((s) => s.amnen);
  const personal = useApp((s) => s.personal);
  const [status, report] = useSaveState();
  const [activeRequest, setActiveRequest] = useState<number | null>(null);

  useEffect(() => {
    const fail = (e: unknown) => report.failed(errorText(e));
    const data = useRegisterData.getState();
    loadOnce(undervisning, data.loadUndervisning, fail);
    loadOnce(grupper, data.loadGrupper, fail);
    loadOnce(amnen, data.loadAmnen, fail);
    loadOnce(personal, useApp.getState().loadPersonal, fail);
  }, [undervisning, grupper, amnen, personal, report]);

  const choices: Choices = { personal: personal ?? [], grupper: grupper ?? [], amnen: amnen ?? [] };
  return (
    <>
      {creating && (
        <NyUndervisningForm
          choices={choices}
          onCancel={() => setCreating(false)}
          onCreated={(u) => {
            useRegisterData.getState().upsertUndervisning(u);
            setCreating(false);
            setActiveRequest(u.id);
            report.saved(`${u.larare} undervisar ${u.grupp} i ${u.amne}`);
          }}
        />
      )}
      <RegisterList
        id="undervisningslista"
        label="Undervisning"
        searchLabel="Sök undervisning"
        placeholder="Grupp, ämne eller lärare, t.ex. ”7B MA”"
        items={undervisning}
        columns={COLUMNS}
        template={TEMPLATE}
        searchText={searchText}
        noun="undervisningar"
        editorHeight={130}
        renderEditor={(u, close, r) => <UndervisningEditor key={u.id} u={u} choices={choices} close={close} report={r} />}
        status={status}
        report={report}
        activeRequest={activeRequest}
      />
    </>
  );
}
