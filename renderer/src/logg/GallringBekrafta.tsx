// The confirmation: says what will be removed and cannot be undone, and needs the word GALLRA typed.
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';

interface Props {
  elever: number;
  rader: number;
  sakerhetskopior: number;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

export function GallringBekrafta({ elever, rader, sakerhetskopior, busy, onConfirm, onCancel }: Props) {
  const { register, handleSubmit, watch } = useForm<{ ord: string }>({ defaultValues: { ord: '' } });
  const ref = useRef<HTMLInputElement | null>(null);
  const { ref: formRef, ...field } = register('ord');
  useEffect(() => ref.current?.focus(), []);
  const ready = watch('ord').trim() === 'GALLRA';
  return (
    <div
      className="gallring-bekrafta"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="gallring-bekrafta-rubrik"
      aria-describedby="gallring-bekrafta-text"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h2 id="gallring-bekrafta-rubrik">Bekräfta gallringen</h2>
      <p id="gallring-bekrafta-text">
        {elever === 1 ? '1 elev' : `${elever} elever`} och {rader} rader om dem tas bort för all framtid, och innehållet i deras loggposter ersätts med
        att en ändring gjordes. {sakerhetskopior} äldre säkerhetskopior innehåller uppgifterna och tas också bort; en ny
        säkerhetskopia tas först. Det går inte att ångra.
      </p>
      <form onSubmit={handleSubmit(() => ready && onConfirm())}>
        <div className="field">
          <label htmlFor="gallring-ord">Skriv GALLRA för att bekräfta</label>
          <input
            id="gallring-ord"
            type="text"
            autoComplete="off"
            {...field}
            ref={(el) => {
              formRef(el);
              ref.current = el;
            }}
          />
        </div>
        <div className="logg-knappar">
          <button type="submit" className="button danger" disabled={!ready || busy}>
            {busy ? 'Gallrar …' : 'Gallra nu'}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Avbryt <kbd>Esc</kbd>
          </button>
        </div>
      </form>
    </div>
  );
}
