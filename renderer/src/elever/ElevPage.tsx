// One pupil: who they are, their insatser with evaluations, and the two things done in an EHT-möte — decide a new
// insats and judge the effect of an active one.
import { useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Beslut, Elev, Insats } from '../../../shared/model';
import { BESLUT_TEXT } from '../../../shared/labels';
import { call, errorText } from '../api';
import { ElevDetails } from './Details';
import { ElevResultat } from './Resultat';
import { ErrorAlert } from '../components/ErrorAlert';
import { InsatsCard } from './InsatsCard';
import { Kbd } from '../components/Kbd';
import { NyInsatsForm } from './NyInsatsForm';
import { RegisterElevUppgifter } from '../register/ElevUppgifter';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { isTyping } from '../components/useShortcuts';
import { elevIdText, elevNamn } from '../format';
import { kedjaFor } from '../kedja';
import { useApp } from '../store';
import { UppfoljningRegisterutdrag } from '../uppfoljning/Registerutdrag';
import { enkelTangentAv } from '../components/enkelTangent';

function focusLater(id: string): void {
  // After React has rendered the element the focus should land on.
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

export function ElevPage({ elevId }: { elevId: number }) {
  const navigate = useApp((s) => s.navigate);
  const announce = useApp((s) => s.announce);
  const personal = useApp((s) => s.personal);
  const loadPersonal = useApp((s) => s.loadPersonal);
  const [elev, setElev] = useState<Elev | null>(null);
  const [insatser, setInsatser] = useState<Insats[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [evaluatingId, setEvaluatingId] = useState<number | null>(null);
  const headingRef = useFocusOnMount<HTMLHeadingElement>(elev !== null);

  const loadInsatser = useCallback(
    () => call('insats:listForElev', { elevId }).then(setInsatser),
    [elevId],
  );

  useEffect(() => {
    call('elev:get', { id: elevId })
      .then(setElev)
      .catch((e: unknown) => setError(errorText(e)));
    loadInsatser().catch((e: unknown) => setError(errorText(e)));
  }, [elevId, loadInsatser]);

  useEffect(() => {
    if (personal === null) loadPersonal().catch((e: unknown) => setError(errorText(e)));
  }, [personal, loadPersonal]);

  // N opens "Ny insats" when no form is open and the user is not typing.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'n' || enkelTangentAv(e) || e.ctrlKey || e.altKey || e.metaKey || isTyping(e.target)) return;
      if (creating || evaluatingId !== null) return;
      e.preventDefault();
      // Rendered at once (not at React's next tick), so keys typed right after N land in the new form.
      flushSync(() => setCreating(true));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [creating, evaluatingId]);

  const afterCreate = (insats: Insats) => {
    setCreating(false);
    announce(`Insatsen är sparad: ${insats.beskrivning}`);
    loadInsatser()
      .then(() => focusLater(`insats-${insats.id}-rubrik`))
      .catch((e: unknown) => setError(errorText(e)));
  };

  const afterEvaluation = (insats: Insats, beslut: Beslut) => {
    setEvaluatingId(null);
    announce(`Effektbedömningen är sparad. Beslut: ${BESLUT_TEXT[beslut]}.`);
    loadInsatser()
      .then(() => focusLater(`insats-${insats.id}-rubrik`))
      .catch((e: unknown) => setError(errorText(e)));
  };

  const aktiva = insatser?.filter((i) => i.status === 'aktiv') ?? [];
  const tidigare = insatser?.filter((i) => i.status !== 'aktiv') ?? [];
  const card = (i: Insats) => (
    <InsatsCard
      key={i.id}
      insats={i}
      kedja={kedjaFor(i, insatser ?? [])}
      evaluating={evaluatingId === i.id}
      onEvaluate={() => setEvaluatingId(i.id)}
      onCancel={() => {
        setEvaluatingId(null);
        focusLater(`insats-${i.id}-rubrik`);
      }}
      onSaved={afterEvaluation}
    />
  );

  return (
    <div className="page" aria-busy={elev === null && error === null}>
      <p>
        <button type="button" className="button link" aria-keyshortcuts="Alt+ArrowLeft" onClick={() => navigate({ name: 'elever' })}>
          ← Tillbaka till elevlistan <Kbd keys={['Alt', '←']} decorative />
        </button>
      </p>
      <ErrorAlert message={error} title="Eleven kunde inte visas" />
      {elev && (
        <>
          <header className="page-header">
            <p className="eyebrow">Elev</p>
            <h1 ref={headingRef} tabIndex={-1}>
              {elevNamn(elev)}
            </h1>
            {(elev.klass || elev.externId) && (
              <p className="muted elev-id-rad">{[elev.klass ? `Klass ${elev.klass}` : '', elevIdText(elev)].filter(Boolean).join(' · ')}</p>
            )}
          </header>
          <ElevDetails elev={elev} />
          <RegisterElevUppgifter elev={elev} onChange={setElev} />
          <UppfoljningRegisterutdrag elevId={elev.id} />
          <ElevResultat elevId={elev.id} />
          <section aria-labelledby="insatser-rubrik" className="section">
            <div className="section-header">
              <h2 id="insatser-rubrik">Insatser</h2>
              <button type="button" className="button link" onClick={() => navigate({ name: 'elevhistorik', elevId: elev.id })}>
                Insatshistorik
              </button>
              {!creating && (
                <button id="ny-insats-knapp" type="button" className="button primary" aria-keyshortcuts="N" onClick={() => setCreating(true)}>
                  Ny insats <Kbd keys={['N']} decorative />
                </button>
              )}
            </div>
            {creating && (
              <NyInsatsForm
                elevId={elev.id}
                elevNamn={elevNamn(elev)}
                personal={personal ?? []}
                onCreated={afterCreate}
                onCancel={() => {
                  // Back to the button that opened the form.
                  setCreating(false);
                  focusLater('ny-insats-knapp');
                }}
              />
            )}
            {insatser === null && <p className="muted">Hämtar insatser…</p>}
            {insatser?.length === 0 && !creating && <p className="muted">Eleven har inga insatser ännu.</p>}
            {aktiva.length > 0 && <div className="insats-list">{aktiva.map(card)}</div>}
            {tidigare.length > 0 && (
              <details className="earlier">
                <summary>Tidigare insatser ({tidigare.length})</summary>
                <div className="insats-list">{tidigare.map(card)}</div>
              </details>
            )}
          </section>
        </>
      )}
    </div>
  );
}
