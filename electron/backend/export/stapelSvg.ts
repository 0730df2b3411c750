// A horizontal bar chart as SVG for the PDF and DOCX (rendered to PNG by resvg with Inter, like the årshjul): one bar
// per row, the number written beside each bar so the chart never relies on length or colour alone, and a hidden value
// ("–" or "<5") drawn as no bar with its mark. The same numbers always stand in a table beside the chart.
function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface Stapel {
  etikett: string;
  /** The bar's length, or null where the value is hidden. */
  varde: number | null;
  /** What is written beside the bar ("63 %", "<5", "–"). */
  text: string;
  /** A total, drawn hatched so it differs by more than colour. */
  total?: boolean;
}

export function stapelSvg(staplar: Stapel[], opts: { max: number; rubrik: string }): string {
  const W = 900;
  const rad = 44;
  const top = 50;
  const labelW = 300;
  const barW = 470;
  const H = top + staplar.length * rad + 16;
  const max = Math.max(1, opts.max);
  const bars = staplar
    .map((s, i) => {
      const y = top + i * rad;
      const w = s.varde === null ? 0 : Math.max(2, (Math.min(s.varde, max) / max) * barW);
      const fill = s.total ? 'url(#rutor)' : '#1d4ed8';
      return [
        `<text x="${labelW - 12}" y="${y + 17}" text-anchor="end" dominant-baseline="central" font-size="20" fill="#1f2a37" font-family="Inter">${esc(s.etikett)}</text>`,
        `<rect x="${labelW}" y="${y + 4}" width="${barW}" height="26" rx="3" fill="#eef0f3"/>`,
        w > 0 ? `<rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="26" rx="3" fill="${fill}"/>` : '',
        `<text x="${labelW + barW + 14}" y="${y + 17}" dominant-baseline="central" font-size="20" font-weight="700" fill="#1f2a37" font-family="Inter">${esc(s.text)}</text>`,
      ].join('');
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<defs><pattern id="rutor" width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="10" height="10" fill="#1e3a8a"/><rect width="5" height="10" fill="#3b5bdb"/></pattern></defs>
<rect width="${W}" height="${H}" fill="#fff"/>
<text x="0" y="24" font-size="22" font-weight="700" fill="#1f2a37" font-family="Inter">${esc(opts.rubrik)}</text>
${bars}
</svg>`;
}
