// Översikt's uppföljning part: loads once and shows the year, what must not fall through, and the charts.
import { useEffect, useState } from 'react';
import type { OversiktUppfoljning as Data } from '../../../shared/channels/uppfoljning';
import { call, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { OversiktAret } from './Aret';
import { OversiktDiagram } from './Diagram';
import { OversiktUppfoljning } from './Uppfoljning';
import '../plan/plan.css';
import '../uppfoljning/uppfoljning.css';

export function OversiktUppfoljningDel() {
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('oversikt:uppfoljning', {})
      .then(setData)
      .catch((e: unknown) => setError(errorText(e)));
  }, []);
  return (
    <>
      <ErrorAlert message={error} title="Uppföljningen kunde inte visas" />
      {data && <OversiktAret nastaMote={data.nastaMote} />}
      {data && <OversiktUppfoljning data={data} />}
      <OversiktDiagram />
    </>
  );
}
