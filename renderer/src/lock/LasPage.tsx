// The locked screen: nothing of the school is in the page. Unlock with the passphrase, the recovery key or (in the
// desktop app, where the OS keeps the key) the computer's keychain.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { call, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field, describedBy } from '../components/Field';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { afterUnlock, lockSettled } from './session';
import { useLock } from './lockState';
import './lock.css';

interface UnlockValues {
  hemlighet: string;
}

export function LasPage() {
  const [medNyckel, setMedNyckel] = useState(false);
  const [fel, setFel] = useState<string | null>(null);
  const nyckelring = useLock((s) => s.status?.nyckelring ?? false);
  // No focus on the heading: the lock screen's one task is the password, so the focus starts in that field (also
  // after Ctrl+L); the heading stays the page's first element for a screen reader.
  const headingRef = useFocusOnMount<HTMLHeadingElement>(false);
  useEffect(() => {
    // Whether the OS keychain can unlock (desktop app); lock:status answers while locked.
    useLock.getState().refresh().catch(() => undefined);
  }, []);
  const {
    register,
    handleSubmit,
    reset,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<UnlockValues>({ defaultValues: { hemlighet: '' } });

  useEffect(() => {
    setFocus('hemlighet');
  }, [setFocus, medNyckel]);

  const unlock = async (args: { losenord: string } | { aterstallningsnyckel: string } | { nyckelring: true }) => {
    setFel(null);
    try {
      await lockSettled();
      useLock.getState().setStatus(await call('lock:unlock', args));
      await afterUnlock();
    } catch (error) {
      setFel(errorText(error));
      reset({ hemlighet: '' });
      setFocus('hemlighet');
    }
  };

  const submit = handleSubmit(async ({ hemlighet }) => {
    await unlock(medNyckel ? { aterstallningsnyckel: hemlighet } : { losenord: hemlighet });
  });

  const label = medNyckel ? 'Återställningsnyckel' : 'Lösenord';
  return (
    <main className="gate las">
      <div className="gate-card">
        <p className="brand" aria-hidden="true">
          Varvet
        </p>
        <h1 ref={headingRef} tabIndex={-1}>
          Lås upp Varvet
        </h1>
        <p>Varvet är låst så att ingen kan se elevuppgifterna. {medNyckel ? 'Skriv återställningsnyckeln du sparade när skyddet lades upp.' : 'Skriv ditt lösenord.'}</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Field id="las-hemlighet" label={label} error={errors.hemlighet?.message} hint={medNyckel ? 'Åtta grupper om fyra tecken, till exempel ABCD-EFGH-… Små bokstäver och utelämnade bindestreck går bra.' : undefined}>
            <input
              type={medNyckel ? 'text' : 'password'}
              autoComplete={medNyckel ? 'off' : 'current-password'}
              spellCheck={false}
              {...describedBy('las-hemlighet', errors.hemlighet?.message, medNyckel)}
              {...register('hemlighet', { required: medNyckel ? 'Skriv återställningsnyckeln.' : 'Skriv lösenordet.' })}
            />
          </Field>
          <ErrorAlert message={fel} title="Varvet låstes inte upp" />
          <div className="las-knappar">
            <button type="submit" className="button primary" disabled={isSubmitting}>
              {isSubmitting ? 'Låser upp…' : 'Lås upp'}
            </button>
            {nyckelring && (
              <button type="button" className="button" disabled={isSubmitting} onClick={() => void unlock({ nyckelring: true })}>
                Lås upp med datorns inloggning
              </button>
            )}
          </div>
          <p role="status" className="busy-text">
            {isSubmitting ? 'Kontrollerar… Det tar någon sekund, med avsikt, så att lösenord inte kan gissas snabbt.' : ''}
          </p>
        </form>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setMedNyckel((v) => !v);
            setFel(null);
            reset({ hemlighet: '' });
          }}
        >
          {medNyckel ? 'Använd lösenordet i stället' : 'Använd återställningsnyckel'}
        </button>
      </div>
    </main>
  );
}
