// Two versions of the plan side by side: only what changed, with removed words struck through and new words marked.
import { useEffect, useState } from 'react';
import type { PlanVersionInfo } from '../../../shared/channels/plan';
import { ordDiff, planDiff, type PlanAndring, type PlanInnehall } from '../../../shared/domain/index';
import { call, errorText } from '../api';
import { datumMedAr } from '../format';
import { ErrorAlert } from '../components/ErrorAlert';

const UTKAST = 'utkast';

function versionNamn(v: PlanVersionInfo): string {
  return `Version ${v.nummer}${v.isBaseline ? ' (baslinje)' : ''}`;
}

async function load(key: string): Promise<PlanInnehall> {
  if (key === UTKAST) return call('plan:snapshot', {});
  return (await call('plan:version', { id: Number(key) })).innehall;
}

/** Dates, lov and varv periods are stored as yyyy-MM-dd; the table shows them as the app does ("torsdag 5 november 2026"). */
export function medSvenskaDatum(text: string): string {
  return text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => datumMedAr(iso));
}

function Sida({ andring, sida }: { andring: PlanAndring; sida: 'fore' | 'efter' }) {
  const text = andring[sida];
  if (andring.typ !== 'svar' || andring.fore === null || andring.efter === null) {
    const visad = text === null ? '–' : andring.typ === 'svar' ? text : medSvenskaDatum(text);
    return <td className={text === null ? 'plan-diff-empty' : sida === 'fore' ? 'plan-diff-old' : 'plan-diff-new'}>{visad}</td>;
  }
  const delar = ordDiff(andring.fore, andring.efter).filter((d) => d.typ === 'lika' || (sida === 'fore' ? d.typ === 'bort' : d.typ === 'ny'));
  return (
    <td className="plan-diff-text">
      {delar.map((d, i) => (d.typ === 'lika' ? <span key={i}>{d.text}</span> : d.typ === 'bort' ? <del key={i}>{d.text}</del> : <ins key={i}>{d.text}</ins>))}
    </td>
  );
}

export function PlanJamfor({ versioner }: { versioner: PlanVersionInfo[] }) {
  // From the baseline (the newest one: the current läsår's) when there is one, else from the oldest version.
  const forsta = versioner.find((v) => v.isBaseline) ?? versioner[versioner.length - 1];
  const [fran, setFran] = useState(forsta ? String(forsta.id) : UTKAST);
  const [till, setTill] = useState(versioner.length > 1 && versioner[0] && versioner[0] !== forsta ? String(versioner[0].id) : UTKAST);
  const [andringar, setAndringar] = useState<PlanAndring[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    Promise.all([load(fran), load(till)])
      .then(([a, b]) => !stale && setAndringar(planDiff(a, b)))
      .catch((e: unknown) => setError(errorText(e)));
    return () => {
      stale = true;
    };
  }, [fran, till]);

  const namn = (key: string) => {
    const v = versioner.find((x) => String(x.id) === key);
    return v ? versionNamn(v) : 'Nuvarande utkast';
  };
  const options = [...versioner.map((v) => ({ key: String(v.id), text: versionNamn(v) })), { key: UTKAST, text: 'Nuvarande utkast' }];

  return (
    <section className="section" aria-labelledby="jamfor-rubrik">
      <h2 id="jamfor-rubrik">Jämför versioner</h2>
      <div className="plan-schema-row">
        <label>
          <span>Jämför</span>
          <select value={fran} onChange={(e) => setFran(e.target.value)}>
            {options.map((o) => (
              <option key={o.key} value={o.key}>
                {o.text}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>med</span>
          <select value={till} onChange={(e) => setTill(e.target.value)}>
            {options.map((o) => (
              <option key={o.key} value={o.key}>
                {o.text}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorAlert message={error} title="Versionerna kunde inte jämföras" />
      {andringar && andringar.length === 0 && <p className="plan-diff-none">Inga skillnader mellan {namn(fran)} och {namn(till)}.</p>}
      {andringar && andringar.length > 0 && (
        <div className="table-wrap">
          <table className="table plan-diff">
            <caption>
              {andringar.length} {andringar.length === 1 ? 'ändring' : 'ändringar'} från {namn(fran)} till {namn(till)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Del av planen</th>
                <th scope="col">{namn(fran)}</th>
                <th scope="col">{namn(till)}</th>
              </tr>
            </thead>
            <tbody>
              {andringar.map((a) => (
                <tr key={a.nyckel}>
                  <th scope="row">{a.rubrik}</th>
                  <Sida andring={a} sida="fore" />
                  <Sida andring={a} sida="efter" />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
