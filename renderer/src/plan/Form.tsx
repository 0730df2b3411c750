// Step 3's questions as the plan's form (seed 001 wording), autosaved while the user types: nothing is ever lost.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { PlanSvar, PlanUtkast } from '../../../shared/channels/plan';
import { PLAN_FRAGOR, planFraga, type PlanFragaKey } from '../../../shared/domain/index';
import { call, errorText } from '../api';
import { AutosaveStatus } from '../components/AutosaveStatus';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAutosave } from '../components/useAutosave';

type Values = Record<PlanFragaKey, string>;

function toValues(svar: PlanSvar): Values {
  const out = {} as Values;
  for (const f of PLAN_FRAGOR) out[f.key] = svar[f.key] ?? '';
  return out;
}

const HINT: Partial<Record<PlanFragaKey, string>> = {
  uppfoljningar: 'Datumen läggs i kalendariet nedan; skriv här hur ni tänker.',
  bedomningar: 'Sista dag för bedömningar i varje varv står i kalendariet nedan.',
};

function Form({ utkast }: { utkast: PlanUtkast }) {
  const autosave = useAutosave('plan.utkast', (svar: Values) => ({ channel: 'plan:utkastSave', args: { svar } }));
  const { register, reset, getValues } = useForm<Values>({ defaultValues: toValues(utkast.svar) });

  useEffect(() => {
    reset(autosave.reconcile(toValues(utkast.svar), utkast.uppdaterad));
    // Once: the stored draft has arrived when this form mounts.
  }, []);

  return (
    <form className="plan-form" onSubmit={(e) => e.preventDefault()} aria-describedby="plan-form-state">
      {PLAN_FRAGOR.map((f) => (
        <div className="field autosave-field" key={f.key}>
          <label htmlFor={`plan-${f.key}`}>{planFraga(f.key)}</label>
          {HINT[f.key] && (
            <p className="hint" id={`plan-${f.key}-hint`}>
              {HINT[f.key]}
            </p>
          )}
          <textarea
            id={`plan-${f.key}`}
            rows={f.key === 'plan' ? 8 : 3}
            aria-describedby={HINT[f.key] ? `plan-${f.key}-hint` : undefined}
            {...register(f.key, { onChange: () => autosave.change(getValues()), onBlur: () => void autosave.flush() })}
          />
        </div>
      ))}
      <div className="plan-form-state">
        <AutosaveStatus id="plan-form-state" state={autosave.state} />
      </div>
    </form>
  );
}

export function PlanForm() {
  const [utkast, setUtkast] = useState<PlanUtkast | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('plan:utkast', {})
      .then(setUtkast)
      .catch((e: unknown) => setError(errorText(e)));
  }, []);
  return (
    <>
      <ErrorAlert message={error} title="Planen kunde inte hämtas" />
      {utkast && <Form utkast={utkast} />}
    </>
  );
}
