// Steg 3, Planen: the step's questions as an autosaved form, the calendar (dates, lov, a new schedule on request)
// and the årshjul drawn from the same dates.
import { useEffect, useState } from 'react';
import type { PlanKalender as Kalender } from '../../../shared/channels/plan';
import { ledarhandling } from '../../../shared/domain/index';
import { call, errorText } from '../api';
import { Arshjul } from '../components/Arshjul';
import { ErrorAlert } from '../components/ErrorAlert';
import { Fundera } from '../components/Fundera';
import { PlanForm } from './Form';
import { PlanKalender } from './Kalender';
import { PlanLov } from './Lov';
import { todayIso } from '../format';

export function ForberedelsePlan() {
  const [kalender, setKalender] = useState<Kalender | null>(null);
  const [lovVersion, setLovVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('plan:kalender', {})
      .then(setKalender)
      .catch((e: unknown) => setError(errorText(e)));
  }, []);
  const changed = (k: Kalender) => {
    setKalender(k);
    setLovVersion((n) => n + 1);
  };

  return (
    <>
      <p className="lead">{ledarhandling(3).ingress}</p>
      <section className="section" aria-labelledby="planens-fragor">
        <h2 id="planens-fragor">Diskutera i skolledningen</h2>
        <PlanForm />
      </section>
      <ErrorAlert message={error} title="Kalendariet kunde inte hämtas" />
      {kalender && (
        <>
          <section className="section" aria-labelledby="kalendarium">
            <h2 id="kalendarium">Kalendarium</h2>
            <p className="hint">
              Varje varv: bedömningarna ska vara gjorda, sedan resultatdialog, EHT-möte och avstämning. Ändra ett datum och lämna fältet (eller tryck Enter) för att spara.
            </p>
            <PlanKalender kalender={kalender} onChange={changed} />
            <div className="plan-kalender-layout">
              <Arshjul
                rubrik={kalender.lasar.namn}
                input={{
                  startdatum: kalender.lasar.startdatum,
                  slutdatum: kalender.lasar.slutdatum,
                  lov: kalender.lov,
                  forstaEht: kalender.forstaEht,
                  idag: todayIso(),
                  varv: kalender.varv.map((v) => ({ nummer: v.nummer, startdatum: v.startdatum, slutdatum: v.slutdatum, bedomningSenast: v.bedomningSenast, resultatdialog: v.resultatdialogDatum, eht: v.ehtDatum, avstamning: v.avstamningDatum })),
                }}
              />
              <PlanLov key={lovVersion} kalender={kalender} onChange={changed} />
            </div>
          </section>
        </>
      )}
      <Fundera steg={3} />
    </>
  );
}
