// The gallring rule with its setting: years after a pupil left before their data is removed.
import { useForm } from 'react-hook-form';
import { call, errorText } from '../api';

interface Props {
  gallringAr: number;
  grans: string;
  onSaved(): void;
  onError(message: string): void;
}

export function GallringRegel({ gallringAr, grans, onSaved, onError }: Props) {
  const { register, handleSubmit, formState } = useForm<{ gallringAr: number }>({ values: { gallringAr } });
  const save = handleSubmit(async (v) => {
    try {
      await call('gallring:regel', { gallringAr: v.gallringAr });
      onSaved();
    } catch (e) {
      onError(errorText(e));
    }
  });
  return (
    <section className="gallring-regel card" aria-labelledby="gallring-regel-rubrik">
      <h2 id="gallring-regel-rubrik">Regeln</h2>
      <p>
        Uppgifter om en elev som har slutat tas bort <strong>{gallringAr} år</strong> efter att eleven slutade. I dag
        gäller det elever som slutade {grans} eller tidigare. Kommunens dokumenthanteringsplan avgör hur länge
        uppgifterna ska sparas; 3 år är ett vanligt val för arbetsmaterial om stöd och uppföljning.
      </p>
      <form className="gallring-regel-form" onSubmit={save}>
        <div className="field">
          <label htmlFor="gallring-ar">År efter att eleven slutat (1–10)</label>
          <input id="gallring-ar" type="number" min={1} max={10} {...register('gallringAr', { valueAsNumber: true, min: 1, max: 10, required: true })} />
        </div>
        <button type="submit" className="button" disabled={formState.isSubmitting || !formState.isDirty}>
          Spara regeln
        </button>
      </form>
    </section>
  );
}
