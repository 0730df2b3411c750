// Steg 1, Inventering av verktyg: the school's documentation tools, each judged on the seven capabilities, the tools
// side by side, the step's discussion questions and Fundera.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Verktyg } from '../../../shared/channels/plan';
import { ledarhandling } from '../../../shared/domain/index';
import { call, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field, describedBy } from '../components/Field';
import { Fundera } from '../components/Fundera';
import { PlanVerktyg } from './Verktyg';
import { PlanVerktygMatris } from './VerktygMatris';

function NyttVerktyg({ onCreated }: { onCreated: (v: Verktyg) => void }) {
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, reset, formState } = useForm({ defaultValues: { namn: '' } });
  const submit = handleSubmit(async ({ namn }) => {
    try {
      onCreated(await call('verktyg:create', { namn }));
      reset({ namn: '' });
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  });
  const fel = formState.errors.namn?.message;
  return (
    <form className="plan-nytt-verktyg" onSubmit={submit} noValidate>
      <ErrorAlert message={error} />
      <Field id="nytt-verktyg" label="Nytt verktyg" hint="T.ex. skolplattformen, ett kalkylark eller en pärm." error={fel}>
        <div className="plan-inline-form">
          <input type="text" {...describedBy('nytt-verktyg', fel, true)} {...register('namn', { validate: (n) => n.trim() !== '' || 'Skriv verktygets namn.' })} />
          <button type="submit" className="button primary">
            Lägg till verktyg
          </button>
        </div>
      </Field>
    </form>
  );
}

export function ForberedelseInventering() {
  const [verktyg, setVerktyg] = useState<Verktyg[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('verktyg:list', {})
      .then(setVerktyg)
      .catch((e: unknown) => setError(errorText(e)));
  }, []);
  const replace = (v: Verktyg) => setVerktyg((list) => list?.map((x) => (x.id === v.id ? v : x)) ?? null);

  return (
    <>
      <p className="lead">{ledarhandling(1).ingress} Undersök om de ger möjlighet till det som står nedan.</p>
      <ErrorAlert message={error} title="Inventeringen kunde inte hämtas" />
      <NyttVerktyg onCreated={(v) => setVerktyg((list) => [...(list ?? []), v])} />
      {verktyg && verktyg.length === 0 && <p className="muted">Inga verktyg ännu. Lägg till de verktyg skolan använder för att dokumentera var eleverna befinner sig kunskapsmässigt.</p>}
      <div className="plan-verktyg-grid">
        {verktyg?.map((v) => (
          <PlanVerktyg key={v.id} verktyg={v} onChange={replace} onDelete={() => setVerktyg((list) => list?.filter((x) => x.id !== v.id) ?? null)} />
        ))}
      </div>
      {verktyg && verktyg.length > 0 && (
        <section className="section" aria-label="Verktygen sida vid sida">
          <PlanVerktygMatris verktyg={verktyg} />
        </section>
      )}
      <Fundera steg={1} />
    </>
  );
}
