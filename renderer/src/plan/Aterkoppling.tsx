// Återkoppling (seed 001): "Var tydlig med att ange vad i planen du vill ha återkoppling på." A request names a
// version, a reader and the parts to comment on, and downloads the plan to send; the answer is recorded later.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Aterkoppling, ExportFormat, PlanVersionInfo } from '../../../shared/channels/plan';
import { PLAN_DELAR } from '../../../shared/domain/index';
import { call, errorText } from '../api';
import { datumMedAr, todayIso } from '../format';
import { useApp } from '../store';
import { AutosaveStatus } from '../components/AutosaveStatus';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field, describedBy } from '../components/Field';
import { downloadFil } from '../components/downloadFil';
import { useAutosave } from '../components/useAutosave';

interface BegaranValues {
  versionId: string;
  till: string;
  delar: string[];
  meddelande: string;
  format: ExportFormat;
}

function Begaran({ versioner, onCreated }: { versioner: PlanVersionInfo[]; onCreated: () => void }) {
  const announce = useApp((s) => s.announce);
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, reset, formState } = useForm<BegaranValues>({
    defaultValues: { versionId: String(versioner[0]?.id ?? ''), till: '', delar: [], meddelande: '', format: 'pdf' },
  });
  const submit = handleSubmit(async (v) => {
    try {
      const { aterkoppling, fil } = await call('aterkoppling:create', { versionId: Number(v.versionId), till: v.till, delar: v.delar, meddelande: v.meddelande, format: v.format });
      downloadFil(fil);
      reset({ ...v, till: '', delar: [], meddelande: '' });
      setError(null);
      announce(`Begäran till ${aterkoppling.till} är sparad och ${fil.filnamn} är nedladdad. Skicka filen till mottagaren.`);
      onCreated();
    } catch (e) {
      setError(errorText(e));
    }
  });
  const e = formState.errors;
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="begaran-rubrik">
      <h2 id="begaran-rubrik">Be om återkoppling</h2>
      <p className="hint">
        Vill du få återkoppling på er gemensamma plan? Fundera över om det finns någon i er organisation som kan läsa igenom och ge återkoppling. Var tydlig med att ange vad
        i planen du vill ha återkoppling på.
      </p>
      <ErrorAlert message={error} />
      <div className="field-row">
        <Field id="begaran-version" label="Version">
          <select id="begaran-version" {...register('versionId')}>
            {versioner.map((v) => (
              <option key={v.id} value={v.id}>
                Version {v.nummer}
                {v.isBaseline ? ' (baslinje)' : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field id="begaran-till" label="Till" hint="Vem ska läsa planen, t.ex. förstelärargruppen eller EHT." error={e.till?.message}>
          <input type="text" {...describedBy('begaran-till', e.till?.message, true)} {...register('till', { validate: (t) => t.trim() !== '' || 'Skriv vem som ska ge återkoppling.' })} />
        </Field>
      </div>
      <fieldset className="plan-delar" aria-describedby={e.delar ? 'begaran-delar-error' : undefined}>
        <legend>Återkoppling önskas på</legend>
        {PLAN_DELAR.map((d) => (
          <label key={d.key} className="checkbox">
            <input type="checkbox" value={d.key} {...register('delar', { validate: (x) => x.length > 0 || 'Välj minst en del av planen.' })} />
            {d.namn}
          </label>
        ))}
        {e.delar && (
          <p className="field-error" id="begaran-delar-error">
            {e.delar.message}
          </p>
        )}
      </fieldset>
      <Field id="begaran-meddelande" label="Meddelande (valfritt)">
        <textarea id="begaran-meddelande" rows={2} {...register('meddelande')} />
      </Field>
      <fieldset className="plan-format">
        <legend>Format</legend>
        <label className="checkbox">
          <input type="radio" value="pdf" {...register('format')} /> PDF
        </label>
        <label className="checkbox">
          <input type="radio" value="docx" {...register('format')} /> Word (DOCX)
        </label>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={formState.isSubmitting}>
          Spara begäran och ladda ned planen
        </button>
      </div>
    </form>
  );
}

function Svar({ a, onSaved }: { a: Aterkoppling; onSaved: (a: Aterkoppling) => void }) {
  const { register, getValues } = useForm({ defaultValues: { svar: a.svar, mottagen: a.mottagen ?? todayIso() } });
  // The answer is often pasted from an e-mail: autosaved like every long text, with the date it came.
  const autosave = useAutosave(
    `aterkoppling.${a.id}`,
    (v: { svar: string; mottagen: string }) => ({ channel: 'aterkoppling:svar', args: { id: a.id, svar: v.svar, mottagen: v.mottagen } }),
    onSaved,
  );
  useEffect(() => {
    const draft = autosave.reconcile(getValues(), a.mottagen === null && a.svar === '' ? null : '9999');
    if (draft.svar !== a.svar) onSaved({ ...a, svar: draft.svar });
    // Once: a stored answer always wins over an older local draft.
  }, []);
  const save = () => autosave.change(getValues());
  const delar = a.delar.map((k) => PLAN_DELAR.find((d) => d.key === k)?.namn ?? k).join(', ');
  return (
    <li className="card plan-aterkoppling">
      <h3>
        Till {a.till} – version {a.versionNummer}
      </h3>
      <p className="muted">
        Skickad {datumMedAr(a.skickad)}
        {a.filnamn ? ` (${a.filnamn})` : ''}. Återkoppling önskas på: {delar}.
      </p>
      {a.meddelande && <p>{a.meddelande}</p>}
      <form onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={`svar-${a.id}`}>Återkoppling från {a.till}</label>
          <textarea id={`svar-${a.id}`} rows={3} {...register('svar', { onChange: save, onBlur: () => void autosave.flush() })} />
        </div>
        <div className="form-actions">
          <label className="plan-inline-label">
            <span>Mottagen</span>
            <input type="date" {...register('mottagen', { required: true, onChange: save })} />
          </label>
          <AutosaveStatus state={autosave.state} />
        </div>
      </form>
    </li>
  );
}

export function PlanAterkoppling({ versioner }: { versioner: PlanVersionInfo[] }) {
  const [list, setList] = useState<Aterkoppling[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = () =>
    call('aterkoppling:list', {})
      .then(setList)
      .catch((e: unknown) => setError(errorText(e)));
  useEffect(() => void reload(), []);

  if (versioner.length === 0) {
    return <p className="muted">Spara planen som en version först (under Versioner). Återkopplingen knyts till den version den gäller.</p>;
  }
  return (
    <>
      <Begaran versioner={versioner} onCreated={() => void reload()} />
      <ErrorAlert message={error} title="Begäranden kunde inte hämtas" />
      <section className="section" aria-labelledby="begaranden-rubrik">
        <h2 id="begaranden-rubrik">Begäranden och svar</h2>
        {list && list.length === 0 && <p className="muted">Ingen begäran om återkoppling ännu.</p>}
        <ul className="plan-aterkoppling-list">
          {list?.map((a) => (
            <Svar key={a.id} a={a} onSaved={(n) => setList((l) => l?.map((x) => (x.id === n.id ? n : x)) ?? null)} />
          ))}
        </ul>
      </section>
    </>
  );
}
