// DocumentBuilder over pdfkit: title block, headings, paragraphs, lists, tables, images, and a footer on every page
// ("Sida N av M", "Utskrivet …"). Inter is embedded, so the text (å, ä, ö) can be searched and copied.
import { datumText, utskrivetText, type BuilderOptions, type DocumentBuilder, type ImageSpec, type TableSpec, type TitleBlock } from '../document';
import { COLOR, FONT, PAGE, SIZE, contentBottom, contentWidth, newPdf } from './style';
import { drawTable } from './table';

class PdfBuilder implements DocumentBuilder {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(
    private readonly title: TitleBlock,
    private readonly options: BuilderOptions,
  ) {
    this.doc = newPdf({ title: `${title.titel} – ${title.skola}`, author: title.skola });
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.titleBlock();
  }

  private titleBlock(): void {
    const { doc, title } = this;
    doc.font(FONT.semibold).fontSize(SIZE.school).fillColor(COLOR.accent).text(title.skola.toUpperCase(), { characterSpacing: 0.6 });
    doc.moveDown(0.3);
    doc.font(FONT.bold).fontSize(SIZE.h1).fillColor(COLOR.text).text(title.titel);
    if (title.undertitel) doc.font(FONT.regular).fontSize(SIZE.h3).fillColor(COLOR.muted).text(title.undertitel);
    const meta = [title.version, datumText(title.datum)].filter((x): x is string => Boolean(x)).join('  ·  ');
    doc.moveDown(0.3).font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.muted).text(meta);
    const y = doc.y + 8;
    doc.moveTo(doc.page.margins.left, y).lineTo(doc.page.margins.left + contentWidth(doc), y).lineWidth(1).strokeColor(COLOR.accent).stroke();
    doc.x = doc.page.margins.left;
    doc.y = y + 14;
    this.reset();
  }

  private reset(): void {
    this.doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.text);
  }

  /** Starts a new page when less than `height` is left, so a heading is never the last line of a page. */
  private keep(height: number): void {
    if (this.doc.y + height > contentBottom(this.doc)) this.doc.addPage();
  }

  heading(text: string, level: 1 | 2 | 3 = 2): this {
    const size = level === 1 ? SIZE.h1 - 4 : level === 2 ? SIZE.h2 : SIZE.h3;
    this.keep(size * 4);
    this.doc.moveDown(level === 3 ? 0.4 : 0.8);
    this.doc.font(level === 3 ? FONT.semibold : FONT.bold).fontSize(size).fillColor(level === 3 ? COLOR.text : COLOR.accent).text(text);
    this.doc.moveDown(0.25);
    this.reset();
    return this;
  }

  paragraph(text: string, options: { italic?: boolean; muted?: boolean } = {}): this {
    this.doc
      .font(options.italic ? FONT.italic : FONT.regular)
      .fillColor(options.muted ? COLOR.muted : COLOR.text)
      .text(text, { lineGap: 2, paragraphGap: 4 });
    this.reset();
    return this;
  }

  bullets(items: string[]): this {
    this.doc.list(items, { bulletRadius: 1.6, textIndent: 10, lineGap: 2, paragraphGap: 2 });
    this.doc.x = this.doc.page.margins.left;
    this.doc.moveDown(0.3);
    return this;
  }

  keyValues(pairs: [string, string][]): this {
    const left = this.doc.page.margins.left;
    const labelWidth = Math.min(160, contentWidth(this.doc) * 0.32);
    for (const [key, value] of pairs) {
      const valueWidth = contentWidth(this.doc) - labelWidth;
      this.doc.font(FONT.regular).fontSize(SIZE.body);
      const h = Math.max(this.doc.heightOfString(value || '–', { width: valueWidth }), this.doc.heightOfString(key, { width: labelWidth - 8 }));
      this.keep(h + 4);
      const y = this.doc.y;
      this.doc.font(FONT.semibold).text(key, left, y, { width: labelWidth - 8 });
      this.doc.font(FONT.regular).text(value || '–', left + labelWidth, y, { width: valueWidth });
      this.doc.x = left;
      this.doc.y = y + h + 4;
    }
    this.reset();
    return this;
  }

  table(spec: TableSpec): this {
    drawTable(this.doc, spec);
    return this;
  }

  image(spec: ImageSpec): this {
    const width = contentWidth(this.doc) * spec.widthShare;
    const height = (width * spec.pixelHeight) / spec.pixelWidth;
    this.keep(height + 24);
    const x = this.doc.page.margins.left + (contentWidth(this.doc) - width) / 2;
    const y = this.doc.y;
    this.doc.image(spec.png, x, y, { width, height });
    this.doc.x = this.doc.page.margins.left;
    this.doc.y = y + height + 6;
    if (spec.caption) this.paragraph(spec.caption, { italic: true, muted: true });
    return this;
  }

  private footers(): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    const printed = utskrivetText(this.options.utskrivet);
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing below the bottom margin would make pdfkit add a page; lift the margin while drawing the footer.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = doc.page.height - PAGE.margin - 6;
      const left = doc.page.margins.left;
      const width = contentWidth(doc);
      doc.moveTo(left, y - 6).lineTo(left + width, y - 6).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
      doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted);
      // One line: the right part (printed, page) as it is, the left part shortened to the room left beside it.
      const right = `${printed} · Sida ${i - range.start + 1} av ${range.count}`;
      const room = width - doc.widthOfString(right) - 12;
      const version = this.title.version ? ` · ${this.title.version}` : '';
      // Too long: the title goes before the version does (the title block on page 1 says it); then the school name is cut.
      let leftText = `${this.title.skola} · ${this.title.titel}${version}`;
      if (doc.widthOfString(leftText) > room && version) leftText = `${this.title.skola}${version}`;
      if (doc.widthOfString(leftText) > room) {
        while (leftText.length > 1 && doc.widthOfString(`${leftText}…`) > room) leftText = leftText.slice(0, -1);
        leftText = `${leftText.trimEnd()}…`;
      }
      doc.text(leftText, left, y, { lineBreak: false });
      doc.text(right, left, y, { width, align: 'right', lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
  }

  async finish(): Promise<Buffer> {
    this.footers();
    this.doc.end();
    return this.done;
  }
}

export function createPdfBuilder(title: TitleBlock, options: BuilderOptions): DocumentBuilder {
  return new PdfBuilder(title, options);
}
