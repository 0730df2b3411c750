// "Lösenord och lås": lock now, the idle time, a new passphrase, a new database key — or, while the data is not yet
// protected, the way to protect it.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { call, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field, describedBy } from '../components/Field';
import { Kbd } from '../components/Kbd';
import { LasLosenordForm } from '../components/LasLosenordForm';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { useLock } from '../lock/lockState';
import { lockApp } from '../lock/session';
import { oppnaLokalLagring, useApp } from '../store';
import '../styles/las.css';

function TidForm() {
  const minuter = useLock((s) => s.lasEfterMinuter);
  const announce = useApp((s) => s.announce);
  const [fel, setFel] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<{ minuter: number }>({ values: { minuter } });
  const submit = handleSubmit(async (v) => {
    setFel(null);
    try {
      const saved = await call('lock:setSettings', { lasEfterMinuter: v.minuter });
      useLock.getState().setMinuter(saved.lasEfterMinuter);
      announce(`Varvet låses efter ${saved.lasEfterMinuter} ${saved.lasEfterMinuter === 1 ? 'minut' : 'minuter'} utan aktivitet.`);
    } catch (error) {
      setFel(errorText(error));
    }
  });
  const err = formState.errors.minuter?.message;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="las-form">
      <Field id="las-minuter" label="Lås efter så många minuter utan aktivitet" hint="Mellan 1 och 120 minuter." error={err}>
        <input
          type="number"
          min={1}
          max={120}
          className="las-kort"
          {...describedBy('las-minuter', err, true)}
          {...register('minuter', { valueAsNumber: true, min: { value: 1, message: 'Minst 1 minut.' }, max: { value: 120, message: 'Högst 120 minuter.' }, required: 'Ange antal minuter.' })}
        />
      </Field>
      <ErrorAlert message={fel} />
      <button type="submit" className="button">
        Spara tiden
      </button>
    </form>
  );
}

function RekeyForm() {
  const announce = useApp((s) => s.announce);
  const [fel, setFel] = useState<string | null>(null);
  const { register, handleSubmit, reset, formState } = useForm<{ losenord: string }>({ defaultValues: { losenord: '' } });
  const submit = handleSubmit(async ({ losenord }) => {
    setFel(null);
    try {
      await call('lock:rekey', { losenord });
      // The draft key was renewed with the database key: local drafts are encrypted anew under it.
      await oppnaLokalLagring();
      reset();
      announce('Databasen och säkerhetskopiorna har fått en ny nyckel.');
    } catch (error) {
      setFel(errorText(error));
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="las-form">
      <Field id="las-rekey" label="Lösenord" error={formState.errors.losenord?.message}>
        <input type="password" autoComplete="current-password" {...describedBy('las-rekey', formState.errors.losenord?.message)} {...register('losenord', { required: 'Skriv lösenordet.' })} />
      </Field>
      <ErrorAlert message={fel} title="Ingen ny nyckel" />
      <button type="submit" className="button" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? 'Krypterar om…' : 'Ge databasen en ny nyckel'}
      </button>
    </form>
  );
}

export function LasInstallningarPage() {
  const status = useLock((s) => s.status);
  const skola = useApp((s) => s.skola);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  if (status?.state === 'oskyddad') {
    return (
      <section className="page las-sida">
        <h1 ref={headingRef} tabIndex={-1}>
          Lösenord och lås
        </h1>
        <p>Elevuppgifterna är inte skyddade med lösenord: databasen och säkerhetskopiorna är okrypterade.</p>
        <button type="button" className="button primary" onClick={() => skola && useApp.setState({ phase: { name: 'protect', skola, announce: '' } })}>
          Skydda med lösenord
        </button>
      </section>
    );
  }
  return (
    <section className="page las-sida">
      <h1 ref={headingRef} tabIndex={-1}>
        Lösenord och lås
      </h1>
      <p>
        Databasen och alla säkerhetskopior är krypterade. Lås Varvet när du lämnar datorn: <Kbd keys={['Ctrl', 'L']} />.
      </p>
      <button type="button" className="button primary" onClick={() => void lockApp()}>
        Lås nu
      </button>
      <h2>Automatiskt lås</h2>
      <TidForm />
      <h2>Byt lösenord</h2>
      <LasLosenordForm
        withCurrent
        label="Nytt lösenord"
        submitText="Byt lösenord"
        onSubmit={async (nytt, nuvarande) => {
          await call('lock:changePassphrase', { nuvarande, nytt });
          useApp.getState().announce('Lösenordet är bytt. Återställningsnyckeln gäller som förut.');
        }}
      />
      <h2>Ny nyckel för databasen</h2>
      <p className="muted">Krypterar om databasen och säkerhetskopiorna med en ny slumpad nyckel. Lösenordet och återställningsnyckeln gäller som förut.</p>
      <RekeyForm />
    </section>
  );
}
