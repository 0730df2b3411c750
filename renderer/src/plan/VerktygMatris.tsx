// The tools side by side: one row per capability, one column per tool. Rows that two tools cover are marked
// "Dokumenteras på flera ställen" (seed 001: "Kan ni framöver göra det i ett verktyg?"); rows no tool covers, "Saknas".
import type { Verktyg } from '../../../shared/channels/plan';
import { FORMAGA_VARDE_TEXT, VERKTYG_FORMAGOR, dubbelDokumentation, saknadeFormagor } from '../../../shared/domain/index';
import { TableRegion } from '../components/TableRegion';

export function PlanVerktygMatris({ verktyg }: { verktyg: Verktyg[] }) {
  const bedomning = verktyg.map((v) => ({ namn: v.namn, formagor: Object.fromEntries(Object.entries(v.formagor).map(([k, f]) => [k, f.varde])) }));
  const dubbla = new Set(dubbelDokumentation(bedomning).map((d) => d.formaga));
  const saknas = new Set(saknadeFormagor(bedomning));
  return (
    <TableRegion label="Verktygen sida vid sida">
      <table className="table plan-matris">
        <caption>Verktygen sida vid sida</caption>
        <thead>
          <tr>
            <th scope="col">Förmåga</th>
            {verktyg.map((v) => (
              <th scope="col" key={v.id}>
                {v.namn}
              </th>
            ))}
            <th scope="col">Att se över</th>
          </tr>
        </thead>
        <tbody>
          {VERKTYG_FORMAGOR.map((f) => (
            <tr key={f.key} className={dubbla.has(f.key) ? 'plan-dubbel' : saknas.has(f.key) ? 'plan-saknas' : undefined}>
              <th scope="row">{f.kort}</th>
              {verktyg.map((v) => {
                const x = v.formagor[f.key];
                return (
                  <td key={v.id} className={`varde-${x.varde ?? 'ingen'}`} title={x.kommentar || undefined}>
                    {x.varde ? FORMAGA_VARDE_TEXT[x.varde] : '–'}
                    {x.kommentar && <span className="plan-matris-kommentar">{x.kommentar}</span>}
                  </td>
                );
              })}
              <td>{dubbla.has(f.key) ? 'Dokumenteras på flera ställen' : saknas.has(f.key) ? 'Saknas' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
