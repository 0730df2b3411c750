// Inställningar: "Regler för uppföljningen" (the school settings the domain rules read, InstallningarRegler.tsx) and
// "Lösenord och lås": lock now, the idle time, a new passphrase, a new database key — or, while the data is not yet
// protected, the way to protect it.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { call, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field, describedBy } from '../components/Field';
import { Kbd } from '../components/Kbd';
import { LasLosenordForm } from './LosenordForm';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { InstallningarRegler } from '../installningar/InstallningarRegler';
import { InstallningarKortkommandon } from '../installningar/Kortkommandon';
import { useLock } from './lockState';
import { lockApp } from './session';
import { oppnaLokalLagring, useApp } from '../store';
import './lock.css';

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

function LasSektion() {
  const status = useLock((s) => s.status);
  const skola = useApp((s) => s.skola);
  if (status?.state === 'oskyddad') {
    return (
      <section aria-labelledby="las-rubrik">
        <h2 id="las-rubrik">Lösenord och lås</h2>
        <p>Elevuppgifterna är inte skyddade med lösenord: databasen och säkerhetskopiorna är okrypterade.</p>
        <button type="button" className="button primary" onClick={() => skola && useApp.setState({ phase: { name: 'protect', skola, announce: '' } })}>
          Skydda med lösenord
        </button>
      </section>
    );
  }
  return (
    <section aria-labelledby="las-rubrik">
      <h2 id="las-rubrik">Lösenord och lås</h2>
      <p>
        Databasen och alla säkerhetskopior är krypterade. Lås Varvet när du lämnar datorn: <Kbd keys={['Ctrl', 'L']} />.
      </p>
      <button type="button" className="button primary" onClick={() => void lockApp()}>
        Lås nu
      </button>
      <h3>Automatiskt lås</h3>
      <TidForm />
      <h3>Byt lösenord</h3>
      <LasLosenordForm
        withCurrent
        label="Nytt lösenord"
        submitText="Byt lösenord"
        onSubmit={async (nytt, nuvarande) => {
          await call('lock:changePassphrase', { nuvarande, nytt });
          useApp.getState().announce('Lösenordet är bytt. Återställningsnyckeln gäller som förut.');
        }}
      />
      <h3>Ny nyckel för databasen</h3>
      <p className="muted">Krypterar om databasen och säkerhetskopiorna med en ny slumpad nyckel. Lösenordet och återställningsnyckeln gäller som förut.</p>
      <RekeyForm />
    </section>
  );
}

/** Moves to a section of the page (no #fragment: the address's fragment holds the access token in browser mode). */
function GaTill({ id, children }: { id: string; children: string }) {
  const go = () => {
    const el = document.getElementById(id);
    if (!el) return;
    el.setAttribute('tabindex', '-1');
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  };
  return (
    <button type="button" className="button link" onClick={go}>
      {children}
    </button>
  );
}

export function LasInstallningarPage() {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  return (
    <div className="page las-sida installningar-sida">
      <h1 ref={headingRef} tabIndex={-1}>
        Inställningar
      </h1>
      <nav aria-label="På sidan" className="installningar-innehall">
        <p>
          På sidan: <GaTill id="las-rubrik">Lösenord och lås</GaTill> · <GaTill id="regler-rubrik">Regler för uppföljningen</GaTill> ·{' '}
          <GaTill id="kortkommandon-rubrik">Kortkommandon</GaTill>
        </p>
      </nav>
      <LasSektion />
      <InstallningarRegler />
      <InstallningarKortkommandon />
    </div>
  );
}
