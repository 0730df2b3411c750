// Steg 7: "Gör en avstämning i skolledningen efter att ni har genomfört varvet med resultatuppföljning för samtliga
// årskurser." Which årskurser are done (from held dialogues, or marked by hand), notes, the utvecklingsområden, and
// the step's questions and Fundera.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { AvstamningVy } from '../../../shared/channels/uppfoljning';
import { ledarhandling } from '../../../shared/domain/index';
import { arskursText } from '../../../shared/labels';
import { call, errorText } from '../api';
import { AutosaveStatus } from '../components/AutosaveStatus';
import { ErrorAlert } from '../components/ErrorAlert';
import { Fundera } from '../components/Fundera';
import { useAutosave } from '../components/useAutosave';
import { datumMedVecka } from '../format';
import { useApp } from '../store';
import { AvstamningUtveckling } from './AvstamningUtveckling';
import { KlarKnapp } from './BekraftaKlar';
import { LararmonsterLista } from './Lararmonster';

function Anteckningar({ vy }: { vy: AvstamningVy }) {
  const autosave = useAutosave(`avstamning.${vy.varvId}`, (anteckningar: string) => ({ channel: 'avstamning:save', args: { varvId: vy.varvId, anteckningar } }));
  const { register, setValue } = useForm({ defaultValues: { anteckningar: vy.anteckningar } });
  useEffect(() => {
    setValue('anteckningar', autosave.reconcile(vy.anteckningar, vy.uppdaterad));
    // Once, when the stored avstämning has arrived.
  }, []);
  return (
    <div className="field autosave-field">
      <label htmlFor="uf-avst-anteckningar">Anteckningar från avstämningen</label>
      <textarea
        id="uf-avst-anteckningar"
        rows={4}
        aria-describedby="uf-avst-state"
        {...register('anteckningar', { onChange: (e: { target: { value: string } }) => autosave.change(e.target.value), onBlur: () => void autosave.flush() })}
      />
      <AutosaveStatus id="uf-avst-state" state={autosave.state} />
    </div>
  );
}

export function AvstamningPanel({ varvId }: { varvId: number }) {
  const announce = useApp((s) => s.announce);
  const [vy, setVy] = useState<AvstamningVy | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('avstamning:get', { varvId })
      .then(setVy)
      .catch((e: unknown) => setError(errorText(e)));
  }, [varvId]);

  const save = async (args: { arskurserKlara?: number[]; status?: 'pagar' | 'klar'; bekraftat?: boolean }, text?: string) => {
    setError(null);
    try {
      setVy(await call('avstamning:save', { varvId, ...args }));
      if (text) announce(text);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const manuella = vy?.arskurser.filter((a) => a.kalla === 'manuellt').map((a) => a.arskurs) ?? [];
  const klara = vy?.arskurser.filter((a) => a.klar).length ?? 0;
  return (
    <>
      <p className="lead">{ledarhandling(7).ingress}</p>
      <ErrorAlert message={error} title="Avstämningen kunde inte visas" />
      {vy && (
        <>
          <section className="section" aria-labelledby="uf-arskurser">
            <div className="section-header">
              <h2 id="uf-arskurser">{`Varv ${vy.varvNummer}: årskurser med genomförd resultatuppföljning`}</h2>
              <span className={vy.allaKlara ? 'tag uf-tag-klar' : 'tag'}>{`${klara} av ${vy.arskurser.length} klara`}</span>
            </div>
            <p className="muted">
              {vy.planeratDatum ? `Planerad avstämning: ${datumMedVecka(vy.planeratDatum)}. ` : ''}
              En årskurs är klar när varje grupp i den har haft sin resultatdialog: med arbetslaget, eller i varje ämne (med läraren eller ämneslaget). Markera själv en årskurs vars dialog hölls utanför Varvet.
              {vy.ehtHallet ? ' Varvets EHT-möte är hållet.' : ' Varvets EHT-möte är inte avslutat ännu.'}
            </p>
            <ul className="uf-arskurslista">
              {vy.arskurser.map((a) => (
                <li key={a.arskurs}>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={a.klar}
                      disabled={a.kalla === 'resultatdialog'}
                      onChange={(e) =>
                        void save({ arskurserKlara: e.target.checked ? [...manuella, a.arskurs] : manuella.filter((x) => x !== a.arskurs) })
                      }
                    />
                    {`Åk ${arskursText(a.arskurs)}`}
                  </label>
                  <span className="muted">
                    {a.kalla === 'resultatdialog'
                      ? `Klar: ${a.dialoger.join(', ')}`
                      : a.kalla === 'manuellt'
                        ? 'Markerad som klar av skolledningen'
                        : a.undervisningar > 0
                          ? `Inte klar: ${a.tackta} av ${a.undervisningar} undervisningar har haft resultatdialog${a.dialoger.length > 0 ? ` (${a.dialoger.join(', ')})` : ''}`
                          : 'Inte klar'}
                  </span>
                  {a.kvar.length > 0 && (
                    <details className="uf-kvar">
                      <summary>{`Kvar i åk ${arskursText(a.arskurs)}: ${a.kvar.length} ${a.kvar.length === 1 ? 'grupp' : 'grupper'}`}</summary>
                      <ul aria-label={`Kvar i åk ${arskursText(a.arskurs)}`}>
                        {a.kvar.map((k) => (
                          <li key={k.grupp}>{`${k.grupp}: ${k.amnen.join(', ')}`}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <section className="section" aria-labelledby="uf-avst-rubrik">
            <h2 id="uf-avst-rubrik">Avstämningen</h2>
            <Anteckningar key={vy.varvId} vy={vy} />
            <div className="form-actions">
              {vy.status === 'klar' ? (
                <button type="button" className="button" onClick={() => void save({ status: 'pagar' }, 'Avstämningen är öppnad igen.')}>
                  Öppna avstämningen igen
                </button>
              ) : (
                <KlarKnapp
                  etikett="Markera avstämningen som klar"
                  ofardigt={vy.ofardigt}
                  onKlar={(bekraftat) => void save({ status: 'klar', bekraftat }, `Avstämningen för varv ${vy.varvNummer} är klar.`)}
                />
              )}
              {!vy.allaKlara && vy.status !== 'klar' && <span className="muted">Alla årskurser är inte klara ännu.</span>}
              {vy.status === 'klar' && <span className="tag uf-tag-klar">Klar</span>}
            </div>
          </section>
        </>
      )}
      {vy && <LararmonsterLista monster={vy.lararmonster} id="uf-avst-monster" />}
      <AvstamningUtveckling varvId={varvId} />
      <Fundera steg={7} varvId={varvId} />
    </>
  );
}
