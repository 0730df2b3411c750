// Översikt: the school, its läsår, the current varv with its planned meetings, the year's varv and real counts.
import { useEffect, useState } from 'react';
import type { Oversikt } from '../../../shared/contract';
import { call, errorText } from '../api';
import { BackupLocationWarning } from '../backup/LocationWarning';
import { ErrorAlert } from '../components/ErrorAlert';
import { CountCards } from './CountCards';
import { CurrentVarv } from './CurrentVarv';
import { MoteOversiktUtredningar } from '../mote/OversiktUtredningar';
import { OversiktUppfoljningDel } from './UppfoljningDel';
import { VarvTable } from './VarvTable';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { datumMedAr } from '../format';
import { useApp } from '../store';

export function OversiktPage() {
  const skola = useApp((s) => s.skola);
  const [oversikt, setOversikt] = useState<Oversikt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  useEffect(() => {
    let live = true;
    call('oversikt:get', {})
      .then((o) => live && setOversikt(o))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, []);

  const lasar = oversikt?.lasar ?? null;
  return (
    <div className="page" aria-busy={oversikt === null && error === null}>
      <header className="page-header">
        <p className="eyebrow">Översikt</p>
        <h1 ref={headingRef} tabIndex={-1}>
          {oversikt?.skola.namn ?? skola?.namn}
        </h1>
        {lasar && (
          <p className="muted">
            Läsår {lasar.namn} · {datumMedAr(lasar.startdatum)} – {datumMedAr(lasar.slutdatum)}
          </p>
        )}
      </header>
      <BackupLocationWarning />
      <ErrorAlert message={error} title="Översikten kunde inte visas" />
      {oversikt === null && error === null && <p className="muted">Hämtar översikten…</p>}
      {oversikt && (
        <>
          <CurrentVarv varv={oversikt.aktuelltVarv} antalVarv={oversikt.varv.length} />
          <MoteOversiktUtredningar />
          <CountCards antal={oversikt.antal} />
          <OversiktUppfoljningDel />
          <VarvTable varv={oversikt.varv} aktuelltId={oversikt.aktuelltVarv?.id ?? null} />
        </>
      )}
    </div>
  );
}
