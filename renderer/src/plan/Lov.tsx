// Lov weeks of the läsår (editable: sportlov varies by region) and "Föreslå nytt schema" from the domain schedule.
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import type { PlanKalender } from '../../../shared/channels/plan';
import { LOV_TYPER, formatVeckaKort, type Lov } from '../../../shared/domain/index';
import { call, errorText } from '../api';
import { useApp } from '../store';
import { ErrorAlert } from '../components/ErrorAlert';

const LOV_TYP_TEXT: Record<Lov['typ'], string> = { hostlov: 'Höstlov', jullov: 'Jullov', sportlov: 'Sportlov', pasklov: 'Påsklov', annat: 'Annat' };

export function PlanLov({ kalender, onChange }: { kalender: PlanKalender; onChange: (k: PlanKalender) => void }) {
  const announce = useApp((s) => s.announce);
  const [error, setError] = useState<string | null>(null);
  const { register, control, handleSubmit, formState } = useForm<{ lov: Lov[] }>({ defaultValues: { lov: kalender.lov } });
  const { fields, append, remove } = useFieldArray({ control, name: 'lov' });
  const schema = useForm({ defaultValues: { antalVarv: String(kalender.lasar.antalVarv), varvLangdVeckor: String(kalender.lasar.varvLangdVeckor) } });

  const saveLov = handleSubmit(async ({ lov }) => {
    try {
      onChange(await call('plan:setLov', { lov }));
      setError(null);
      announce('Loven är sparade. Välj Föreslå nytt schema om varven ska flyttas efter dem.');
    } catch (e) {
      setError(errorText(e));
    }
  });

  const propose = schema.handleSubmit(async ({ antalVarv, varvLangdVeckor }) => {
    if (!window.confirm('Alla datum i kalendariet ersätts med ett nytt förslag. Vill du fortsätta?')) return;
    try {
      onChange(await call('plan:foreslaSchema', { antalVarv: Number(antalVarv), varvLangdVeckor: Number(varvLangdVeckor) }));
      setError(null);
      announce('Ett nytt schema är föreslaget och inlagt i kalendariet.');
    } catch (e) {
      setError(errorText(e));
    }
  });

  return (
    <div className="plan-lov">
      <ErrorAlert message={error} title="Det gick inte att ändra kalendariet" />
      <form onSubmit={saveLov} aria-labelledby="lov-rubrik">
        <h3 id="lov-rubrik">Lov</h3>
        <ul className="plan-lov-list">
          {fields.map((f, i) => (
            <li key={f.id} className="plan-lov-row">
              <label>
                <span>Lov</span>
                <select {...register(`lov.${i}.typ`)}>
                  {LOV_TYPER.map((t) => (
                    <option key={t} value={t}>
                      {LOV_TYP_TEXT[t]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>Namn</span>
                <input type="text" {...register(`lov.${i}.namn`, { required: true })} />
              </label>
              <button type="button" className="button link" onClick={() => remove(i)}>
                Ta bort<span className="sr-only"> lov {i + 1}</span>
              </button>
              <label>
                <span>Från</span>
                <input type="date" {...register(`lov.${i}.fran`, { required: true })} />
              </label>
              <label>
                <span>Till</span>
                <input type="date" {...register(`lov.${i}.till`, { required: true })} />
              </label>
              <span className="plan-week">{kalender.lov[i] ? formatVeckaKort(kalender.lov[i].fran) : ''}</span>
            </li>
          ))}
        </ul>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => append({ typ: 'annat', namn: 'Studiedag', fran: kalender.lasar.startdatum, till: kalender.lasar.startdatum })}>
            Lägg till lov
          </button>
          <button type="submit" className="button" disabled={!formState.isDirty}>
            Spara loven
          </button>
        </div>
      </form>
      <form onSubmit={propose} className="plan-schema" aria-labelledby="schema-rubrik">
        <h3 id="schema-rubrik">Föreslå nytt schema</h3>
        <p className="hint">Varvens datum räknas om från läsårets datum och loven. Inget möte läggs i en lovvecka.</p>
        <div className="plan-schema-row">
          <label>
            <span>Antal varv</span>
            <select {...schema.register('antalVarv')}>
              <option value="5">5</option>
              <option value="6">6</option>
            </select>
          </label>
          <label>
            <span>Veckor per varv</span>
            <select {...schema.register('varvLangdVeckor')}>
              <option value="5">5</option>
              <option value="6">6</option>
            </select>
          </label>
          <button type="submit" className="button">
            Föreslå nytt schema
          </button>
        </div>
      </form>
    </div>
  );
}
