// The årshjul on screen: the same geometry and colours as the exported picture (shared/domain/arshjul.ts), with a
// legend and a tooltip per meeting. The calendar table beside it is the text alternative.
import {
  ARSHJUL_FARGER as F,
  ARSHJUL_LAYOUT as L,
  HANDELSE_TEXT,
  arshjulGeometri,
  formatDatum,
  polar,
  ringSegment,
  type ArshjulInput,
} from '../../../shared/domain/index';

export function Arshjul({ input, rubrik }: { input: ArshjulInput; rubrik: string }) {
  const g = arshjulGeometri(input);
  const c = L.c;
  return (
    <figure className="arshjul">
      <svg viewBox={`0 0 ${L.storlek} ${L.storlek}`} role="img" aria-labelledby="arshjul-titel arshjul-desc">
        <title id="arshjul-titel">{`Årshjul för läsåret ${rubrik}`}</title>
        <desc id="arshjul-desc">{`${g.varv.length} varv, ${g.lov.length} lov och ${g.handelser.length} möten och datum. Samma datum finns i kalendariet.`}</desc>
        {g.manader.map((m, i) => {
          const p = polar(c, c, L.manadEtikettR, m.mitt);
          return (
            <g key={`m${i}`}>
              <path d={ringSegment(c, c, L.manadR[0], L.manadR[1], m.a0, m.a1)} fill={F.manad[i % 2]} stroke="#fff" strokeWidth={1.5} />
              <text x={p.x} y={p.y} textAnchor="middle" dominantBaseline="central" fontSize={22} fill={F.manadText}>
                {m.etikett}
              </text>
            </g>
          );
        })}
        {g.lov.map((l, i) => (
          <path key={`l${i}`} d={ringSegment(c, c, L.lovR[0], L.lovR[1], l.a0, l.a1)} fill={F.lov}>
            <title>{l.namn}</title>
          </path>
        ))}
        {g.varv.map((v, i) => {
          const p = polar(c, c, L.varvEtikettR, v.mitt);
          return (
            <g key={`v${v.nummer}`}>
              <path d={ringSegment(c, c, L.varvR[0], L.varvR[1], v.a0, v.a1)} fill={F.varv[i % 2]} stroke="#fff" strokeWidth={2}>
                <title>{`Varv ${v.nummer}`}</title>
              </path>
              <text x={p.x} y={p.y} textAnchor="middle" dominantBaseline="central" fontSize={18} fontWeight={600} fill={F.varv[0]}>
                {v.nummer}
              </text>
            </g>
          );
        })}
        {g.handelser.map((h, i) => {
          const p = polar(c, c, L.handelseR[h.typ], h.vinkel);
          return (
            <g key={`h${i}`}>
              <title>{`${HANDELSE_TEXT[h.typ].namn}${h.varv ? ` (varv ${h.varv})` : ''}: ${formatDatum(h.datum)}`}</title>
              <circle cx={p.x} cy={p.y} r={L.handelseRadie} fill={F.handelse[h.typ]} stroke="#fff" strokeWidth={1.5} />
              <text x={p.x} y={p.y} textAnchor="middle" dominantBaseline="central" fontSize={10} fontWeight={700} fill="#fff">
                {HANDELSE_TEXT[h.typ].tecken}
              </text>
            </g>
          );
        })}
        {g.idag !== null && (
          <line
            x1={polar(c, c, L.varvR[0] - 6, g.idag).x}
            y1={polar(c, c, L.varvR[0] - 6, g.idag).y}
            x2={polar(c, c, L.manadR[1] + 4, g.idag).x}
            y2={polar(c, c, L.manadR[1] + 4, g.idag).y}
            stroke={F.idag}
            strokeWidth={3}
          >
            <title>I dag</title>
          </line>
        )}
        <text x={c} y={c - 14} textAnchor="middle" dominantBaseline="central" fontSize={16} fill={F.mitt}>
          Läsår
        </text>
        <text x={c} y={c + 12} textAnchor="middle" dominantBaseline="central" fontSize={24} fontWeight={700} fill={F.mitt}>
          {rubrik}
        </text>
      </svg>
      <figcaption>
        <ul className="arshjul-legend">
          {Object.entries(HANDELSE_TEXT).map(([typ, h]) => (
            <li key={typ}>
              <span className="arshjul-dot" aria-hidden="true" style={{ background: F.handelse[typ as keyof typeof F.handelse] }}>
                {h.tecken}
              </span>
              {h.namn}
            </li>
          ))}
          <li>
            <span className="arshjul-swatch" aria-hidden="true" style={{ background: F.lov }} />
            Lov
          </li>
          {g.idag !== null && (
            <li>
              <span className="arshjul-swatch line" aria-hidden="true" style={{ background: F.idag }} />I dag
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}
