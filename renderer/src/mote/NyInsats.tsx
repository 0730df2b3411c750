// A new insats decided at the meeting (N), at any level: a pupil, a group, a teacher (handledning, e.g. from the
// teacher pattern) or the organisation, with who implements, who återkopplar, expected effect and start.
import { useEffect, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import type { MoteAgenda } from '../../../shared/channels/mote';
import { nastaSkoldag } from '../../../shared/index';
import { INSATS_TYP_TEXT, NIVA_TEXT } from '../../../shared/labels';
import { INSATS_TYPER, NIVAER, type InsatsTyp, type Niva } from '../../../shared/model';
import { elevValText } from '../format';
import { useApp } from '../store';
import { nyNyckel, useMoteKo } from './ko';

export interface NyInsatsForslag {
  niva: Niva;
  larareId?: number;
  amneId?: number;
  typ?: InsatsTyp;
  beskrivning?: string;
}

interface Values {
  niva: Niva;
  malId: string;
  typ: InsatsTyp;
  beskrivning: string;
  forvantadEffekt: string;
  genomforsAvId: string;
  aterkopplarId: string;
  startdatum: string;
}

export function MoteNyInsats({ agenda, forslag, onDone }: { agenda: MoteAgenda; forslag: NyInsatsForslag | null; onDone(): void }) {
  const elever = useApp((s) => s.elever);
  const loadElever = useApp((s) => s.loadElever);
  const enqueue = useMoteKo((s) => s.enqueue);
  useEffect(() => {
    if (elever === null) void loadElever();
  }, [elever, loadElever]);
  const { register, handleSubmit, watch, formState, reset } = useForm<Values>({
    defaultValues: {
      niva: forslag?.niva ?? 'individ',
      malId: forslag?.larareId ? String(forslag.larareId) : '',
      typ: forslag?.typ ?? 'extra_anpassning',
      beskrivning: forslag?.beskrivning ?? '',
      forvantadEffekt: '',
      genomforsAvId: '',
      aterkopplarId: '',
      startdatum: nastaSkoldag(agenda.mote.datum),
    },
  });
  const niva = watch('niva');
  const klasser = useMemo(() => {
    const m = new Map<number, string>();
    for (const e of elever ?? []) if (e.klassId !== null && e.klass) m.set(e.klassId, e.klass);
    return [...m.entries()].sort((a, b) => a[1].localeCompare(b[1], 'sv'));
  }, [elever]);
  const mal = niva === 'individ'
    ? (elever ?? []).map((e) => [e.id, elevValText(e)] as const)
    : niva === 'grupp' ? klasser : niva === 'larare' ? agenda.personal.map((p) => [p.id, p.namn] as const) : [];
  const num = (v: string) => (v === '' ? null : Number(v));
  const save = handleSubmit((v) => {
    const nyckel = nyNyckel('insats');
    const malId = num(v.malId);
    enqueue({
      nyckel,
      typ: 'insats',
      args: {
        moteId: agenda.mote.id, nyckel, niva: v.niva,
        elevId: v.niva === 'individ' ? malId : null, gruppId: v.niva === 'grupp' ? malId : null, larareId: v.niva === 'larare' ? malId : null,
        amneId: forslag?.amneId ?? null, typ: v.typ, beskrivning: v.beskrivning.trim(), forvantadEffekt: v.forvantadEffekt.trim(),
        genomforsAvId: num(v.genomforsAvId), aterkopplarId: num(v.aterkopplarId), startdatum: v.startdatum,
      },
    });
    reset();
    onDone();
  });
  const e = formState.errors;
  return (
    <form className="card mote-ny-insats" aria-label="Ny insats" noValidate onSubmit={(ev) => void save(ev)}>
      <h3>Ny insats</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor="ny-niva">Nivå</label>
          <select id="ny-niva" {...register('niva')}>
            {NIVAER.map((n) => <option key={n} value={n}>{NIVA_TEXT[n]}</option>)}
          </select>
        </div>
        {niva !== 'organisation' && (
          <div className={e.malId ? 'field has-error' : 'field'}>
            <label htmlFor="ny-mal">{niva === 'individ' ? 'Elev' : niva === 'grupp' ? 'Grupp' : 'Lärare'}</label>
            <select id="ny-mal" aria-invalid={Boolean(e.malId)} {...register('malId', { validate: (v, all) => all.niva === 'organisation' || v !== '' || 'Välj vem insatsen gäller.' })}>
              <option value="">Välj</option>
              {mal.map(([id, namn]) => <option key={id} value={id}>{namn}</option>)}
            </select>
            {e.malId && <p className="field-error">{e.malId.message}</p>}
          </div>
        )}
        <div className="field">
          <label htmlFor="ny-typ">Typ av insats</label>
          <select id="ny-typ" {...register('typ')}>
            {INSATS_TYPER.map((t) => <option key={t} value={t}>{INSATS_TYP_TEXT[t]}</option>)}
          </select>
        </div>
      </div>
      <div className={e.beskrivning ? 'field has-error' : 'field'}>
        <label htmlFor="ny-besk">Beskrivning</label>
        <textarea id="ny-besk" rows={2} aria-invalid={Boolean(e.beskrivning)} {...register('beskrivning', { validate: (v) => v.trim() !== '' || 'Beskriv insatsen.' })} />
        {e.beskrivning && <p className="field-error">{e.beskrivning.message}</p>}
      </div>
      <div className={e.forvantadEffekt ? 'field has-error' : 'field'}>
        <label htmlFor="ny-effekt">Förväntad effekt</label>
        <textarea id="ny-effekt" rows={2} aria-invalid={Boolean(e.forvantadEffekt)} {...register('forvantadEffekt', { validate: (v) => v.trim() !== '' || 'Skriv vilken effekt ni väntar er.' })} />
        {e.forvantadEffekt && <p className="field-error">{e.forvantadEffekt.message}</p>}
      </div>
      <div className="field-row">
        {(['genomforsAvId', 'aterkopplarId'] as const).map((f) => (
          <div className="field" key={f}>
            <label htmlFor={`ny-${f}`}>{f === 'genomforsAvId' ? 'Genomförs av' : 'Återkopplar'}</label>
            <select id={`ny-${f}`} {...register(f)}>
              <option value="">Ingen vald</option>
              {agenda.personal.map((p) => <option key={p.id} value={p.id}>{p.namn}</option>)}
            </select>
          </div>
        ))}
        <div className="field">
          <label htmlFor="ny-start">Startar</label>
          <input id="ny-start" type="date" {...register('startdatum', { required: 'Välj startdatum.' })} />
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary">Spara insatsen</button>
        <button type="button" className="button" onClick={onDone}>Avbryt</button>
      </div>
    </form>
  );
}
