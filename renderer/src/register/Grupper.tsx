// Grupper: the classes and teaching groups of the current läsår, with årskurs and number of pupils.
import { useEffect, useLayoutEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Grupp } from '../../../shared/channels/register';
import { GRUPP_TYPER, type GruppTyp } from '../../../shared/model';
import { GRUPP_TYP_TEXT, arskursText } from '../../../shared/labels';
import { call, errorText } from '../api';
import { antalText } from '../format';
import { Field, describedBy } from '../components/Field';
import { useRegisterData } from './data';
import { ArskursOptions, RegisterNyForm, changedFields } from './Forms';
import { InlineEditForm, useSaveState, type CloseHow, type SaveReporter } from './InlineEdit';
import { RegisterList } from './List';
import type { Column } from '../components/VirtualList';

const COLUMNS: Column<Grupp>[] = [
  { key: 'namn', header: 'Namn', render: (g) => g.namn, className: 'cell-name' },
  { key: 'typ', header: 'Typ', render: (g) => GRUPP_TYP_TEXT[g.typ] },
  { key: 'arskurs', header: 'Årskurs', render: (g) => (g.arskurs === null ? 'Flera' : arskursText(g.arskurs)) },
  { key: 'elever', header: 'Elever', render: (g) => antalText(g.antalElever) },
];
const TEMPLATE = 'minmax(12rem, 2fr) minmax(10rem, 1.5fr) 6rem 6rem';

interface GruppValues {
  namn: string;
  typ: GruppTyp;
  arskurs: string;
}

const NAMN_REGLER = {
  validate: (x: string) => x.trim() !== '' || 'Gruppens namn får inte vara tomt.',
  maxLength: { value: 60, message: 'Gruppens namn får vara högst 60 tecken.' },
};

function toArgs(v: GruppValues) {
  return { namn: v.namn.trim(), typ: v.typ, arskurs: v.arskurs === '' ? null : Number(v.arskurs) };
}

function GruppFields({ prefix, form }: { prefix: string; form: ReturnType<typeof useForm<GruppValues>> }) {
  const { register, formState: { errors } } = form;
  return (
    <>
      <Field id={`${prefix}-namn`} label="Namn" error={errors.namn?.message}>
        <input type="text" {...describedBy(`${prefix}-namn`, errors.namn?.message)} {...register('namn', NAMN_REGLER)} />
      </Field>
      <Field id={`${prefix}-typ`} label="Typ">
        <select id={`${prefix}-typ`} {...register('typ')}>
          {GRUPP_TYPER.map((t) => (
            <option key={t} value={t}>
              {GRUPP_TYP_TEXT[t]}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${prefix}-arskurs`} label="Årskurs">
        <select id={`${prefix}-arskurs`} {...register('arskurs')}>
          <ArskursOptions ingen="Flera årskurser" />
        </select>
      </Field>
    </>
  );
}

function GruppEditor({ grupp, close, report }: { grupp: Grupp; close(how: CloseHow): void; report: SaveReporter }) {
  const upsertGrupp = useRegisterData((s) => s.upsertGrupp);
  const before = { namn: grupp.namn, typ: grupp.typ, arskurs: grupp.arskurs === null ? '' : String(grupp.arskurs) };
  const form = useForm<GruppValues>({ defaultValues: before });
  useLayoutEffect(() => form.setFocus('namn'), [form]);
  const save = async (v: GruppValues) => {
    const changes = changedFields(toArgs(before), toArgs(v));
    if (Object.keys(changes).length === 0) return;
    report.saving();
    const updated = await call('grupp:update', { id: grupp.id, ...changes });
    upsertGrupp(updated);
    report.saved(updated.namn);
  };
  return (
    <InlineEditForm label={`Ändra gruppen ${grupp.namn}`} form={form} save={save} close={close} report={report}>
      <div className="inline-edit-fields">
        <GruppFields prefix={`grupp-${grupp.id}`} form={form} />
      </div>
    </InlineEditForm>
  );
}

function NyGruppForm({ onCreated, onCancel }: { onCreated(g: Grupp): void; onCancel(): void }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<GruppValues>({ defaultValues: { namn: '', typ: 'klass', arskurs: '' } });
  useLayoutEffect(() => form.setFocus('namn'), [form]);
  const submit = form.handleSubmit(async (v) => {
    setError(null);
    try {
      onCreated(await call('grupp:create', toArgs(v)));
    } catch (e) {
      setError(errorText(e));
    }
  });
  return (
    <RegisterNyForm id="ny-grupp" title="Ny grupp" submitLabel="Spara gruppen" submitting={form.formState.isSubmitting} error={error}
      onSubmit={() => void submit()} onCancel={onCancel}>
      <p className="muted">Gruppen hör till det aktuella läsåret.</p>
      <div className="field-row">
        <GruppFields prefix="ny-grupp" form={form} />
      </div>
    </RegisterNyForm>
  );
}

const searchText = (g: Grupp) => `${g.namn} ${GRUPP_TYP_TEXT[g.typ]} ${g.arskurs === null ? '' : `åk ${arskursText(g.arskurs)}`}`;

export function RegisterGrupper({ creating, setCreating }: { creating: boolean; setCreating(v: boolean): void }) {
  const grupper = useRegisterData((s) => s.grupper);
  const { loadGrupper, upsertGrupp } = useRegisterData.getState();
  const [status, report] = useSaveState();
  const [activeRequest, setActiveRequest] = useState<number | null>(null);

  useEffect(() => {
    if (grupper === null) loadGrupper().catch((e: unknown) => report.failed(errorText(e)));
  }, [grupper, loadGrupper, report]);

  return (
    <>
      {creating && (
        <NyGruppForm
          onCancel={() => setCreating(false)}
          onCreated={(g) => {
            upsertGrupp(g);
            setCreating(false);
            setActiveRequest(g.id);
            report.saved(`${g.namn} är tillagd`);
          }}
        />
      )}
      <RegisterList
        id="grupplista"
        label="Grupper"
        searchLabel="Sök grupp"
        placeholder="Namn eller årskurs, t.ex. ”7B”"
        items={grupper}
        columns={COLUMNS}
        template={TEMPLATE}
        searchText={searchText}
        noun="grupper"
        editorHeight={130}
        renderEditor={(g, close, r) => <GruppEditor key={g.id} grupp={g} close={close} report={r} />}
        status={status}
        report={report}
        activeRequest={activeRequest}
      />
    </>
  );
}
