// One insats in meeting mode: who and what, the evidence (text and result change), the judgement (keys 1–5), the
// rule's recommendation with its reason, the decision (D, with a motivation when it departs), the prefilled follow-on
// insats, and the chain of what was tried before (K). Keys are handled by the page; every control also works by mouse.
import { useEffect, useRef, type RefObject } from 'react';
import type { AgendaInsats, MoteAgenda } from '../../../shared/channels/mote';
import { BEDOMNING_TEXT, BESLUT_TEXT, INSATS_STATUS_TEXT, INSATS_TYP_TEXT, NIVA_TEXT } from '../../../shared/labels';
import { BEDOMNINGAR, BESLUT, type Beslut } from '../../../shared/model';
import { skaparFoljdinsats } from '../../../shared/index';
import { datum, datumMedAr } from '../format';
import { useApp } from '../store';
import { Kbd } from '../components/Kbd';
import { MoteFoljdFalt } from './FoljdFalt';
import { rekommendation, standardFoljd, vemText, type Effektiv, type Utkast } from './vy';
import { Recommendation } from '../components/Recommendation';

interface Props {
  ai: AgendaInsats;
  agenda: MoteAgenda;
  nr: number;
  antal: number;
  utkast: Utkast;
  effektiv: Effektiv | null;
  visaKedja: boolean;
  motiveringFel: string | null;
  onUtkast(u: Utkast): void;
  beslutRef: RefObject<HTMLSelectElement | null>;
  motiveringRef: RefObject<HTMLTextAreaElement | null>;
}

export function MoteInsatsPanel({ ai, agenda, nr, antal, utkast, effektiv, visaKedja, motiveringFel, onUtkast, beslutRef, motiveringRef }: Props) {
  const navigate = useApp((s) => s.navigate);
  const i = ai.insats;
  const rek = rekommendation(ai, utkast);
  const beslut: Beslut | null = utkast.beslut ?? rek?.rekommendation ?? null;
  const avviker = rek !== null && beslut !== null && beslut !== rek.rekommendation;
  const id = `mote-insats-${i.id}`;
  const set = (patch: Partial<Utkast>) => onUtkast({ ...utkast, ...patch });
  const egna = i.bedomningar.filter((b) => b.moteId !== agenda.mote.id);
  // On a laptop screen (1366×820) the chain and the decision fall below the fold: bring them into view when they
  // open or change, without scrolling when they are already visible.
  const kedjaRef = useRef<HTMLElement>(null);
  const beslutRutaRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (visaKedja) kedjaRef.current?.scrollIntoView({ block: 'nearest' });
  }, [visaKedja, i.id]);
  useEffect(() => {
    if (utkast.bedomning !== null) beslutRutaRef.current?.scrollIntoView({ block: 'nearest' });
  }, [utkast.bedomning, beslut, avviker, i.id]);

  return (
    <article className="mote-panel" aria-labelledby={`${id}-rubrik`}>
      <header className="mote-panel-header">
        <p className="eyebrow">
          Insats {nr} av {antal} · {NIVA_TEXT[i.niva]}
          {i.amne ? ` · ${i.amne}` : ''} · {INSATS_TYP_TEXT[i.typ]}
        </p>
        <h2 id={`${id}-rubrik`} tabIndex={-1}>
          {i.niva === 'individ' && i.elevId !== null ? (
            <button type="button" className="button link elev-link" onClick={() => navigate({ name: 'elevhistorik', elevId: i.elevId as number })}>
              {vemText(ai, agenda)}
            </button>
          ) : (
            vemText(ai, agenda)
          )}
          <span className="mote-panel-besk">{i.beskrivning}</span>
        </h2>
      </header>
      <div className="mote-panel-grid">
        <div>
          <dl className="facts mote-facts">
            <dt>Förväntad effekt</dt>
            <dd>{i.forvantadEffekt || '–'}</dd>
            <dt>Genomförs av</dt>
            <dd>{i.genomforsAv ?? '–'}</dd>
            <dt>Återkopplar</dt>
            <dd>{i.aterkopplar ?? '–'}</dd>
            <dt>Startade</dt>
            <dd>{datumMedAr(i.startdatum)}</dd>
          </dl>
          <section className="mote-evidens" aria-label="Underlag">
            <h3>Underlag</h3>
            {ai.resultat.length > 0 ? (
              <p>
                Resultat {i.amne ? `i ${i.amne.toLowerCase()}` : ''}:{' '}
                {ai.resultat.map((r) => `${r.tillfalle}: ${r.varde}`).join(' · ')}
                {ai.resultatforandring && (
                  <>
                    {' '}
                    — <strong>förändring {ai.resultatforandring}</strong>
                  </>
                )}
              </p>
            ) : (
              <p className="muted">Inga resultat i ämnet att jämföra.</p>
            )}
            {ai.kedja.length > 0 && (
              <p className="muted">
                Tidigare i kedjan: {ai.kedja.map((k) => `${BEDOMNING_TEXT[k.bedomning].toLowerCase()} → ${BESLUT_TEXT[k.beslut].toLowerCase()}`).join(', ')}.{' '}
                <Kbd keys={['K']} /> visar kedjan.
              </p>
            )}
            <label htmlFor={`${id}-underlag`}>Underlag (text)</label>
            <textarea id={`${id}-underlag`} rows={2} value={utkast.underlag} placeholder="Vad bygger bedömningen på?" onChange={(e) => set({ underlag: e.target.value })} />
          </section>
          {visaKedja && (
            <section ref={kedjaRef} className="mote-kedja" aria-label="Kedjan: det som prövats tidigare" style={{ scrollMarginBottom: '1rem' }}>
              <h3>Kedjan: det som prövats tidigare</h3>
              {ai.historik.length === 0 && egna.length === 0 ? (
                <p className="muted">Insatsen är den första i sin kedja och har inte bedömts tidigare.</p>
              ) : (
                <ol>
                  {[...ai.historik, { insatsId: i.id, beskrivning: `${i.beskrivning} (den här insatsen)`, startdatum: i.startdatum, status: i.status, bedomningar: egna }].map((h) => (
                    <li key={h.insatsId}>
                      <strong>{h.beskrivning}</strong> <span className="muted">({datumMedAr(h.startdatum)}, {INSATS_STATUS_TEXT[h.status].toLowerCase()})</span>
                      {h.bedomningar.map((b) => (
                        <p key={b.datum}>
                          {datum(b.datum)}: {BEDOMNING_TEXT[b.bedomning]} → {BESLUT_TEXT[b.beslut]}
                          {b.motivering ? ` (motivering: ${b.motivering})` : ''}
                        </p>
                      ))}
                    </li>
                  ))}
                </ol>
              )}
            </section>
          )}
        </div>
        <div>
          {effektiv && utkast.bedomning === null && (
            <p className={effektiv.sparad ? 'mote-beslutat sparat' : 'mote-beslutat'} role="status">
              Beslutat: <strong>{BEDOMNING_TEXT[effektiv.bedomning]} → {BESLUT_TEXT[effektiv.beslut]}</strong>
              {effektiv.sparad ? ' · sparat' : ' · sparas…'}
              {effektiv.foljdBeskrivning ? <span className="muted"> Ny insats: {effektiv.foljdBeskrivning}</span> : null}
            </p>
          )}
          <fieldset className="judgements">
            <legend>Bedömning av effekten</legend>
            <div className="judgement-options mote-judgements">
              {BEDOMNINGAR.map((b, n) => (
                <label key={b} className="judgement" htmlFor={`${id}-${b}`}>
                  <input type="radio" id={`${id}-${b}`} name={`${id}-bedomning`} checked={utkast.bedomning === b} aria-keyshortcuts={String(n + 1)} onChange={() => set({ bedomning: b })} />
                  <kbd aria-hidden="true">{n + 1}</kbd>
                  <span>{BEDOMNING_TEXT[b]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <label className="checkbox" htmlFor={`${id}-malet`}>
            <input type="checkbox" id={`${id}-malet`} checked={utkast.maletNatt} aria-keyshortcuts="M" onChange={(e) => set({ maletNatt: e.target.checked })} />
            <span>Målet är nått</span>
            <Kbd keys={['M']} decorative />
          </label>
          <div ref={beslutRutaRef} className="mote-beslutsruta" style={{ scrollMarginBottom: '1rem' }}>
          <Recommendation recommendation={rek} />
          <div className="field">
            <label htmlFor={`${id}-beslut`}>
              Beslut <Kbd keys={['D']} decorative />
            </label>
            <select
              id={`${id}-beslut`}
              ref={beslutRef}
              aria-keyshortcuts="D"
              value={beslut ?? ''}
              disabled={rek === null}
              onChange={(e) => {
                const b = e.target.value as Beslut;
                set({ beslut: b, foljd: skaparFoljdinsats(b) ? standardFoljd(ai, b, agenda.mote.datum) : null });
              }}
            >
              {rek === null && <option value="">Välj bedömning först</option>}
              {BESLUT.map((b) => (
                <option key={b} value={b}>
                  {BESLUT_TEXT[b]}
                  {b === rek?.rekommendation ? ' (rekommenderas)' : ''}
                </option>
              ))}
            </select>
          </div>
          {avviker && (
            <div className={motiveringFel ? 'field has-error' : 'field'}>
              <label htmlFor={`${id}-motivering`}>Motivering</label>
              <p id={`${id}-motivering-hint`} className="hint">
                Beslutet avviker från rekommendationen. Motiveringen sparas med beslutet. <Kbd keys={['Ctrl', 'Enter']} /> sparar.
              </p>
              <textarea
                id={`${id}-motivering`}
                ref={motiveringRef}
                rows={2}
                value={utkast.motivering}
                aria-invalid={Boolean(motiveringFel)}
                aria-describedby={`${id}-motivering-hint${motiveringFel ? ` ${id}-motivering-error` : ''}`}
                onChange={(e) => set({ motivering: e.target.value })}
              />
              {motiveringFel && (
                <p id={`${id}-motivering-error`} className="field-error">
                  {motiveringFel}
                </p>
              )}
            </div>
          )}
          {beslut !== null && skaparFoljdinsats(beslut) && (
            <MoteFoljdFalt
              id={`${id}-foljd`}
              foljd={utkast.foljd ?? standardFoljd(ai, beslut, agenda.mote.datum)}
              personal={agenda.personal}
              onChange={(foljd) => set({ foljd })}
            />
          )}
          </div>
        </div>
      </div>
    </article>
  );
}
