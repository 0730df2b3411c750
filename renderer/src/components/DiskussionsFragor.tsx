// "Diskutera i skolledningen": a step's questions from seed 001, word for word, each with an autosaved answer
// (per varv for the steps that repeat). Reused by every step's screen.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Diskussionssvar } from '../../../shared/channels/plan';
import { ledarhandling, type Steg } from '../../../shared/domain/index';
import { call, errorText } from '../api';
import { AutosaveStatus } from './AutosaveStatus';
import { ErrorAlert } from './ErrorAlert';
import { useAutosave } from './useAutosave';

interface Props {
  steg: Steg;
  varvId?: number | null;
}

function Fraga({ steg, varvId, nr, fraga, stored }: { steg: Steg; varvId: number | null; nr: number; fraga: string; stored: Diskussionssvar | undefined }) {
  const autosave = useAutosave(`diskussion.${steg}.${varvId ?? 0}.${nr}`, (svar: string) => ({
    channel: 'diskussion:save',
    args: { steg, varvId, fragaNr: nr, svar },
  }));
  const { register, setValue } = useForm({ defaultValues: { svar: stored?.svar ?? '' } });
  const id = `diskussion-${steg}-${varvId ?? 0}-${nr}`;

  useEffect(() => {
    setValue('svar', autosave.reconcile(stored?.svar ?? '', stored?.uppdaterad ?? null));
    // Once, when the stored answer has arrived (the parent mounts this only then).
  }, []);

  const field = register('svar', { onChange: (e: { target: { value: string } }) => autosave.change(e.target.value), onBlur: () => void autosave.flush() });
  return (
    <div className="field autosave-field">
      <label htmlFor={id}>{fraga}</label>
      <textarea id={id} rows={3} {...field} aria-describedby={`${id}-state`} />
      <AutosaveStatus id={`${id}-state`} state={autosave.state} />
    </div>
  );
}

export function DiskussionsFragor({ steg, varvId = null }: Props) {
  const steget = ledarhandling(steg);
  const [svar, setSvar] = useState<Diskussionssvar[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setSvar(null);
    call('diskussion:get', { steg, varvId })
      .then(setSvar)
      .catch((e: unknown) => setError(errorText(e)));
  }, [steg, varvId]);

  return (
    <section className="section diskussion" aria-labelledby={`diskutera-${steg}`}>
      <h2 id={`diskutera-${steg}`}>Diskutera i skolledningen</h2>
      {steget.diskussionIntro && <p className="muted">{steget.diskussionIntro}</p>}
      <ErrorAlert message={error} title="Svaren kunde inte hämtas" />
      {svar &&
        steget.diskussionsfragor.map((fraga, i) => (
          <Fraga key={i} steg={steg} varvId={varvId} nr={i + 1} fraga={fraga} stored={svar.find((s) => s.fragaNr === i + 1)} />
        ))}
    </section>
  );
}
