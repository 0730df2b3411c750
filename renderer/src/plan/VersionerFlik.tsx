// Versioner, Återkoppling and Export share the list of the plan's versions; this loads it for them.
import { useCallback, useEffect, useState } from 'react';
import type { PlanBaslinjeLage, PlanVersionInfo } from '../../../shared/channels/plan';
import { call, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PlanAterkoppling } from './Aterkoppling';
import { PlanExport } from './Export';
import { PlanJamfor } from './Jamfor';
import { PlanVersionForm, PlanVersionLista } from './Versioner';

export function ForberedelseVersioner({
  visa,
  lage,
  onLage,
}: {
  visa: 'versioner' | 'aterkoppling' | 'export';
  /** The current läsår's baseline (null: unknown), so the form offers "Fastställ som baslinje" only while it has none. */
  lage: PlanBaslinjeLage | null;
  onLage: () => void;
}) {
  const [versioner, setVersioner] = useState<PlanVersionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    call('plan:versioner', {})
      .then(setVersioner)
      .catch((e: unknown) => setError(errorText(e)));
  }, []);
  useEffect(reload, [reload]);

  if (error) return <ErrorAlert message={error} title="Versionerna kunde inte hämtas" />;
  if (!versioner) return null;
  if (visa === 'aterkoppling') return <PlanAterkoppling versioner={versioner} />;
  if (visa === 'export') return <PlanExport versioner={versioner} />;
  return (
    <>
      <PlanVersionForm
        versioner={versioner}
        harBaslinje={lage ? lage.baslinje !== null : versioner.some((v) => v.isBaseline)}
        lage={lage}
        onSaved={() => {
          reload();
          onLage();
        }}
      />
      <section className="section" aria-labelledby="versioner-rubrik">
        <h2 id="versioner-rubrik">Planens versioner</h2>
        <PlanVersionLista
          versioner={versioner}
          lage={lage}
          onSatt={() => {
            reload();
            onLage();
          }}
        />
      </section>
      {versioner.length > 0 && <PlanJamfor key={versioner.length} versioner={versioner} />}
    </>
  );
}
