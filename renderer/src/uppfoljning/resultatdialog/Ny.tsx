// A new resultatdialog: with one teacher (their groups and subjects), an ämneslag (one subject, all groups) or an
// arbetslag (the årskurser it has). Last varv's plan for the same choice is linked automatically.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Omfattning, ResultatdialogVal } from '../../../../shared/channels/uppfoljning';
import { arskursText } from '../../../../shared/labels';
import { call, errorText } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { useFocusOnMount } from '../../components/useFocusOnMount';

interface Values {
  omfattning: Omfattning;
  larareId: string;
  amneId: string;
  arskurser: string[];
  datum: string;
}

interface Props {
  varvId: number;
  onCreated(id: number, namn: string): void;
  onCancel(): void;
}

export function ResultatdialogNy({ varvId, onCreated, onCancel }: Props) {
  const [val, setVal] = useState<ResultatdialogVal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const first = useFocusOnMount<HTMLInputElement>();
  const { register, handleSubmit, watch, formState } = useForm<Values>({
    defaultValues: { omfattning: 'larare', larareId: '', amneId: '', arskurser: [], datum: '' },
  });
  const omfattning = watch('omfattning');

  useEffect(() => {
    call('resultatdialog:val', {})
      .then(setVal)
      .catch((e: unknown) => setError(errorText(e)));
  }, []);

  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      const vy = await call('resultatdialog:create', {
        varvId,
        omfattning: v.omfattning,
        larareId: v.larareId ? Number(v.larareId) : null,
        amneId: v.amneId ? Number(v.amneId) : null,
        arskurser: v.arskurser.map(Number),
        datum: v.datum || null,
      });
      onCreated(vy.dialog.id, vy.dialog.namn);
    } catch (e) {
      setError(errorText(e));
    }
  });
  const { ref: omfRef, ...omfField } = register('omfattning');

  return (
    <form className="card uf-ny" aria-label="Ny resultatdialog" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <fieldset className="uf-radio">
        <legend>Dialogen gäller</legend>
        {(['larare', 'amneslag', 'arbetslag'] as const).map((o, i) => (
          <label key={o} className="checkbox">
            <input
              type="radio"
              value={o}
              {...omfField}
              ref={(el) => {
                omfRef(el);
                if (i === 0) first.current = el;
              }}
            />
            {o === 'larare' ? 'En lärare' : o === 'amneslag' ? 'Ett ämneslag' : 'Ett arbetslag'}
          </label>
        ))}
      </fieldset>
      {omfattning === 'larare' && (
        <Field id="uf-ny-larare" label="Lärare">
          <select id="uf-ny-larare" {...register('larareId')}>
            <option value="">Välj lärare</option>
            {val?.larare.map((l) => (
              <option key={l.id} value={l.id}>
                {`${l.namn} (${l.grupper.join(', ')})`}
              </option>
            ))}
          </select>
        </Field>
      )}
      {omfattning === 'amneslag' && (
        <Field id="uf-ny-amne" label="Ämne">
          <select id="uf-ny-amne" {...register('amneId')}>
            <option value="">Välj ämne</option>
            {val?.amnen.map((a) => (
              <option key={a.id} value={a.id}>
                {a.namn}
              </option>
            ))}
          </select>
        </Field>
      )}
      {omfattning === 'arbetslag' && (
        <fieldset className="uf-arskurser">
          <legend>Arbetslagets årskurser</legend>
          {val?.arskurser.map((a) => (
            <label key={a} className="checkbox">
              <input type="checkbox" value={String(a)} {...register('arskurser')} />
              {`Åk ${arskursText(a)}`}
            </label>
          ))}
        </fieldset>
      )}
      <Field id="uf-ny-datum" label="Datum" hint="Lämna tomt för varvets planerade resultatdialog.">
        <input id="uf-ny-datum" type="date" aria-describedby="uf-ny-datum-hint" {...register('datum')} />
      </Field>
      <ErrorAlert message={error} title="Resultatdialogen kunde inte skapas" />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={formState.isSubmitting}>
          Skapa resultatdialogen
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Avbryt
        </button>
        <span className="shortcut-help muted">Esc avbryter</span>
      </div>
    </form>
  );
}
