// Choosing a passphrase: typed twice, at least 10 characters, with a strength hint as you type.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { errorText } from '../api';
import { losenordStyrka, MIN_LANGD } from './strength';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field, describedBy } from '../components/Field';

interface Values {
  nuvarande: string;
  losenord: string;
  igen: string;
}

interface Props {
  submitText: string;
  label?: string;
  /** Changing the passphrase: the current one (or the recovery key) is asked for first. */
  withCurrent?: boolean;
  onSubmit(losenord: string, nuvarande: string): Promise<void>;
}

export function LasLosenordForm({ submitText, onSubmit, label = 'Lösenord', withCurrent = false }: Props) {
  const [fel, setFel] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    watch,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ defaultValues: { nuvarande: '', losenord: '', igen: '' } });
  const typed = watch('losenord');
  const styrka = losenordStyrka(typed);

  const submit = handleSubmit(async ({ losenord, nuvarande }) => {
    setFel(null);
    try {
      await onSubmit(losenord, nuvarande);
      reset();
    } catch (error) {
      setFel(errorText(error));
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="las-form">
      {withCurrent && (
        <Field id="las-nuvarande" label="Nuvarande lösenord (eller återställningsnyckeln)" error={errors.nuvarande?.message}>
          <input
            type="password"
            autoComplete="current-password"
            {...describedBy('las-nuvarande', errors.nuvarande?.message)}
            {...register('nuvarande', { required: 'Skriv det nuvarande lösenordet.' })}
          />
        </Field>
      )}
      <Field id="las-nytt" label={label} hint="Minst 10 tecken. En mening på fyra ord är lätt att minnas och svår att gissa." error={errors.losenord?.message}>
        <input
          type="password"
          autoComplete="new-password"
          {...describedBy('las-nytt', errors.losenord?.message, true)}
          {...register('losenord', {
            required: 'Skriv ett lösenord.',
            minLength: { value: MIN_LANGD, message: `Lösenordet måste ha minst ${MIN_LANGD} tecken.` },
          })}
        />
      </Field>
      <p className={`las-styrka las-styrka-${styrka.niva}`} aria-live="polite">
        {typed === '' ? '' : styrka.text}
      </p>
      <Field id="las-igen" label={`${label} igen`} error={errors.igen?.message}>
        <input
          type="password"
          autoComplete="new-password"
          {...describedBy('las-igen', errors.igen?.message)}
          {...register('igen', { validate: (v, all) => v === all.losenord || 'Lösenorden är inte lika. Skriv samma lösenord två gånger.' })}
        />
      </Field>
      <ErrorAlert message={fel} title="Lösenordet sparades inte" />
      <button type="submit" className="button primary" disabled={isSubmitting}>
        {isSubmitting ? 'Krypterar…' : submitText}
      </button>
      <p role="status" className="busy-text">
        {isSubmitting ? 'Krypterar databasen och säkerhetskopiorna… Det tar några sekunder.' : ''}
      </p>
    </form>
  );
}
