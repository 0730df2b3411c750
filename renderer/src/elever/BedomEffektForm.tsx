// "Bedöm effekt" for one active insats: the judgement (keys 1–5), whether the goal is reached, the evidence, and the
// decision. The decision follows the recommendation until the user picks another; then a motivation is required.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useForm } from 'react-hook-form';
import { BEDOMNINGAR, BESLUT, type Bedomning, type Beslut, type Insats } from '../../../shared/model';
import { BEDOMNING_TEXT, BESLUT_TEXT } from '../../../shared/labels';
import { checkDecision, recommendDecision, type KedjeBedomning } from '../../../shared/index';
import { call, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field, describedBy } from '../components/Field';
import { formKeyHandler } from '../components/formKeys';
import { Kbd } from '../components/Kbd';
import { Recommendation } from '../components/Recommendation';
import { isTyping } from '../components/useShortcuts';
import { mayDiscard, useUnsavedGuard } from '../components/useUnsavedGuard';

interface BedomValues {
  bedomning: Bedomning | '';
  maletNatt: boolean;
  underlag: string;
  beslut: Beslut | '';
  motivering: string;
}

interface BedomEffektFormProps {
  insats: Insats;
  /** Earlier evaluations in the insats's chain, oldest first. */
  kedja: KedjeBedomning[];
  onSaved(insats: Insats, beslut: Beslut): void;
  onCancel(): void;
}

export function BedomEffektForm({ insats, kedja, onSaved, onCancel }: BedomEffektFormProps) {
  const [serverError, setServerError] = useState<string | null>(null);
  const formId = `bedom-${insats.id}`;
  const firstRadioRef = useRef<HTMLInputElement>(null);
  const userChoseBeslut = useRef(false);
  const { register, handleSubmit, watch, setValue, formState } = useForm<BedomValues>({
    defaultValues: { bedomning: '', maletNatt: false, underlag: '', beslut: '', motivering: '' },
  });
  const { errors, isSubmitting, isDirty } = formState;
  useUnsavedGuard(formId, isDirty);
  const cancel = () => {
    if (mayDiscard(isDirty)) onCancel();
  };
  const [bedomning, maletNatt, beslut] = watch(['bedomning', 'maletNatt', 'beslut']);

  // An unchecked radio group reads as null in react-hook-form, not as the default '': both mean "nothing chosen".
  const recommendation = useMemo(() => {
    if (!bedomning) return null;
    return recommendDecision({ bedomning, maletNatt, kedja });
  }, [bedomning, maletNatt, kedja]);
  const rekommendation = recommendation?.rekommendation ?? null;

  // The decision follows the recommendation until the user has chosen one themselves.
  useEffect(() => {
    if (rekommendation && !userChoseBeslut.current) setValue('beslut', rekommendation);
  }, [rekommendation, setValue]);

  useEffect(() => {
    firstRadioRef.current?.focus();
  }, []);

  const differs = rekommendation !== null && beslut !== '' && beslut !== rekommendation;

  const submit = handleSubmit(async (v) => {
    if (!v.bedomning || !v.beslut) return;
    setServerError(null);
    try {
      const saved = await call('bedomning:record', {
        insatsId: insats.id,
        bedomning: v.bedomning,
        maletNatt: v.maletNatt,
        underlag: v.underlag.trim(),
        beslut: v.beslut,
        motivering: differs ? v.motivering.trim() : null,
      });
      onSaved(saved, v.beslut);
    } catch (error) {
      setServerError(errorText(error));
    }
  }, (invalid) => {
    // Nothing chosen: the error is shown under the choices and the focus goes to the first of them.
    if (invalid.bedomning) firstRadioRef.current?.focus();
  });

  const onKeys = formKeyHandler(() => void submit(), cancel);
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    onKeys(e);
    if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || isTyping(e.target)) return;
    const digit = Number(e.key);
    const choice = Number.isInteger(digit) ? BEDOMNINGAR[digit - 1] : undefined;
    if (choice) {
      e.preventDefault();
      setValue('bedomning', choice, { shouldValidate: true, shouldDirty: true });
      document.getElementById(`${formId}-${choice}`)?.focus();
    } else if (e.key.toLowerCase() === 'm') {
      e.preventDefault();
      setValue('maletNatt', !maletNatt, { shouldDirty: true });
    }
  };

  const bedomningField = register('bedomning', { required: 'Välj en bedömning av effekten.' });
  return (
    <form className="inline-form" aria-label="Bedöm effekt" noValidate onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}>
      <fieldset className="judgements" aria-describedby={errors.bedomning ? `${formId}-bedomning-error` : undefined}>
        <legend>Bedömning av effekten</legend>
        <div className="judgement-options">
          {BEDOMNINGAR.map((b, i) => (
            <label key={b} className="judgement" htmlFor={`${formId}-${b}`}>
              <input
                type="radio"
                id={`${formId}-${b}`}
                value={b}
                aria-keyshortcuts={String(i + 1)}
                aria-invalid={errors.bedomning ? true : undefined}
                aria-describedby={errors.bedomning ? `${formId}-bedomning-error` : undefined}
                {...bedomningField}
                ref={(el) => {
                  bedomningField.ref(el);
                  if (i === 0) firstRadioRef.current = el;
                }}
              />
              <kbd aria-hidden="true">{i + 1}</kbd>
              <span>{BEDOMNING_TEXT[b]}</span>
            </label>
          ))}
        </div>
        {errors.bedomning && (
          <p id={`${formId}-bedomning-error`} className="field-error">
            {errors.bedomning.message}
          </p>
        )}
      </fieldset>
      <label className="checkbox" htmlFor={`${formId}-malet`}>
        <input type="checkbox" id={`${formId}-malet`} aria-keyshortcuts="M" {...register('maletNatt')} />
        <span>Målet är nått</span>
        <Kbd keys={['M']} decorative />
      </label>
      <Field id={`${formId}-underlag`} label="Underlag" hint="Vad bygger bedömningen på? T.ex. omdömen, resultat, observationer.">
        <textarea rows={2} {...describedBy(`${formId}-underlag`, undefined, true)} {...register('underlag')} />
      </Field>
      <Recommendation recommendation={recommendation} />
      <Field id={`${formId}-beslut`} label="Beslut" error={errors.beslut?.message}>
        <select
          {...describedBy(`${formId}-beslut`, errors.beslut?.message)}
          {...register('beslut', {
            required: 'Välj ett beslut.',
            onChange: () => {
              userChoseBeslut.current = true;
            },
          })}
        >
          <option value="">Välj beslut</option>
          {BESLUT.map((b) => (
            <option key={b} value={b}>
              {BESLUT_TEXT[b]}
              {b === rekommendation ? ' (rekommenderas)' : ''}
            </option>
          ))}
        </select>
      </Field>
      {differs && (
        <Field
          id={`${formId}-motivering`}
          label="Motivering"
          hint="Beslutet avviker från rekommendationen. Motiveringen sparas med beslutet."
          error={errors.motivering?.message}
        >
          <textarea
            rows={2}
            {...describedBy(`${formId}-motivering`, errors.motivering?.message, true)}
            {...register('motivering', {
              validate: (m, all) => {
                if (all.beslut === '' || rekommendation === null) return true;
                return checkDecision(rekommendation, all.beslut, m) ?? true;
              },
            })}
          />
        </Field>
      )}
      <ErrorAlert message={serverError} title="Bedömningen kunde inte sparas" />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={isSubmitting}>
          {isSubmitting ? 'Sparar…' : 'Spara bedömningen'}
        </button>
        <button type="button" className="button" onClick={cancel}>
          Avbryt
        </button>
        <span className="shortcut-help">
          <Kbd keys={['1']} />–<Kbd keys={['5']} /> bedömning · <Kbd keys={['Ctrl', 'Enter']} /> spara ·{' '}
          <Kbd keys={['Esc']} /> avbryt
        </span>
      </div>
    </form>
  );
}
