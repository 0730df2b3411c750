// "Ny skola": the school's name and the läsår's first and last day. Checked here in Swedish before it is sent;
// whatever the backend still refuses (e.g. a läsår too short for the varv) is shown in the alert below the form.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Skola } from '../../../shared/model';
import { isRealIsoDate } from '../../../shared/validation';
import { call, errorText } from '../api';
import { defaultLasar } from '../lasar';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field, describedBy } from '../components/Field';

interface NySkolaValues {
  namn: string;
  startdatum: string;
  slutdatum: string;
}

interface NySkolaFormProps {
  disabled: boolean;
  onBusy(busy: boolean): void;
  onCreated(skola: Skola): void;
}

function validDate(missing: string) {
  return (value: string) => {
    if (value === '') return missing;
    return isRealIsoDate(value) || 'Datumet finns inte. Skriv det som ÅÅÅÅ-MM-DD.';
  };
}

export function NySkolaForm({ disabled, onBusy, onCreated }: NySkolaFormProps) {
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<NySkolaValues>({ defaultValues: { namn: '', ...defaultLasar(new Date()) } });

  const submit = handleSubmit(async (values) => {
    setServerError(null);
    onBusy(true);
    try {
      const skola = await call('skola:create', {
        namn: values.namn.trim(),
        lasar: { startdatum: values.startdatum, slutdatum: values.slutdatum },
      });
      onCreated(skola);
    } catch (error) {
      setServerError(errorText(error));
    } finally {
      onBusy(false);
    }
  });

  const off = disabled || isSubmitting;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="ny-skola-rubrik">
      <Field id="skola-namn" label="Skolans namn" error={errors.namn?.message}>
        <input
          type="text"
          autoComplete="organization"
          disabled={off}
          {...describedBy('skola-namn', errors.namn?.message)}
          {...register('namn', {
            validate: (v) => v.trim() !== '' || 'Skriv skolans namn.',
            maxLength: { value: 120, message: 'Skolans namn får vara högst 120 tecken.' },
          })}
        />
      </Field>
      <div className="field-row">
        <Field id="lasar-start" label="Läsårets första dag" error={errors.startdatum?.message}>
          <input
            type="date"
            disabled={off}
            {...describedBy('lasar-start', errors.startdatum?.message)}
            {...register('startdatum', { validate: validDate('Ange läsårets första dag.') })}
          />
        </Field>
        <Field id="lasar-slut" label="Läsårets sista dag" error={errors.slutdatum?.message}>
          <input
            type="date"
            disabled={off}
            {...describedBy('lasar-slut', errors.slutdatum?.message)}
            {...register('slutdatum', {
              validate: {
                date: validDate('Ange läsårets sista dag.'),
                order: (v, all) =>
                  !isRealIsoDate(all.startdatum) || v > all.startdatum || 'Läsårets sista dag måste komma efter den första.',
              },
            })}
          />
        </Field>
      </div>
      <ErrorAlert message={serverError} title="Skolan kunde inte skapas" />
      <button type="submit" className="button primary" disabled={off}>
        {isSubmitting ? 'Skapar skolan…' : 'Skapa skolan'}
      </button>
    </form>
  );
}
