// Steg 5 per varv: the varv's resultatdialoger (one per teacher, ämneslag or arbetslag), a new one, the open one,
// the question bank, and the step's discussion questions and Fundera.
import { useCallback, useEffect, useState } from 'react';
import { OMFATTNING_TEXT, type ResultatdialogRad } from '../../../../shared/channels/uppfoljning';
import { ledarhandling } from '../../../../shared/domain/index';
import { call, errorText } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fundera } from '../../components/Fundera';
import { datumMedVecka } from '../../format';
import { useApp } from '../../store';
import { AvstamningUtveckling } from '../AvstamningUtveckling';
import { ResultatdialogFragebank } from './Fragebank';
import { ResultatdialogNy } from './Ny';
import { ResultatdialogVyPanel } from './Vy';

export function ResultatdialogPanel({ varvId }: { varvId: number }) {
  const announce = useApp((s) => s.announce);
  const [dialoger, setDialoger] = useState<ResultatdialogRad[] | null>(null);
  const [oppen, setOppen] = useState<number | null>(null);
  const [ny, setNy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    () =>
      call('resultatdialog:list', { varvId })
        .then(setDialoger)
        .catch((e: unknown) => setError(errorText(e))),
    [varvId],
  );
  useEffect(() => void load(), [load]);

  return (
    <>
      <p className="lead">{ledarhandling(5).ingress}</p>
      <p className="muted">
        Var noga med att behålla fokus på vad läraren kan förändra för att fler elever ska lyckas. Planen följs upp i nästa varvs dialog.
      </p>
      <ErrorAlert message={error} title="Resultatdialogerna kunde inte hämtas" />
      <section className="section" aria-labelledby="uf-dialoger">
        <div className="section-header">
          <h2 id="uf-dialoger">Varvets resultatdialoger</h2>
          {!ny && (
            <button type="button" className="button primary" onClick={() => setNy(true)}>
              Ny resultatdialog
            </button>
          )}
        </div>
        {ny && (
          <ResultatdialogNy
            varvId={varvId}
            onCancel={() => setNy(false)}
            onCreated={(id, namn) => {
              setNy(false);
              setOppen(id);
              announce(`Resultatdialogen med ${namn} är skapad.`);
              void load();
            }}
          />
        )}
        {dialoger?.length === 0 && !ny && <p className="muted">Inga resultatdialoger i det här varvet ännu.</p>}
        {dialoger && dialoger.length > 0 && (
          <ul className="uf-dialoglista">
            {dialoger.map((d) => (
              <li key={d.id}>
                <button
                  type="button"
                  className={d.id === oppen ? 'uf-dialogknapp current' : 'uf-dialogknapp'}
                  aria-pressed={d.id === oppen}
                  onClick={() => setOppen(d.id === oppen ? null : d.id)}
                >
                  <span className="uf-dialognamn">{d.namn}</span>
                  <span className="muted">
                    {OMFATTNING_TEXT[d.omfattning]} · {datumMedVecka(d.datum)}
                  </span>
                  <span className={d.status === 'genomford' ? 'tag uf-tag-klar' : 'tag'}>{d.status === 'genomford' ? 'Genomförd' : 'Planerad'}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {oppen !== null && <ResultatdialogVyPanel key={oppen} id={oppen} onChanged={() => void load()} />}
      <ResultatdialogFragebank />
      <AvstamningUtveckling varvId={varvId} />
      <Fundera steg={5} varvId={varvId} />
    </>
  );
}
