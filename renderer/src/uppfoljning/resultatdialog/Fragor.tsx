// The skolledning's questions for this dialogue (chosen from the question bank) and what was said to each, autosaved.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Fraga, Resultatdialog } from '../../../../shared/channels/uppfoljning';
import { call, errorText } from '../../api';
import { AutosaveStatus } from '../../components/AutosaveStatus';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAutosave } from '../../components/useAutosave';

function Svar({ dialog, fraga, nr }: { dialog: Resultatdialog; fraga: Resultatdialog['fragor'][number]; nr: number }) {
  const autosave = useAutosave(`resultatdialog.${dialog.id}.fraga.${fraga.fragaId}`, (svar: string) => ({
    channel: 'resultatdialog:svar',
    args: { id: dialog.id, fragaId: fraga.fragaId, svar },
  }));
  const { register, setValue } = useForm({ defaultValues: { svar: fraga.svar } });
  useEffect(() => {
    setValue('svar', autosave.reconcile(fraga.svar, dialog.uppdaterad));
    // Once, when the stored answer has arrived.
  }, []);
  const id = `uf-svar-${fraga.fragaId}`;
  return (
    <div className="field autosave-field">
      <label htmlFor={id}>{`${nr}. ${fraga.text}`}</label>
      <textarea
        id={id}
        rows={2}
        aria-describedby={`${id}-state`}
        {...register('svar', { onChange: (e: { target: { value: string } }) => autosave.change(e.target.value), onBlur: () => void autosave.flush() })}
      />
      <AutosaveStatus id={`${id}-state`} state={autosave.state} />
    </div>
  );
}

export function ResultatdialogFragor({ dialog, onChange }: { dialog: Resultatdialog; onChange(d: Resultatdialog): void }) {
  const [bank, setBank] = useState<Fraga[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const valda = dialog.fragor.map((f) => f.fragaId);

  useEffect(() => {
    call('fragebank:list', { inklusiveInaktiva: false })
      .then(setBank)
      .catch((e: unknown) => setError(errorText(e)));
  }, []);

  const toggle = async (fragaId: number, on: boolean) => {
    const ids = on ? [...valda, fragaId] : valda.filter((x) => x !== fragaId);
    try {
      onChange(await call('resultatdialog:setFragor', { id: dialog.id, fragaIds: ids }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section className="section" aria-labelledby="uf-fragor">
      <h3 id="uf-fragor">Skolledningens frågor</h3>
      <ErrorAlert message={error} />
      {dialog.fragor.length === 0 && <p className="muted">Inga frågor valda. Välj frågor ur frågebanken nedan.</p>}
      {dialog.fragor.map((f, i) => (
        <Svar key={f.fragaId} dialog={dialog} fraga={f} nr={i + 1} />
      ))}
      <details className="uf-valj-fragor">
        <summary>Välj frågor ur frågebanken</summary>
        <fieldset>
          <legend className="sr-only">Frågor i den här dialogen</legend>
          {bank?.map((f) => (
            <label key={f.id} className="checkbox">
              <input type="checkbox" checked={valda.includes(f.id)} onChange={(e) => void toggle(f.id, e.target.checked)} />
              {f.text}
            </label>
          ))}
        </fieldset>
      </details>
    </section>
  );
}
