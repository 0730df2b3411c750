// "Nya insatser" (N): what the meeting decided beyond the follow-ons, and the form for another one at any level.
import type { MoteAgenda } from '../../../shared/channels/mote';
import { INSATS_TYP_TEXT, NIVA_TEXT } from '../../../shared/labels';
import { datumMedAr, elevNamn } from '../format';
import { useApp } from '../store';
import { MoteAnteckning } from './Anteckning';
import { MoteElevLank } from './ElevLank';
import { useMoteKo } from './ko';
import { MoteNyInsats, type NyInsatsForslag } from './NyInsats';

interface Props {
  agenda: MoteAgenda;
  forslag: NyInsatsForslag | null;
  setForslag(f: NyInsatsForslag | null): void;
}

export function MoteNyaInsatser({ agenda, forslag, setForslag }: Props) {
  const ko = useMoteKo((s) => s.ko);
  const vantar = ko.flatMap((k) => (k.typ === 'insats' ? [k.args] : []));
  // A pupil decided on here may not be on the agenda: the register list (loaded by the form) names them.
  const elever = useApp((s) => s.elever);
  const elev = (elevId: number) => {
    const a = agenda.elever[elevId];
    if (a) return { namn: a.namn, externId: a.externId };
    const e = elever?.find((x) => x.id === elevId);
    return e ? { namn: elevNamn(e), externId: e.externId } : null;
  };
  const larare = (id: number | null) => agenda.personal.find((p) => p.id === id)?.namn ?? '';
  const mal = (i: { niva: string; elevId: number | null; grupp?: string | null; gruppId: number | null; larareId: number | null }) => {
    if (i.niva === 'individ' && i.elevId !== null) {
      const e = elev(i.elevId);
      return <MoteElevLank elevId={i.elevId} namn={e?.namn ?? 'Elev'} externId={e?.externId} />;
    }
    if (i.niva === 'grupp') return i.grupp ?? elever?.find((e) => e.klassId === i.gruppId)?.klass ?? '';
    if (i.niva === 'larare') return larare(i.larareId);
    return '';
  };
  return (
    <section className="mote-sektion" aria-labelledby="mote-nya-rubrik">
      <h2 id="mote-nya-rubrik" tabIndex={-1}>
        Nya insatser
      </h2>
      <p className="muted">
        Besluta vilka insatser som ska genomföras under de närmaste 5–6 veckorna, både på individ- och gruppnivå, oavsett om det gäller lärare eller elever.
        Följdinsatser från bedömningarna finns i sammanfattningen.
      </p>
      {agenda.nyaInsatser.length + vantar.length === 0 ? (
        <p>Inga nya insatser ännu.</p>
      ) : (
        <ul className="mote-nya-lista">
          {agenda.nyaInsatser.map((i) => (
            <li key={i.id}>
              <strong>{i.beskrivning}</strong> · {NIVA_TEXT[i.niva]} {mal(i)} · {INSATS_TYP_TEXT[i.typ]} · startar{' '}
              {datumMedAr(i.startdatum)}
            </li>
          ))}
          {vantar.map((a) => (
            <li key={a.nyckel}>
              <strong>{a.beskrivning}</strong> · {NIVA_TEXT[a.niva]} {mal({ niva: a.niva, elevId: a.elevId ?? null, grupp: null, gruppId: a.gruppId ?? null, larareId: a.larareId ?? null })} · sparas…
            </li>
          ))}
        </ul>
      )}
      <MoteAnteckning moteId={agenda.mote.id} punkt="nya" rubrik="Anteckningar om nya insatser" las={agenda.mote.status === 'avslutat'} />
      {forslag ? (
        <MoteNyInsats key={JSON.stringify(forslag)} agenda={agenda} forslag={forslag} onDone={() => setForslag(null)} />
      ) : (
        <button type="button" className="button primary" onClick={() => setForslag({ niva: 'individ' })}>
          Ny insats
        </button>
      )}
    </section>
  );
}
