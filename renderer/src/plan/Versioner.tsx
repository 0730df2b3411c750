// The plan's versions: freeze the baseline ("Fastställ som baslinje") or save a new version with who and why, and
// see every version with its reason. The baseline is what the year-end compares with.
import { format } from 'date-fns';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toIsoDate } from '../../../shared/calendar';
import type { PlanBaslinjeLage, PlanVersionInfo } from '../../../shared/channels/plan';
import { call, errorText } from '../api';
import { datumMedAr } from '../format';
import { lokal } from '../lokalLagring';
import { useApp } from '../store';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field, describedBy } from '../components/Field';

const SPARAD_AV = 'varvet.plan.sparadAv';

export function PlanVersionForm({ versioner, harBaslinje, lage, onSaved }: { versioner: PlanVersionInfo[]; harBaslinje: boolean; lage?: PlanBaslinjeLage | null; onSaved: () => void }) {
  const announce = useApp((s) => s.announce);
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, reset, formState } = useForm({
    defaultValues: { skapadAv: lokal.get(SPARAD_AV) ?? '', orsak: '' },
  });
  const save = handleSubmit(async ({ skapadAv, orsak }) => {
    try {
      const v = await call('plan:sparaVersion', { skapadAv, orsak, baslinje: !harBaslinje });
      lokal.set(SPARAD_AV, skapadAv);
      reset({ skapadAv, orsak: '' });
      setError(null);
      announce(v.isBaseline ? `Planen är fastställd som baslinje (version ${v.nummer}).` : `Version ${v.nummer} av planen är sparad.`);
      onSaved();
    } catch (e) {
      setError(errorText(e));
    }
  });
  const e = formState.errors;
  return (
    <form className="card plan-version-form" onSubmit={save} noValidate aria-labelledby="version-form-rubrik">
      <h2 id="version-form-rubrik">{harBaslinje ? 'Spara en ny version' : 'Fastställ som baslinje'}</h2>
      <p className="hint">
        {harBaslinje
          ? 'Planen har en baslinje. Ändringar sparas som nya versioner, med vem och varför, så att ni kan se hur planen har ändrats.'
          : lage && lage.baslinje === null && lage.frysesDatum === null
            ? 'Läsåret har redan börjat och planen har ingen baslinje ännu. En tom plan fastställs aldrig: skriv planen i steg 3, så blir den första versionen med svar på frågorna baslinjen. Vid läsårets slut jämför ni med den.'
            : 'Baslinjen är planen som gäller när läsåret börjar. Vid läsårets slut jämför ni med den: följde ni planeringen? Fastställer ni den inte själva gör Varvet det när läsåret börjar (om planen har svar på frågorna).'}
      </p>
      <ErrorAlert message={error} />
      <div className="field-row">
        <Field id="version-av" label="Vem sparar" error={e.skapadAv?.message}>
          <input type="text" autoComplete="name" {...describedBy('version-av', e.skapadAv?.message)} {...register('skapadAv', { required: 'Skriv ditt namn.' })} />
        </Field>
      </div>
      <Field id="version-orsak" label={harBaslinje ? 'Varför ändras planen?' : 'Kommentar (valfri)'} error={e.orsak?.message}>
        <textarea rows={2} {...describedBy('version-orsak', e.orsak?.message)} {...register('orsak', harBaslinje ? { validate: (v) => v.trim() !== '' || 'Skriv varför planen ändras.' } : {})} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={formState.isSubmitting}>
          {harBaslinje ? 'Spara ny version' : 'Fastställ som baslinje'}
        </button>
      </div>
    </form>
  );
}

/** "tisdag 4 november 2026 kl. 10.42", in the user's own time zone (versions are stored as UTC instants). */
export function sparadText(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  return `${datumMedAr(toIsoDate(d))} kl. ${format(d, 'HH.mm')}`;
}

export function PlanVersionLista({ versioner, lage, onSatt }: { versioner: PlanVersionInfo[]; lage?: PlanBaslinjeLage | null; onSatt?: () => void }) {
  const announce = useApp((s) => s.announce);
  const [fel, setFel] = useState<string | null>(null);
  if (versioner.length === 0) return <p className="muted">Planen har inga sparade versioner ännu.</p>;
  // Until the first varv's EHT-möte the skolledning may choose another of the läsår's versions as the baseline.
  const kanSattas = lage?.andrasSenast ? (v: PlanVersionInfo) => !v.isBaseline && v.lasarId === lage.lasar.id : () => false;
  const satt = async (v: PlanVersionInfo) => {
    try {
      await call('plan:sattBaslinje', { versionId: v.id });
      setFel(null);
      announce(`Version ${v.nummer} är nu planens baslinje.`);
      onSatt?.();
    } catch (e) {
      setFel(errorText(e));
    }
  };
  // Once the plan has versions from more than one läsår, each row says which.
  const flerLasar = new Set(versioner.map((v) => v.lasarNamn)).size > 1;
  return (
    <>
    {lage?.andrasSenast && lage.baslinje && (
      <p className="hint">
        Baslinjen kan sättas om till en annan version från läsåret fram till varv 1:s EHT-möte ({datumMedAr(lage.andrasSenast)}). Ändringen
        loggas.
      </p>
    )}
    <ErrorAlert message={fel} title="Baslinjen kunde inte ändras" />
    <div className="table-wrap">
      <table className="table">
        <caption className="sr-only">Planens versioner, nyaste först</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            {flerLasar && <th scope="col">Läsår</th>}
            <th scope="col">Sparad</th>
            <th scope="col">Av</th>
            <th scope="col">Varför</th>
          </tr>
        </thead>
        <tbody>
          {versioner.map((v) => (
            <tr key={v.id}>
              <th scope="row">
                Version {v.nummer} {v.isBaseline && <span className="tag plan-baseline">Baslinje</span>}
              </th>
              {flerLasar && <td>{v.lasarNamn ?? '–'}</td>}
              <td>{sparadText(v.skapad)}</td>
              <td>{v.skapadAv}</td>
              <td>
                {v.orsak || '–'}
                {kanSattas(v) && (
                  <>
                    {' '}
                    <button type="button" className="button link" onClick={() => void satt(v)}>
                      Gör till baslinje <span className="visually-hidden">(version {v.nummer})</span>
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    </>
  );
}
