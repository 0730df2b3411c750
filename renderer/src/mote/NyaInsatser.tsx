// "Nya insatser" (N): what the meeting decided beyond the follow-ons, and the form for another one at any level.
import type { MoteAgenda } from '../../../shared/channels/mote';
import { INSATS_TYP_TEXT, NIVA_TEXT } from '../../../shared/labels';
import { datumMedAr } from '../format';
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
  const namn = (elevId: number | null) => (elevId !== null ? (agenda.elever[elevId]?.namn ?? '') : '');
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
              <strong>{i.beskrivning}</strong> · {NIVA_TEXT[i.niva]}{' '}
              {i.elevId !== null ? <MoteElevLank elevId={i.elevId} namn={namn(i.elevId) || 'Elev'} /> : (i.grupp ?? '')} · {INSATS_TYP_TEXT[i.typ]} · startar{' '}
              {datumMedAr(i.startdatum)}
            </li>
          ))}
          {vantar.map((a) => (
            <li key={a.nyckel}>
              <strong>{a.beskrivning}</strong> · {NIVA_TEXT[a.niva]} · sparas…
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
