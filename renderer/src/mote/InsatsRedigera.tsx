// A new insats decided at the meeting, editable in the summary before closing; every change autosaves.
import { useForm } from 'react-hook-form';
import { datum } from '../format';
import type { AgendaPerson } from '../../../shared/channels/mote';
import type { Insats } from '../../../shared/model';
import { AutosaveStatus } from '../components/AutosaveStatus';
import { useMoteKo } from './ko';
import { useAutosave } from '../components/useAutosave';

interface Values {
  beskrivning: string;
  forvantadEffekt: string;
  genomforsAvId: string;
  aterkopplarId: string;
  startdatum: string;
}

export function MoteInsatsRedigera({ moteId, insats, galler, personal, las }: { moteId: number; insats: Insats; galler: string; personal: AgendaPerson[]; las: boolean }) {
  const setAgenda = useMoteKo((s) => s.setAgenda);
  const autosave = useAutosave(`moteinsats.${insats.id}`, (v: Values) => ({
    channel: 'mote:insatsUpdate',
    args: {
      moteId, insatsId: insats.id, beskrivning: v.beskrivning, forvantadEffekt: v.forvantadEffekt, startdatum: v.startdatum,
      genomforsAvId: v.genomforsAvId === '' ? null : Number(v.genomforsAvId), aterkopplarId: v.aterkopplarId === '' ? null : Number(v.aterkopplarId),
    },
  }), (saved) =>
    setAgenda((a) => ({
      ...a,
      insatser: a.insatser.map((ai) => (ai.foljdinsats?.id === saved.id ? { ...ai, foljdinsats: saved } : ai)),
      nyaInsatser: a.nyaInsatser.map((i) => (i.id === saved.id ? saved : i)),
    })));
  const { register, getValues } = useForm<Values>({
    defaultValues: {
      beskrivning: insats.beskrivning, forvantadEffekt: insats.forvantadEffekt, startdatum: insats.startdatum,
      genomforsAvId: insats.genomforsAvId === null ? '' : String(insats.genomforsAvId), aterkopplarId: insats.aterkopplarId === null ? '' : String(insats.aterkopplarId),
    },
  });
  const on = { onChange: () => autosave.change(getValues()), onBlur: () => void autosave.flush() };
  const id = `redigera-${insats.id}`;
  return (
    <details className="mote-redigera">
      <summary>
        <strong>{galler}</strong>: {insats.beskrivning} <span className="muted">· återkopplar {personal.find((p) => p.id === insats.aterkopplarId)?.namn ?? 'ingen vald'} · startar {datum(insats.startdatum)}</span>
      </summary>
      <fieldset disabled={las}>
      <legend className="visually-hidden">Ändra {insats.beskrivning}</legend>
      <div className="field">
        <label htmlFor={`${id}-besk`}>Beskrivning</label>
        <textarea id={`${id}-besk`} rows={2} {...register('beskrivning', on)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-effekt`}>Förväntad effekt</label>
        <textarea id={`${id}-effekt`} rows={2} {...register('forvantadEffekt', on)} />
      </div>
      <div className="field-row">
        {(['genomforsAvId', 'aterkopplarId'] as const).map((f) => (
          <div className="field" key={f}>
            <label htmlFor={`${id}-${f}`}>{f === 'genomforsAvId' ? 'Genomförs av' : 'Återkopplar'}</label>
            <select id={`${id}-${f}`} {...register(f, on)}>
              <option value="">Ingen vald</option>
              {personal.map((p) => <option key={p.id} value={p.id}>{p.namn}</option>)}
            </select>
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${id}-start`}>Startar</label>
          <input id={`${id}-start`} type="date" {...register('startdatum', on)} />
        </div>
      </div>
      <AutosaveStatus state={autosave.state} />
      </fieldset>
    </details>
  );
}
