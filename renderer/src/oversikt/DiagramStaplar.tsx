// A stacked bar chart as SVG: one bar per category (varv, årskurs), one colour per series. The picture has a title
// and summary for screen readers, and the same numbers are one click away as a table.
import { useId } from 'react';
import type { Diagram } from '../../../shared/channels/uppfoljning';

const W = 400;
const H = 210;
const M = { left: 30, right: 6, top: 8, bottom: 26 };

function niceMax(n: number): number {
  if (n <= 5) return 5;
  const step = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(n / step) * step;
}

export function DiagramStaplar({ diagram, farger }: { diagram: Diagram; farger: readonly string[] }) {
  const id = useId();
  const totals = diagram.varden.map((rad) => rad.reduce((a, b) => a + b, 0));
  const max = niceMax(Math.max(0, ...totals));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const slot = plotW / Math.max(1, diagram.kategorier.length);
  const bar = Math.min(48, slot * 0.6);
  const y = (v: number) => M.top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max];
  const summa = totals.reduce((a, b) => a + b, 0);
  const sammanfattning =
    summa === 0
      ? 'Inga värden ännu.'
      : diagram.kategorier.map((k, i) => `${k}: ${totals[i] ?? 0}`).join(', ') + '.';

  return (
    <figure className="diagram">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{diagram.rubrik}</title>
        <desc id={`${id}-d`}>{`Staplar per kategori, totalt: ${sammanfattning} Tabellen under diagrammet har alla värden.`}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="#d5dbe3" />
            <text x={M.left - 6} y={y(t)} textAnchor="end" dominantBaseline="central" fontSize={12} fill="#4b5563">
              {t}
            </text>
          </g>
        ))}
        {diagram.kategorier.map((k, i) => {
          const x = M.left + slot * i + (slot - bar) / 2;
          let acc = 0;
          return (
            <g key={k}>
              {(diagram.varden[i] ?? []).map((v, s) => {
                if (v === 0) return null;
                const y0 = y(acc + v);
                const h = y(acc) - y0;
                acc += v;
                return (
                  <rect key={s} x={x} y={y0} width={bar} height={h} fill={farger[s % farger.length]} stroke="#fff" strokeWidth={0.5}>
                    <title>{`${k}, ${diagram.serier[s]?.namn ?? ''}: ${v}`}</title>
                  </rect>
                );
              })}
              <text x={x + bar / 2} y={H - M.bottom + 16} textAnchor="middle" fontSize={12} fill="#1f2a37">
                {k}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="diagram-legend">
          {diagram.serier.map((s, i) => (
            <li key={s.nyckel}>
              <span className="diagram-swatch" aria-hidden="true" style={{ background: farger[i % farger.length] }} />
              {s.namn}
            </li>
          ))}
        </ul>
        <details>
          <summary>{`Visa ${diagram.rubrik.toLowerCase()} som tabell`}</summary>
          <table className="uf-table">
            <caption className="sr-only">{diagram.rubrik}</caption>
            <thead>
              <tr>
                <th scope="col">Kategori</th>
                {diagram.serier.map((s) => (
                  <th key={s.nyckel} scope="col">
                    {s.namn}
                  </th>
                ))}
                <th scope="col">Totalt</th>
              </tr>
            </thead>
            <tbody>
              {diagram.kategorier.map((k, i) => (
                <tr key={k}>
                  <th scope="row">{k}</th>
                  {(diagram.varden[i] ?? []).map((v, s) => (
                    <td key={s}>{v}</td>
                  ))}
                  <td>{totals[i] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
