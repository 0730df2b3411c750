// The year in three charts people would rather look at than read: effect judgements per varv, decisions per varv,
// and pupils with active insatser per årskurs.
import { useEffect, useState } from 'react';
import type { OversiktDiagram as Data } from '../../../shared/channels/uppfoljning';
import { call, errorText } from '../api';
import { DiagramStaplar } from './DiagramStaplar';
import { ErrorAlert } from '../components/ErrorAlert';

// Each at least 3:1 against white; green → red follows the judgement from clear effect to negative development.
const EFFEKT = ['#05603a', '#3f8f4f', '#b45309', '#b42318', '#6b7280'];
const BESLUT = ['#05603a', '#1d4ed8', '#b42318', '#6d28d9', '#6b7280'];
const INSATS = ['#1d4ed8', '#6d28d9'];

export function OversiktDiagram() {
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('oversikt:diagram', {})
      .then(setData)
      .catch((e: unknown) => setError(errorText(e)));
  }, []);
  return (
    <section className="section" aria-labelledby="ov-diagram">
      <h2 id="ov-diagram">Läsåret i diagram</h2>
      <ErrorAlert message={error} title="Diagrammen kunde inte visas" />
      {data && (
        <div className="ov-grid">
          <div className="card">
            <h3>{data.effektPerVarv.rubrik}</h3>
            <DiagramStaplar diagram={data.effektPerVarv} farger={EFFEKT} />
          </div>
          <div className="card">
            <h3>{data.beslutPerVarv.rubrik}</h3>
            <DiagramStaplar diagram={data.beslutPerVarv} farger={BESLUT} />
          </div>
          <div className="card">
            <h3>{data.insatserPerArskurs.rubrik}</h3>
            <DiagramStaplar diagram={data.insatserPerArskurs} farger={INSATS} />
          </div>
        </div>
      )}
    </section>
  );
}
