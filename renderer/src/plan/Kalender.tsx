// The plan's calendar ("lägg in i kalendariet"): första EHT-mötet and each varv's four dates, editable in place.
// A date is saved when the field is left or Enter is pressed; the varv and its planned meeting move together.
import { useState, type KeyboardEvent } from 'react';
import type { KalenderDatumFalt, PlanKalender as Kalender } from '../../../shared/channels/plan';
import { KALENDER_FALT, formatDatumKort, formatVeckaKort } from '../../../shared/domain/index';
import type { Varv } from '../../../shared/model';
import { isRealIsoDate } from '../../../shared/validation';
import { call, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';

const VARV_FALT: Record<(typeof KALENDER_FALT)[number]['key'], keyof Varv> = {
  bedomningSenast: 'bedomningSenast',
  resultatdialog: 'resultatdialogDatum',
  eht: 'ehtDatum',
  avstamning: 'avstamningDatum',
};

function DatumCell({ label, value, onCommit }: { label: string; value: string | null; onCommit: (datum: string) => Promise<boolean> }) {
  const [text, setText] = useState(value ?? '');
  const [busy, setBusy] = useState(false);
  const commit = async () => {
    if (text === (value ?? '') || busy) return;
    if (!isRealIsoDate(text)) {
      setText(value ?? '');
      return;
    }
    setBusy(true);
    const saved = await onCommit(text);
    setBusy(false);
    if (!saved) setText(value ?? '');
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void commit();
    }
  };
  return (
    <td>
      <input type="date" aria-label={label} value={text} onChange={(e) => setText(e.target.value)} onBlur={() => void commit()} onKeyDown={onKey} aria-busy={busy} />
      <span className="plan-week">{value ? formatVeckaKort(value) : ''}</span>
    </td>
  );
}

export function PlanKalender({ kalender, onChange }: { kalender: Kalender; onChange: (k: Kalender) => void }) {
  const [error, setError] = useState<string | null>(null);

  const save = async (falt: KalenderDatumFalt, varvId: number | null, datum: string): Promise<boolean> => {
    try {
      onChange(await call('plan:setDatum', { falt, varvId, datum }));
      setError(null);
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    }
  };

  return (
    <div className="plan-kalender">
      <ErrorAlert message={error} title="Datumet kunde inte sparas" />
      <div className="table-wrap">
        <table className="table plan-kalender-table">
          <caption className="sr-only">Kalendarium för läsåret {kalender.lasar.namn}</caption>
          <thead>
            <tr>
              <th scope="col">Varv</th>
              <th scope="col">Period</th>
              {KALENDER_FALT.map((f) => (
                <th scope="col" key={f.key}>
                  {f.namn}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row" colSpan={2}>
                Första EHT-mötet
              </th>
              <td colSpan={2} />
              {/* In the EHT-möte column: it is an EHT-möte, held before varv 1. */}
              <DatumCell key={`f-${kalender.forstaEht}`} label="Första EHT-mötet" value={kalender.forstaEht} onCommit={(d) => save('forstaEht', null, d)} />
              <td />
            </tr>
            {kalender.varv.map((v) => (
              <tr key={v.id}>
                <th scope="row">{v.nummer}</th>
                <td className="plan-period">
                  {formatDatumKort(v.startdatum)} – {formatDatumKort(v.slutdatum)}
                </td>
                {KALENDER_FALT.map((f) => {
                  const value = v[VARV_FALT[f.key]] as string | null;
                  return <DatumCell key={`${v.id}-${f.key}-${value}`} label={`Varv ${v.nummer}: ${f.namn}`} value={value} onCommit={(d) => save(f.key, v.id, d)} />;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {kalender.varningar.length > 0 && (
        <div className="plan-varningar" role="note" aria-label="Att se över i kalendariet">
          <p className="plan-varningar-title">Att se över</p>
          <ul>
            {kalender.varningar.map((v) => (
              <li key={v}>{v}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
