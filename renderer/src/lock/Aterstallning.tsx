// The recovery key, shown once: print it or write it down, then prove it was kept by typing its last group.
import { useForm } from 'react-hook-form';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { Field, describedBy } from '../components/Field';

const norm = (s: string) => s.toUpperCase().replace(/[^0-9A-Z]/g, '');

export function LasAterstallning({ nyckel, onDone }: { nyckel: string; onDone(): void }) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const sista = nyckel.split('-').at(-1) ?? '';
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<{ sista: string }>({ defaultValues: { sista: '' } });
  const submit = handleSubmit(() => onDone());

  return (
    <main className="gate las">
      <div className="gate-card las-bred">
        <p className="brand" aria-hidden="true">
          Varvet
        </p>
        <h1 ref={headingRef} tabIndex={-1}>
          Spara återställningsnyckeln
        </h1>
        <p>
          Om du glömmer lösenordet är återställningsnyckeln det enda sättet att komma åt elevuppgifterna. Den visas
          bara nu. Skriv ut den eller skriv av den, och förvara den inlåst – inte i datorn.
        </p>
        <section className="las-utskrift" aria-label="Återställningsnyckel">
          <p className="las-utskrift-rubrik">Varvet – återställningsnyckel</p>
          <p className="las-nyckel" data-testid="aterstallningsnyckel">
            {nyckel}
          </p>
          <p className="las-utskrift-text">Används om lösenordet glöms bort: välj ”Använd återställningsnyckel” när Varvet är låst.</p>
        </section>
        <button type="button" className="button" onClick={() => window.print()}>
          Skriv ut
        </button>
        <form onSubmit={(e) => void submit(e)} noValidate className="las-form">
          <Field id="las-sista" label="Skriv nyckelns sista fyra tecken" hint="Så vet vi att du har den sparad." error={errors.sista?.message}>
            <input
              type="text"
              autoComplete="off"
              spellCheck={false}
              className="las-kort"
              {...describedBy('las-sista', errors.sista?.message, true)}
              {...register('sista', { validate: (v) => norm(v) === norm(sista) || 'Det stämmer inte med nyckelns sista grupp. Kontrollera och försök igen.' })}
            />
          </Field>
          <button type="submit" className="button primary">
            Jag har sparat återställningsnyckeln
          </button>
        </form>
      </div>
    </main>
  );
}
