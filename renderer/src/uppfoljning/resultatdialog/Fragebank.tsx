// The question bank: the skolledning writes its questions to the teachers once and reuses them every varv
// ("Tillsammans i ledningsgruppen utformar ni de frågor ni vill ställa till lärarna").
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Fraga } from '../../../../shared/channels/uppfoljning';
import { call, errorText } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApp } from '../../store';

export function ResultatdialogFragebank() {
  const announce = useApp((s) => s.announce);
  const [fragor, setFragor] = useState<Fraga[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, reset } = useForm<{ text: string }>({ defaultValues: { text: '' } });

  useEffect(() => {
    call('fragebank:list', { inklusiveInaktiva: true })
      .then(setFragor)
      .catch((e: unknown) => setError(errorText(e)));
  }, []);

  const run = async (job: () => Promise<Fraga[]>, text?: string) => {
    setError(null);
    try {
      setFragor(await job());
      if (text) announce(text);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const reload = () => call('fragebank:list', { inklusiveInaktiva: true });

  const add = handleSubmit(async ({ text }) => {
    await run(async () => {
      await call('fragebank:save', { id: null, text, aktiv: true });
      reset({ text: '' });
      return reload();
    }, 'Frågan är tillagd i frågebanken.');
  });

  return (
    <details className="section uf-fragebank">
      <summary>
        <h2 className="uf-summary-rubrik">Frågebanken</h2>
      </summary>
      <p className="muted">Frågorna som skolledningen ställer i resultatdialogerna. Nya dialoger får alla frågor som används.</p>
      <ErrorAlert message={error} />
      <ol className="uf-fragebank-lista">
        {fragor?.map((f, i) => (
          <li key={f.id} className={f.aktiv ? '' : 'uf-inaktiv'}>
            <span>{f.text}</span>
            <span className="uf-fragebank-knappar">
              <button type="button" className="button" aria-label={`Flytta upp: ${f.text}`} disabled={i === 0} onClick={() => void run(() => call('fragebank:move', { id: f.id, riktning: 'upp' }))}>
                ↑
              </button>
              <button
                type="button"
                className="button"
                aria-label={`Flytta ner: ${f.text}`}
                disabled={i === (fragor?.length ?? 0) - 1}
                onClick={() => void run(() => call('fragebank:move', { id: f.id, riktning: 'ner' }))}
              >
                ↓
              </button>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={f.aktiv}
                  onChange={(e) => {
                    const aktiv = e.target.checked;
                    void run(async () => {
                      await call('fragebank:save', { id: f.id, text: f.text, aktiv });
                      return reload();
                    });
                  }}
                />
                Används
              </label>
            </span>
          </li>
        ))}
      </ol>
      <form className="uf-inline-form" onSubmit={add} aria-label="Ny fråga i frågebanken">
        <div className="field">
          <label htmlFor="uf-ny-fraga">Ny fråga</label>
          <input id="uf-ny-fraga" type="text" {...register('text', { required: true })} />
        </div>
        <button type="submit" className="button">
          Lägg till frågan
        </button>
      </form>
    </details>
  );
}
