// Tables for PDFs: cells wrap, rows never split across pages, and the header row is drawn again on every new page.
import type { TableSpec } from '../document';
import { COLOR, FONT, SIZE, contentBottom, contentWidth } from './style';

const PAD = 4;

function rowHeight(doc: PDFKit.PDFDocument, cells: string[], widths: number[], font: string): number {
  doc.font(font).fontSize(SIZE.body - 1);
  return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (widths[i] ?? 0) - 2 * PAD }))) + 2 * PAD;
}

function drawRow(doc: PDFKit.PDFDocument, y: number, cells: string[], widths: number[], height: number, opts: { header: boolean; fill: string | null }): void {
  const left = doc.page.margins.left;
  const total = widths.reduce((a, b) => a + b, 0);
  if (opts.fill) doc.rect(left, y, total, height).fill(opts.fill);
  doc.fillColor(COLOR.text).font(opts.header ? FONT.semibold : FONT.regular).fontSize(SIZE.body - 1);
  let x = left;
  cells.forEach((cell, i) => {
    const w = widths[i] ?? 0;
    doc.text(cell, x + PAD, y + PAD, { width: w - 2 * PAD, lineBreak: true });
    x += w;
  });
  doc.moveTo(left, y + height).lineTo(left + total, y + height).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
}

export function drawTable(doc: PDFKit.PDFDocument, spec: TableSpec): void {
  const width = contentWidth(doc);
  const sum = spec.columns.reduce((a, c) => a + c.width, 0) || 1;
  const widths = spec.columns.map((c) => (c.width / sum) * width);
  const headers = spec.columns.map((c) => c.header);
  const headerHeight = rowHeight(doc, headers, widths, FONT.semibold);
  let y = doc.y;

  const header = () => {
    drawRow(doc, y, headers, widths, headerHeight, { header: true, fill: COLOR.headerFill });
    y += headerHeight;
  };
  // A header alone at the foot of a page helps nobody: start on a new page when the first row would not fit too.
  const firstHeight = spec.rows[0] ? rowHeight(doc, spec.rows[0], widths, FONT.regular) : 0;
  if (y + headerHeight + firstHeight > contentBottom(doc)) {
    doc.addPage();
    y = doc.page.margins.top;
  }
  header();
  spec.rows.forEach((row, index) => {
    const h = rowHeight(doc, row, widths, FONT.regular);
    if (y + h > contentBottom(doc)) {
      doc.addPage();
      y = doc.page.margins.top;
      header();
    }
    drawRow(doc, y, row, widths, h, { header: false, fill: index % 2 === 1 ? COLOR.zebra : null });
    y += h;
  });
  doc.x = doc.page.margins.left;
  doc.y = y + 10;
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.text);
}
