// Utredning decisions (U): every pupil the rule lists must get "inled utredning" (who, deadline – suggested by the
// rule) or "inte nu" (why) before the meeting can close. Below: open utredningar, the overdue ones first.
import { useForm } from 'react-hook-form';
import type { MoteAgenda, UtredningKandidat } from '../../../shared/channels/mote';
import { datum, datumMedAr, elevIdText } from '../format';
import { useApp } from '../store';
import { MoteAnteckning } from './Anteckning';
import { PersonSelect } from './FoljdFalt';
import { nyNyckel, useMoteKo } from './ko';
import { effektivUtredning } from './vy';

interface Values {
  beslut: 'inled' | 'inte_nu';
  ansvarigId: number | null;
  deadline: string;
  motivering: string;
}

function Kandidat({ k, agenda }: { k: UtredningKandidat; agenda: MoteAgenda }) {
  const navigate = useApp((s) => s.navigate);
  const { ko, angrade, enqueue } = useMoteKo();
  const beslut = effektivUtredning(k, agenda, ko, angrade);
  const standardAnsvarig = agenda.personal.find((p) => p.roller.includes('specialpedagog'))?.id ?? null;
  const { register, handleSubmit, watch, setValue, formState } = useForm<Values>({
    defaultValues: {
      beslut: beslut?.beslut ?? 'inled',
      ansvarigId: beslut?.ansvarigId ?? standardAnsvarig,
      deadline: beslut?.deadline ?? k.foreslagenDeadline,
      motivering: beslut?.motivering ?? '',
    },
  });
  const val = watch('beslut');
  const ansvarigId = watch('ansvarigId');
  const elev = agenda.elever[k.elevId];
  const id = `utr-${k.elevId}`;
  const save = handleSubmit((v) => {
    const nyckel = nyNyckel('utr');
    enqueue({
      nyckel,
      typ: 'utredning',
      args: v.beslut === 'inled'
        ? { moteId: agenda.mote.id, nyckel, elevId: k.elevId, beslut: 'inled', ansvarigId: v.ansvarigId, deadline: v.deadline }
        : { moteId: agenda.mote.id, nyckel, elevId: k.elevId, beslut: 'inte_nu', motivering: v.motivering.trim() },
    });
  });
  return (
    <article className={beslut ? 'mote-utredning beslutad' : 'mote-utredning'} aria-labelledby={`${id}-namn`}>
      <h3 id={`${id}-namn`}>
        <button type="button" className="button link elev-link" onClick={() => navigate({ name: 'elevhistorik', elevId: k.elevId })}>
          {elev?.namn ?? `Elev ${k.elevId}`}
        </button>
        {elev?.klass ? <span className="muted"> · {elev.klass}</span> : null}
        {elev?.externId ? <span className="muted elev-id"> · {elevIdText(elev)}</span> : null}
      </h3>
      <p>{k.skal}</p>
      <p className={beslut ? 'mote-beslutat sparat' : 'mote-saknas'}>
        {beslut
          ? `Beslut: ${beslut.beslut === 'inled' ? `utredning inleds, deadline ${datum(beslut.deadline)}` : 'inte nu'}${beslut.sparad ? ' · sparat' : ' · sparas…'}`
          : 'Beslut saknas'}
      </p>
      <form className="mote-utredning-form" aria-label={`Utredningsbeslut för ${elev?.namn ?? ''}`} onSubmit={(e) => void save(e)} noValidate>
        <fieldset>
          <legend className="visually-hidden">Beslut</legend>
          <label className="checkbox" htmlFor={`${id}-inled`}>
            <input type="radio" id={`${id}-inled`} value="inled" {...register('beslut')} />
            <span>Inled utredning</span>
          </label>
          <label className="checkbox" htmlFor={`${id}-intenu`}>
            <input type="radio" id={`${id}-intenu`} value="inte_nu" {...register('beslut')} />
            <span>Inte nu</span>
          </label>
        </fieldset>
        {val === 'inled' ? (
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-ansvarig`}>Ansvarig för utredningen</label>
              <PersonSelect id={`${id}-ansvarig`} value={ansvarigId} personal={agenda.personal} tom="Välj ansvarig" onChange={(v) => setValue('ansvarigId', v)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-deadline`}>Deadline</label>
              <input id={`${id}-deadline`} type="date" {...register('deadline', { required: 'Sätt en deadline.' })} />
              <p className="hint">
                Förslag: {datumMedAr(k.foreslagenDeadline)}
                {k.foreslagenDeadlineSkal ? ` (${k.foreslagenDeadlineSkal})` : ''}
              </p>
            </div>
          </div>
        ) : (
          <div className={formState.errors.motivering ? 'field has-error' : 'field'}>
            <label htmlFor={`${id}-motivering`}>Motivering</label>
            <textarea id={`${id}-motivering`} rows={2} aria-invalid={Boolean(formState.errors.motivering)} {...register('motivering', {
              validate: (m, all) => all.beslut !== 'inte_nu' || m.trim() !== '' || 'Skriv varför ni inte inleder en utredning nu.',
            })} />
            {formState.errors.motivering && <p className="field-error">{formState.errors.motivering.message}</p>}
          </div>
        )}
        {val === 'inled' && ansvarigId === null && <p className="field-error">Välj vem som ansvarar för utredningen.</p>}
        <button type="submit" className="button primary" disabled={val === 'inled' && ansvarigId === null}>
          Spara utredningsbeslut
        </button>
      </form>
    </article>
  );
}

export function MoteUtredningar({ agenda }: { agenda: MoteAgenda }) {
  const navigate = useApp((s) => s.navigate);
  const kandidater = agenda.utredningskandidater;
  return (
    <section className="mote-sektion" aria-labelledby="mote-utr-rubrik">
      <h2 id="mote-utr-rubrik" tabIndex={-1}>
        Beslut om utredning av behov av särskilt stöd
      </h2>
      <p className="muted">
        "Fatta beslut om ni ska inleda en utredning av elevs behov av särskilt stöd för de elever vars insatser redan har pågått i 5-6 veckor. Tydliggör vem
        som ska göra utredningen och sätt en deadline."
      </p>
      {kandidater.length === 0 ? <p>Ingen elev behöver ett utredningsbeslut vid det här mötet.</p> : kandidater.map((k) => <Kandidat key={k.elevId} k={k} agenda={agenda} />)}
      <MoteAnteckning moteId={agenda.mote.id} punkt="utredningar" rubrik="Anteckningar om utredningarna" las={agenda.mote.status === 'avslutat'} />
      <h2>Pågående utredningar</h2>
      {agenda.utredningar.length === 0 ? (
        <p className="muted">Inga pågående utredningar.</p>
      ) : (
        <ul className="mote-pagaende">
          {agenda.utredningar.map((u) => (
            <li key={u.id} className={u.dagarForsenad > 0 ? 'forsenad' : undefined}>
              <button type="button" className="button link elev-link" onClick={() => navigate({ name: 'elevhistorik', elevId: u.elevId })}>
                {u.elev}
              </button>{' '}
              · ansvarig {u.ansvarig} · deadline {datumMedAr(u.deadline)}
              {u.dagarForsenad > 0 && <strong className="tag tag-warn"> Försenad {u.dagarForsenad} dagar</strong>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
