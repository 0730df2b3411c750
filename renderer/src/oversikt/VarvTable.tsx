// All varv of the läsår with their planned dates; the current one is marked.
import type { Varv } from '../../../shared/model';
import { formatDatum, formatVecka } from '../../../shared/index';
import { TableRegion } from '../components/TableRegion';

interface VarvTableProps {
  varv: Varv[];
  aktuelltId: number | null;
}

function Cell({ iso }: { iso: string | null }) {
  if (!iso) return <td className="muted">–</td>;
  return (
    <td>
      <time dateTime={iso}>
        <span className="week">{formatVecka(iso)}</span>
        <span className="day">{formatDatum(iso)}</span>
      </time>
    </td>
  );
}

export function VarvTable({ varv, aktuelltId }: VarvTableProps) {
  if (varv.length === 0) return null;
  return (
    <section aria-labelledby="varvlista-rubrik" className="section">
      <h2 id="varvlista-rubrik">Läsårets varv</h2>
      <TableRegion label="Läsårets varv">
        <table className="table varv-table" aria-labelledby="varvlista-rubrik">
          <thead>
            <tr>
              <th scope="col">Varv</th>
              <th scope="col">Startar</th>
              <th scope="col">Bedömningar senast</th>
              <th scope="col">Resultatdialog</th>
              <th scope="col">EHT-möte</th>
              <th scope="col">Avstämning</th>
            </tr>
          </thead>
          <tbody>
            {varv.map((v) => {
              const current = v.id === aktuelltId;
              return (
                <tr key={v.id} className={current ? 'current' : undefined} aria-current={current ? 'true' : undefined}>
                  <th scope="row">
                    Varv {v.nummer}
                    {current && <span className="tag">Aktuellt</span>}
                  </th>
                  <Cell iso={v.startdatum} />
                  <Cell iso={v.bedomningSenast} />
                  <Cell iso={v.resultatdialogDatum} />
                  <Cell iso={v.ehtDatum} />
                  <Cell iso={v.avstamningDatum} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
