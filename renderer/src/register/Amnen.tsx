// Ämnen: the grundskola subjects with their codes (preloaded), plus the languages of moderna språk and modersmål.
import { useEffect, useLayoutEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { SPRAK_KODER, harSprak, type Amne } from '../../../shared/channels/register';
import { amneNamn } from '../../../shared/domain/subjects';
import { call, errorText } from '../api';
import { Field, describedBy } from '../components/Field';
import { useRegisterData } from './data';
import { RegisterNyForm, changedFields } from './Forms';
import { InlineEditForm, useSaveState, type CloseHow, type SaveReporter } from './InlineEdit';
import { RegisterList } from './List';
import type { Column } from '../components/VirtualList';

const COLUMNS: Column<Amne>[] = [
  { key: 'kod', header: 'Kod', render: (a) => a.kod, className: 'cell-name' },
  { key: 'namn', header: 'Namn', render: (a) => a.namn },
  { key: 'sprak', header: 'Språk', render: (a) => a.sprak || (harSprak(a.kod) ? 'Inget angivet' : '–') },
];
const TEMPLATE = '6rem minmax(16rem, 3fr) minmax(10rem, 1fr)';

interface AmneValues {
  namn: string;
  sprak: string;
}

function AmneEditor({ amne, close, report }: { amne: Amne; close(how: CloseHow): void; report: SaveReporter }) {
  const upsertAmne = useRegisterData((s) => s.upsertAmne);
  const before = { namn: amne.namn, sprak: amne.sprak };
  const form = useForm<AmneValues>({ defaultValues: before });
  const { register, formState: { errors } } = form;
  useLayoutEffect(() => form.setFocus('namn'), [form]);
  const save = async (v: AmneValues) => {
    const changes = changedFields(before, { namn: v.namn.trim(), sprak: v.sprak.trim() });
    if (Object.keys(changes).length === 0) return;
    report.saving();
    const updated = await call('amne:update', { id: amne.id, ...changes });
    upsertAmne(updated);
    report.saved(`${updated.kod} ${updated.namn}`);
  };
  const p = `amne-${amne.id}`;
  return (
    <InlineEditForm label={`Ändra ämnet ${amne.namn}`} form={form} save={save} close={close} report={report}>
      <div className="inline-edit-fields">
        <Field id={`${p}-namn`} label="Namn" error={errors.namn?.message}>
          <input type="text" {...describedBy(`${p}-namn`, errors.namn?.message)}
            {...register('namn', { validate: (x) => x.trim() !== '' || 'Ämnets namn får inte vara tomt.' })} />
        </Field>
        {harSprak(amne.kod) && (
          <Field id={`${p}-sprak`} label="Språk">
            <input type="text" id={`${p}-sprak`} {...register('sprak')} />
          </Field>
        )}
      </div>
    </InlineEditForm>
  );
}

interface NyAmneValues {
  kod: string;
  annanKod: string;
  sprak: string;
  namn: string;
}

function NyAmneForm({ onCreated, onCancel }: { onCreated(a: Amne): void; onCancel(): void }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<NyAmneValues>({ defaultValues: { kod: 'M2', annanKod: '', sprak: '', namn: '' } });
  const { register, watch, formState: { errors } } = form;
  const kod = watch('kod');
  const sprak = watch('sprak');
  useLayoutEffect(() => form.setFocus('kod'), [form]);
  const submit = form.handleSubmit(async (v) => {
    setError(null);
    const valdKod = v.kod === 'annat' ? v.annanKod.trim() : v.kod;
    try {
      onCreated(await call('amne:create', { kod: valdKod, sprak: harSprak(valdKod) ? v.sprak.trim() : '', namn: v.namn.trim() }));
    } catch (e) {
      setError(errorText(e));
    }
  });
  const forslag = kod !== 'annat' && sprak.trim() ? `${amneNamn(kod)} – ${sprak.trim()}` : '';
  return (
    <RegisterNyForm id="nytt-amne" title="Nytt ämne" submitLabel="Spara ämnet" submitting={form.formState.isSubmitting} error={error}
      onSubmit={() => void submit()} onCancel={onCancel}>
      <p className="muted">Lägg till språket för moderna språk (M1, M2) eller modersmål (ML), eller ett eget ämne.</p>
      <div className="field-row">
        <Field id="nytt-amne-kod" label="Ämne">
          <select id="nytt-amne-kod" {...register('kod')}>
            {SPRAK_KODER.map((k) => (
              <option key={k} value={k}>
                {k} – {amneNamn(k)}
              </option>
            ))}
            <option value="annat">Annat ämne (egen kod)</option>
          </select>
        </Field>
        {kod === 'annat' && (
          <Field id="nytt-amne-annan" label="Kod" error={errors.annanKod?.message}>
            <input type="text" {...describedBy('nytt-amne-annan', errors.annanKod?.message)}
              {...register('annanKod', { validate: (x) => /^[A-Za-zÅÄÖåäö0-9]{1,6}$/.test(x.trim()) || 'Koden ska vara 1–6 bokstäver eller siffror.' })} />
          </Field>
        )}
        {kod !== 'annat' && (
          <Field id="nytt-amne-sprak" label="Språk" hint="T.ex. Spanska, Arabiska" error={errors.sprak?.message}>
            <input type="text" {...describedBy('nytt-amne-sprak', errors.sprak?.message, true)}
              {...register('sprak', { validate: (x) => x.trim() !== '' || 'Ange vilket språk det gäller.' })} />
          </Field>
        )}
        <Field id="nytt-amne-namn" label={kod === 'annat' ? 'Namn' : 'Namn (valfritt)'} hint={forslag ? `Blir ”${forslag}” om du lämnar tomt` : undefined}
          error={errors.namn?.message}>
          <input type="text" {...describedBy('nytt-amne-namn', errors.namn?.message, Boolean(forslag))}
            {...register('namn', { validate: (x) => kod !== 'annat' || x.trim() !== '' || 'Ange ämnets namn.' })} />
        </Field>
      </div>
    </RegisterNyForm>
  );
}

const searchText = (a: Amne) => `${a.kod} ${a.namn} ${a.sprak}`;

export function RegisterAmnen({ creating, setCreating }: { creating: boolean; setCreating(v: boolean): void }) {
  const amnen = useRegisterData((s) => s.amnen);
  const { loadAmnen, upsertAmne } = useRegisterData.getState();
  const [status, report] = useSaveState();
  const [activeRequest, setActiveRequest] = useState<number | null>(null);

  useEffect(() => {
    if (amnen === null) loadAmnen().catch((e: unknown) => report.failed(errorText(e)));
  }, [amnen, loadAmnen, report]);

  return (
    <>
      {creating && (
        <NyAmneForm
          onCancel={() => setCreating(false)}
          onCreated={(a) => {
            upsertAmne(a);
            setCreating(false);
            setActiveRequest(a.id);
            report.saved(`${a.namn} är tillagt`);
          }}
        />
      )}
      <RegisterList
        id="amneslista"
        label="Ämnen"
        searchLabel="Sök ämne"
        placeholder="Kod, namn eller språk"
        items={amnen}
        columns={COLUMNS}
        template={TEMPLATE}
        searchText={searchText}
        noun="ämnen"
        editorHeight={130}
        renderEditor={(a, close, r) => <AmneEditor key={a.id} amne={a} close={close} report={r} />}
        status={status}
        report={report}
        activeRequest={activeRequest}
      />
    </>
  );
}
