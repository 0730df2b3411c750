// The årshjul as an SVG string (from the shared geometry, the same drawing as the screen) and as a PNG for PDF and
// DOCX, rendered by resvg with Inter so the month names and letters print the same everywhere.
import { Resvg } from '@resvg/resvg-js';
import {
  ARSHJUL_FARGER as F,
  ARSHJUL_LAYOUT as L,
  HANDELSE_TEXT,
  arshjulGeometri,
  polar,
  ringSegment,
  type ArshjulInput,
} from '../../../shared/domain/index';
import { fontPath } from './fonts';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function label(x: number, y: number, text: string, attrs: string): string {
  return `<text x="${x}" y="${y}" text-anchor="middle" dominant-baseline="central" font-family="Inter" ${attrs}>${esc(text)}</text>`;
}

export function arshjulSvg(input: ArshjulInput, rubrik: string): string {
  const g = arshjulGeometri(input);
  const c = L.c;
  const parts: string[] = [];
  g.manader.forEach((m, i) => {
    parts.push(`<path d="${ringSegment(c, c, L.manadR[0], L.manadR[1], m.a0, m.a1)}" fill="${F.manad[i % 2]}" stroke="#ffffff" stroke-width="1.5"/>`);
    const p = polar(c, c, L.manadEtikettR, m.mitt);
    parts.push(label(p.x, p.y, m.etikett, `font-size="14" fill="${F.manadText}"`));
  });
  for (const l of g.lov) parts.push(`<path d="${ringSegment(c, c, L.lovR[0], L.lovR[1], l.a0, l.a1)}" fill="${F.lov}"/>`);
  g.varv.forEach((v, i) => {
    parts.push(`<path d="${ringSegment(c, c, L.varvR[0], L.varvR[1], v.a0, v.a1)}" fill="${F.varv[i % 2]}" stroke="#ffffff" stroke-width="2"/>`);
    const p = polar(c, c, L.varvEtikettR, v.mitt);
    parts.push(label(p.x, p.y, String(v.nummer), `font-size="18" font-weight="600" fill="${F.varv[0]}"`));
  });
  for (const h of g.handelser) {
    const p = polar(c, c, L.handelseR[h.typ], h.vinkel);
    parts.push(`<circle cx="${p.x}" cy="${p.y}" r="${L.handelseRadie}" fill="${F.handelse[h.typ]}" stroke="#ffffff" stroke-width="1.5"/>`);
    parts.push(label(p.x, p.y, HANDELSE_TEXT[h.typ].tecken, 'font-size="10" font-weight="700" fill="#ffffff"'));
  }
  if (g.idag !== null) {
    const a = polar(c, c, L.varvR[0] - 6, g.idag);
    const b = polar(c, c, L.manadR[1] + 4, g.idag);
    parts.push(`<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" stroke="${F.idag}" stroke-width="3"/>`);
  }
  parts.push(label(c, c - 14, 'Läsår', `font-size="16" fill="${F.mitt}"`));
  parts.push(label(c, c + 12, rubrik, `font-size="24" font-weight="700" fill="${F.mitt}"`));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${L.storlek}" height="${L.storlek}" viewBox="0 0 ${L.storlek} ${L.storlek}"><rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>`;
}

export interface Png {
  png: Buffer;
  width: number;
  height: number;
}

export function svgToPng(svg: string, widthPx: number): Png {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: widthPx },
    font: { fontFiles: [fontPath('regular'), fontPath('semibold'), fontPath('bold')], loadSystemFonts: false, defaultFontFamily: 'Inter' },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
