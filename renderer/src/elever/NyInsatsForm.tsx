// "Ny insats" for one pupil (nivå individ): what is done, of which kind, the expected effect (seed 002), who carries
// it out and who reports back — the seed asks to "besluta även vem som ska återkoppla".
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { INSATS_TYPER, type Insats, type InsatsTyp, type Personal } from '../../../shared/model';
import { INSATS_TYP_TEXT } from '../../../shared/labels';
import { isRealIsoDate } from '../../../shared/validation';
import { call, errorText } from '../api';
import { personalMedRoller, todayIso } from '../format';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field, describedBy } from '../components/Field';
import { formKeyHandler } from '../components/formKeys';
import { Kbd } from '../components/Kbd';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { mayDiscard, useUnsavedGuard } from '../components/useUnsavedGuard';

interface NyInsatsValues {
  beskrivning: string;
  typ: InsatsTyp | '';
  forvantadEffekt: string;
  genomforsAvId: string;
  aterkopplarId: string;
  startdatum: string;
}

interface NyInsatsFormProps {
  elevId: number;
  elevNamn: string;
  personal: Personal[];
  onCreated(insats: Insats): void;
  onCancel(): void;
}

function PersonSelect({ personal }: { personal: Personal[] }) {
  return (
    <>
      <option value="">Välj person</option>
      {personal.map((p) => (
        <option key={p.id} value={String(p.id)}>
          {personalMedRoller(p)}
        </option>
      ))}
    </>
  );
}

export function NyInsatsForm({ elevId, elevNamn, personal, onCreated, onCancel }: NyInsatsFormProps) {
  const [serverError, setServerError] = useState<string | null>(null);
  const firstRef = useFocusOnMount<HTMLTextAreaElement>();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<NyInsatsValues>({
    defaultValues: { beskrivning: '', typ: '', forvantadEffekt: '', genomforsAvId: '', aterkopplarId: '', startdatum: todayIso() },
  });

  useUnsavedGuard('ny-insats', isDirty);
  const cancel = () => {
    if (mayDiscard(isDirty)) onCancel();
  };

  const submit = handleSubmit(async (v) => {
    if (v.typ === '') return;
    setServerError(null);
    try {
      const insats = await call('insats:create', {
        niva: 'individ',
        elevId,
        beskrivning: v.beskrivning.trim(),
        typ: v.typ,
        forvantadEffekt: v.forvantadEffekt.trim(),
        genomforsAvId: Number(v.genomforsAvId),
        aterkopplarId: Number(v.aterkopplarId),
        startdatum: v.startdatum,
      });
      onCreated(insats);
    } catch (error) {
      setServerError(errorText(error));
    }
  });

  const { ref: beskrivningRef, ...beskrivningField } = register('beskrivning', {
    validate: (x) => x.trim() !== '' || 'Beskriv vad insatsen går ut på.',
    maxLength: { value: 2000, message: 'Beskrivningen får vara högst 2000 tecken.' },
  });
  const activeStaff = personal.filter((p) => p.aktiv);

  return (
    <form
      className="inline-form card"
      aria-labelledby="ny-insats-rubrik"
      noValidate
      onSubmit={(e) => void submit(e)}
      onKeyDown={formKeyHandler(() => void submit(), cancel)}
    >
      <h3 id="ny-insats-rubrik">Ny insats för {elevNamn}</h3>
      <p className="muted">Nivå: individ. Insatsen följs upp på nästa EHT-möte.</p>
      <Field id="insats-beskrivning" label="Beskrivning" error={errors.beskrivning?.message}>
        <textarea
          rows={3}
          {...describedBy('insats-beskrivning', errors.beskrivning?.message)}
          {...beskrivningField}
          ref={(el) => {
            beskrivningRef(el);
            firstRef.current = el;
          }}
        />
      </Field>
      <div className="field-row">
        <Field id="insats-typ" label="Typ av insats" error={errors.typ?.message}>
          <select {...describedBy('insats-typ', errors.typ?.message)} {...register('typ', { required: 'Välj typ av insats.' })}>
            <option value="">Välj typ</option>
            {INSATS_TYPER.map((t) => (
              <option key={t} value={t}>
                {INSATS_TYP_TEXT[t]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="insats-start" label="Startdatum" error={errors.startdatum?.message}>
          <input
            type="date"
            {...describedBy('insats-start', errors.startdatum?.message)}
            {...register('startdatum', {
              validate: (x) => isRealIsoDate(x) || 'Ange ett startdatum som finns, ÅÅÅÅ-MM-DD.',
            })}
          />
        </Field>
      </div>
      <Field
        id="insats-effekt"
        label="Förväntad effekt"
        hint="Vad ska bli annorlunda för eleven, och hur ser ni det vid nästa uppföljning?"
        error={errors.forvantadEffekt?.message}
      >
        <textarea
          rows={2}
          {...describedBy('insats-effekt', errors.forvantadEffekt?.message, true)}
          {...register('forvantadEffekt', {
            validate: (x) => x.trim() !== '' || 'Beskriv vilken effekt ni förväntar er.',
            maxLength: { value: 2000, message: 'Den förväntade effekten får vara högst 2000 tecken.' },
          })}
        />
      </Field>
      <div className="field-row">
        <Field id="insats-genomfors" label="Genomförs av" error={errors.genomforsAvId?.message}>
          <select
            {...describedBy('insats-genomfors', errors.genomforsAvId?.message)}
            {...register('genomforsAvId', { required: 'Välj vem som genomför insatsen.' })}
          >
            <PersonSelect personal={activeStaff} />
          </select>
        </Field>
        <Field id="insats-aterkopplar" label="Återkopplar" error={errors.aterkopplarId?.message}>
          <select
            {...describedBy('insats-aterkopplar', errors.aterkopplarId?.message)}
            {...register('aterkopplarId', { required: 'Välj vem som återkopplar.' })}
          >
            <PersonSelect personal={activeStaff} />
          </select>
        </Field>
      </div>
      <ErrorAlert message={serverError} title="Insatsen kunde inte sparas" />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={isSubmitting}>
          {isSubmitting ? 'Sparar…' : 'Spara insatsen'}
        </button>
        <button type="button" className="button" onClick={cancel}>
          Avbryt
        </button>
        <span className="shortcut-help">
          <Kbd keys={['Ctrl', 'Enter']} /> spara · <Kbd keys={['Esc']} /> avbryt
        </span>
      </div>
    </form>
  );
}
