// The dense list (L): every due insats on one screen, grouped by level, with the decision made or the draft's
// recommendation. The same keys work on the highlighted row; a pupil's name opens their insats history.
import { useEffect, useRef } from 'react';
import type { MoteAgenda } from '../../../shared/channels/mote';
import { BEDOMNING_TEXT, BESLUT_TEXT, NIVA_TEXT } from '../../../shared/labels';
import { MoteElevLank } from './ElevLank';
import type { KoItem } from './ko';
import { effektiv, rekommendation, TOMT_UTKAST, vemText, type Utkast } from './vy';

interface Props {
  agenda: MoteAgenda;
  ko: KoItem[];
  angrade: string[];
  index: number;
  utkast: Record<number, Utkast>;
  onSelect(index: number): void;
}

export function MoteInsatsLista({ agenda, ko, angrade, index, utkast, onSelect }: Props) {
  const activeRef = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    activeRef.current?.scrollIntoView({ block: 'nearest' });
  }, [index]);
  return (
    <div className="table-wrap mote-lista">
      <table className="table">
        <caption className="visually-hidden">Insatser att bedöma</caption>
        <thead>
          <tr>
            <th scope="col">Nivå</th>
            <th scope="col">Gäller</th>
            <th scope="col">Insats</th>
            <th scope="col">Bedömning</th>
            <th scope="col">Beslut</th>
          </tr>
        </thead>
        <tbody>
          {agenda.insatser.map((ai, i) => {
            const e = effektiv(ai, agenda, ko, angrade);
            const u = utkast[ai.insats.id] ?? TOMT_UTKAST;
            const rek = rekommendation(ai, u);
            const current = i === index;
            return (
              <tr
                key={ai.insats.id}
                ref={current ? activeRef : undefined}
                className={current ? 'current' : undefined}
                aria-current={current ? 'true' : undefined}
                onClick={() => onSelect(i)}
              >
                <td>{NIVA_TEXT[ai.insats.niva]}</td>
                <th scope="row">
                  {ai.insats.niva === 'individ' ? <MoteElevLank elevId={ai.insats.elevId} namn={vemText(ai, agenda)} externId={ai.insats.elevId !== null ? agenda.elever[ai.insats.elevId]?.externId : null} /> : vemText(ai, agenda)}
                </th>
                <td>{ai.insats.beskrivning}</td>
                <td>{u.bedomning ? BEDOMNING_TEXT[u.bedomning] : e ? BEDOMNING_TEXT[e.bedomning] : '–'}</td>
                <td>
                  {u.bedomning && rek
                    ? `${BESLUT_TEXT[u.beslut ?? rek.rekommendation]} (utkast, Enter sparar)`
                    : e
                      ? `${BESLUT_TEXT[e.beslut]}${e.sparad ? '' : ' · sparas…'}`
                      : 'Ej bedömd'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
