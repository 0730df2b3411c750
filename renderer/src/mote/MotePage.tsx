// Meeting mode (ledarhandling steps 4 and 6): the agenda loaded once, one insats at a time or a dense list, keyboard
// first. 1–5 judge, Enter accepts the rule's recommendation and moves on (two keystrokes), saves go through the
// client queue, so nothing here ever waits on the backend.
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { BESLUT_TEXT, MOTE_TYP_TEXT } from '../../../shared/labels';
import { BEDOMNINGAR } from '../../../shared/model';
import { ErrorAlert } from '../components/ErrorAlert';
import { MoteHjalp, MoteKortkommandon } from './Hjalp';
import { MoteInsatsLista } from './InsatsLista';
import { MoteInsatsPanel } from './InsatsPanel';
import { agendaAnkomTid, nyNyckel, useMoteKo } from './ko';
import { MoteNyaInsatser } from './NyaInsatser';
import { MoteResultat } from './Resultat';
import { MoteSparstatus } from './Sparstatus';
import { MoteUtredningar } from './Utredningar';
import { effektiv, effektivUtredning, evaluateArgs, rekommendation, TOMT_UTKAST, type Utkast } from './vy';
import type { NyInsatsForslag } from './NyInsats';
import { isTyping } from '../components/useShortcuts';
import { enkelTangentAv } from '../components/enkelTangent';
import { datumMedAr } from '../format';
import { lokal } from '../lokalLagring';
import { useApp } from '../store';
import './mote.css';

type Sektion = 'resultat' | 'insatser' | 'utredningar' | 'nya';
const UTKAST = 'varvet.moteutkast.';

function readUtkast(moteId: number): Record<number, Utkast> {
  try {
    return JSON.parse(lokal.get(UTKAST + moteId) ?? '{}') as Record<number, Utkast>;
  } catch {
    return {};
  }
}

export function MotePage({ moteId, sektion: start }: { moteId: number; sektion?: 'utredningar' | undefined }) {
  const navigate = useApp((s) => s.navigate);
  const announce = useApp((s) => s.announce);
  const { agenda, laddaFel, ko, angrade, load, enqueue, undo } = useMoteKo();
  const [index, setIndex] = useState(0);
  const [sektion, setSektion] = useState<Sektion>(start ?? 'insatser');
  const [lista, setLista] = useState(false);
  const [kedja, setKedja] = useState(false);
  const [hjalp, setHjalp] = useState(false);
  const [utkast, setUtkastMap] = useState<Record<number, Utkast>>(() => readUtkast(moteId));
  const [motiveringFel, setMotiveringFel] = useState<string | null>(null);
  const [forslag, setForslag] = useState<NyInsatsForslag | null>(null);
  const beslutRef = useRef<HTMLSelectElement>(null);
  const motiveringRef = useRef<HTMLTextAreaElement>(null);
  const rubrikRef = useRef<HTMLHeadingElement>(null);
  const fokusNasta = useRef(false);

  useEffect(() => {
    void load(moteId);
  }, [moteId, load]);
  // Drafts (typed evidence, motivations) are kept locally, encrypted, so a killed app or a sleeping laptop loses nothing.
  useEffect(() => {
    if (Object.keys(utkast).length === 0) lokal.remove(UTKAST + moteId);
    else lokal.set(UTKAST + moteId, JSON.stringify(utkast));
  }, [moteId, utkast]);

  // `npm run bench` reads this measure: from the agenda's data being in the page (or, when it was fetched ahead by the
  // EHT-möten list, from this screen opening) to the first frame painted with it.
  const monterad = useRef(performance.now());
  const agendaVisad = agenda !== null;
  useEffect(() => {
    if (!agendaVisad) return;
    const start = Math.max(monterad.current, agendaAnkomTid());
    requestAnimationFrame(() => window.setTimeout(() => performance.measure('varvet:agenda-pa-skarmen', { start, end: performance.now() })));
  }, [agendaVisad]);

  // After a reload (or a reopened app) the meeting continues where it stopped: at the first insats not yet decided.
  const startsatt = useRef<number | null>(null);
  useEffect(() => {
    if (!agenda || agenda.mote.id !== moteId || startsatt.current === moteId) return;
    startsatt.current = moteId;
    const forsta = agenda.insatser.findIndex((x) => effektiv(x, agenda, ko, angrade) === null);
    setIndex(forsta >= 0 ? forsta : 0);
  }, [agenda, moteId, ko, angrade]);

  // The page title names the meeting: "EHT-möte 14 januari – Varvet".
  const moteDatum = agenda?.mote.datum ?? null;
  useEffect(() => {
    if (!moteDatum) return;
    const dag = new Date(`${moteDatum}T12:00:00`).toLocaleDateString('sv-SE', { day: 'numeric', month: 'long' });
    document.title = `EHT-möte ${dag} – Varvet`;
  }, [moteDatum]);

  // Opening the meeting: the focus goes to its heading (the button that opened it is gone), not to the page body.
  useEffect(() => {
    if (!agendaVisad) return;
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) rubrikRef.current?.focus();
  }, [agendaVisad]);

  // After a decision is saved: the next insats's first control (its first assessment choice).
  useEffect(() => {
    if (!fokusNasta.current) return;
    fokusNasta.current = false;
    const first =
      document.querySelector<HTMLElement>('.mote-innehall input[type="radio"]:not([disabled])') ??
      document.querySelector<HTMLElement>('.mote-innehall input:not([disabled]), .mote-innehall select, .mote-innehall textarea, .mote-innehall button');
    (first ?? rubrikRef.current)?.focus();
  });

  const insatser = agenda?.insatser ?? [];
  const ai = insatser[Math.min(index, insatser.length - 1)];
  const current = ai ? (utkast[ai.insats.id] ?? TOMT_UTKAST) : TOMT_UTKAST;
  const setUtkast = useCallback((id: number, u: Utkast | null) => {
    setMotiveringFel(null);
    setUtkastMap((m) => {
      const next = { ...m };
      if (u) next[id] = u;
      else delete next[id];
      return next;
    });
  }, []);

  const bedomda = agenda ? insatser.filter((x) => effektiv(x, agenda, ko, angrade) !== null).length : 0;
  const utrKlara = agenda ? agenda.utredningskandidater.filter((k) => effektivUtredning(k, agenda, ko, angrade) !== null).length : 0;

  const move = useCallback((delta: number) => {
    setMotiveringFel(null);
    setIndex((i) => Math.max(0, Math.min(insatser.length - 1, i + delta)));
  }, [insatser.length]);

  const commit = useCallback(() => {
    if (!agenda || !ai) return;
    if (current.bedomning === null) {
      if (effektiv(ai, agenda, ko, angrade)) move(1);
      else announce('Välj en bedömning med 1–5 först.');
      return;
    }
    const nyckel = nyNyckel('bedom');
    const args = evaluateArgs(ai, current, agenda.mote.id, agenda.mote.datum, nyckel);
    if (!args) return;
    if (args.motivering !== null && args.motivering === '') {
      setMotiveringFel('Beslutet avviker från rekommendationen. Skriv en motivering innan du sparar.');
      motiveringRef.current?.focus();
      return;
    }
    enqueue({ nyckel, typ: 'evaluate', args });
    setUtkast(ai.insats.id, null);
    announce(`Sparat: ${BESLUT_TEXT[args.beslut]}.`);
    // On to the next insats not yet decided, else simply the next one.
    const after = insatser.findIndex((x, i) => i > index && effektiv(x, agenda, ko, angrade) === null);
    setIndex(after >= 0 ? after : Math.min(insatser.length - 1, index + 1));
    // The focus goes to the next insats's first control once it is shown, never to the page body.
    fokusNasta.current = true;
  }, [agenda, ai, current, ko, angrade, enqueue, setUtkast, announce, insatser, index, move]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!agenda || hjalp) return;
      const key = e.key.toLowerCase();
      if ((e.ctrlKey || e.metaKey) && key === 'z' && !isTyping(e.target)) {
        e.preventDefault();
        const done = undo();
        announce(done ? 'Senaste ändringen är ångrad.' : 'Det finns inget att ångra.');
        return;
      }
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && sektion === 'insatser') {
        e.preventDefault();
        commit();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTyping(e.target)) {
        if (e.key === 'Escape') (e.target as HTMLElement).blur();
        return;
      }
      // Single character keys can be turned off in Inställningar (WCAG 2.1.4); Enter, Esc and the arrows stay.
      if (enkelTangentAv(e)) return;
      const target = e.target as HTMLElement;
      // Keys belong to the focused control first: ↓/→ on an assessment radio move within its group.
      const ownsArrows = target.closest('input[type="radio"], [role="radiogroup"], [role="tablist"], [role="grid"], [role="listbox"], [role="region"]') !== null;
      if (e.key.startsWith('Arrow') && ownsArrows) return;
      const onControl = target.closest('button, a, summary, [role="dialog"]') !== null;
      const sections: Record<string, Sektion> = { u: 'utredningar', r: 'resultat', i: 'insatser' };
      if (e.key === '?') setHjalp(true);
      else if (sections[key]) setSektion(sections[key]);
      else if (key === 'n') { setForslag({ niva: 'individ' }); setSektion('nya'); }
      else if (key === 's') navigate({ name: 'mote-summering', moteId });
      else if (sektion !== 'insatser' || !ai) return;
      else if (/^[1-5]$/.test(e.key)) setUtkast(ai.insats.id, { ...current, bedomning: BEDOMNINGAR[Number(e.key) - 1] ?? null });
      else if (e.key === 'Enter' && !onControl) commit();
      else if (key === 'm') setUtkast(ai.insats.id, { ...current, maletNatt: !current.maletNatt });
      else if (key === 'k') setKedja((k) => !k);
      else if (key === 'l') setLista((l) => !l);
      else if (key === 't') document.getElementById(`mote-insats-${ai.insats.id}-underlag`)?.focus();
      else if (key === 'd') {
        const rek = rekommendation(ai, current);
        if (!rek) { announce('Välj en bedömning med 1–5 först.'); }
        else {
          // Rendered at once, so the decision field has the focus before the next key.
          flushSync(() => setUtkast(ai.insats.id, { ...current, beslut: current.beslut ?? rek.rekommendation }));
          beslutRef.current?.focus();
        }
      } else if (e.key === 'ArrowRight' || e.key === 'ArrowDown') move(1);
      else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') move(-1);
      else if (e.key === 'Escape') setUtkast(ai.insats.id, null);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [agenda, hjalp, sektion, ai, current, commit, undo, announce, setUtkast, move, navigate, moteId]);

  if (laddaFel) return <div className="page"><ErrorAlert message={laddaFel} title="Mötet kunde inte öppnas" /></div>;
  if (!agenda) return <div className="page" aria-busy="true"><p className="muted">Hämtar dagordningen…</p></div>;
  const { mote } = agenda;
  const nav: [Sektion, string, string, string][] = [
    ['resultat', mote.typ === 'forsta_eht' ? 'Förra terminens resultat' : 'Varvets resultat', 'R', `${agenda.lararmonster.length} lärarmönster`],
    ['insatser', 'Insatser', 'I', `${bedomda} av ${insatser.length} bedömda`],
    ['utredningar', 'Utredningar', 'U', `${utrKlara} av ${agenda.utredningskandidater.length} beslut`],
    ['nya', 'Nya insatser', 'N', `${agenda.nyaInsatser.length + ko.filter((k) => k.typ === 'insats').length} st`],
  ];
  return (
    <div className="page mote-page">
      <header className="page-header mote-header">
        <div>
          <p className="eyebrow">{MOTE_TYP_TEXT[mote.typ]}{mote.varvNummer ? ` · varv ${mote.varvNummer}` : ''} · {datumMedAr(mote.datum)}</p>
          <h1 tabIndex={-1} ref={rubrikRef}>Mötesläge</h1>
        </div>
      </header>
      <div className="mote-topbar">
        <MoteKortkommandon />
        <MoteSparstatus />
      </div>
      {mote.status === 'avslutat' && <p className="alert">Mötet är avslutat. Beslut kan inte längre ändras.</p>}
      <div className="mote-layout">
        <nav className="mote-dagordning" aria-label="Dagordning">
          <ol>
            {nav.map(([s, label, k, info]) => (
              <li key={s}>
                <button type="button" className={sektion === s ? 'nav-item current' : 'nav-item'} aria-current={sektion === s ? 'true' : undefined} aria-keyshortcuts={k} onClick={() => setSektion(s)}>
                  <span>{label}<span className="mote-nav-info">{info}</span></span>
                  <kbd aria-hidden="true">{k}</kbd>
                </button>
              </li>
            ))}
            <li>
              <button type="button" className="nav-item" aria-keyshortcuts="S" onClick={() => navigate({ name: 'mote-summering', moteId })}>
                <span>Sammanfattning och avslut</span>
                <kbd aria-hidden="true">S</kbd>
              </button>
            </li>
          </ol>
        </nav>
        <div className="mote-innehall">
          {sektion === 'insatser' && (insatser.length === 0 ? <p>Inga insatser att bedöma vid det här mötet.</p> : ai && (lista ? (
            <MoteInsatsLista agenda={agenda} ko={ko} angrade={angrade} index={index} utkast={utkast} onSelect={setIndex} />
          ) : (
            <MoteInsatsPanel ai={ai} agenda={agenda} nr={index + 1} antal={insatser.length} utkast={current} effektiv={effektiv(ai, agenda, ko, angrade)}
              visaKedja={kedja} motiveringFel={motiveringFel} onUtkast={(u) => setUtkast(ai.insats.id, u)} beslutRef={beslutRef} motiveringRef={motiveringRef} />
          )))}
          {sektion === 'utredningar' && <MoteUtredningar agenda={agenda} />}
          {sektion === 'resultat' && <MoteResultat agenda={agenda} onHandledning={(f) => { setForslag(f); setSektion('nya'); }} />}
          {sektion === 'nya' && <MoteNyaInsatser agenda={agenda} forslag={forslag} setForslag={setForslag} />}
        </div>
      </div>
      {hjalp && <MoteHjalp onClose={() => setHjalp(false)} />}
    </div>
  );
}
