// Fundera after a step (seed 001): Utfall, Varför, Nästa steg, autosaved per step and per varv or meeting, with the
// step's own "Diskutera i skolledningen" questions above. Reused by every step: <Fundera steg={6} varvId={…} />.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Reflektion } from '../../../shared/channels/plan';
import { FUNDERA_INTRO, funderaPrompts, type FunderaFalt, type Steg } from '../../../shared/domain/index';
import { call, errorText } from '../api';
import { AutosaveStatus } from './AutosaveStatus';
import { DiskussionsFragor } from './DiskussionsFragor';
import { ErrorAlert } from './ErrorAlert';
import { useAutosave } from './useAutosave';

interface Props {
  steg: Steg;
  varvId?: number | null;
  moteId?: number | null;
  /** Show the step's discussion questions too (default true; step 3's questions are the plan itself). */
  diskussion?: boolean;
}

type Values = Record<FunderaFalt, string>;

function FunderaForm({ steg, varvId, moteId, stored }: { steg: Steg; varvId: number | null; moteId: number | null; stored: Reflektion }) {
  const autosave = useAutosave(`reflektion.${steg}.${varvId ?? 0}.${moteId ?? 0}`, (v: Values) => ({
    channel: 'reflektion:save',
    args: { steg, varvId, moteId, ...v },
  }));
  const initial: Values = { utfall: stored.utfall, varfor: stored.varfor, nastaSteg: stored.nastaSteg };
  const { register, reset, getValues } = useForm<Values>({ defaultValues: initial });

  useEffect(() => {
    reset(autosave.reconcile(initial, stored.uppdaterad));
    // Once: the stored reflection has arrived when this form mounts.
  }, []);

  const prefix = `fundera-${steg}-${varvId ?? 0}-${moteId ?? 0}`;
  return (
    <form className="fundera-form" onSubmit={(e) => e.preventDefault()}>
      {funderaPrompts(steg).map((p) => (
        <div className="field autosave-field" key={p.falt}>
          <label htmlFor={`${prefix}-${p.falt}`}>{p.rubrik}</label>
          <p className="hint" id={`${prefix}-${p.falt}-hint`}>
            {p.fraga}
          </p>
          <textarea
            id={`${prefix}-${p.falt}`}
            rows={4}
            aria-describedby={`${prefix}-${p.falt}-hint ${prefix}-state`}
            {...register(p.falt, { onChange: () => autosave.change(getValues()), onBlur: () => void autosave.flush() })}
          />
        </div>
      ))}
      <AutosaveStatus id={`${prefix}-state`} state={autosave.state} />
    </form>
  );
}

export function Fundera({ steg, varvId = null, moteId = null, diskussion = true }: Props) {
  const [stored, setStored] = useState<Reflektion | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setStored(null);
    call('reflektion:get', { steg, varvId, moteId })
      .then(setStored)
      .catch((e: unknown) => setError(errorText(e)));
  }, [steg, varvId, moteId]);

  return (
    <>
      {diskussion && steg !== 3 && <DiskussionsFragor steg={steg} varvId={varvId} />}
      <section className="section fundera" aria-labelledby={`fundera-${steg}`}>
        <h2 id={`fundera-${steg}`}>Fundera</h2>
        <p className="muted">{FUNDERA_INTRO}</p>
        <ErrorAlert message={error} title="Reflektionen kunde inte hämtas" />
        {stored && <FunderaForm key={`${steg}-${varvId}-${moteId}`} steg={steg} varvId={varvId} moteId={moteId} stored={stored} />}
      </section>
    </>
  );
}
