// DocumentBuilder over the `docx` package: the same title block, headings, tables (header row repeated on every
// page) and pictures as the PDF, with "Sida N av M" and "Utskrivet …" in the footer. Word supplies the font.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { datumText, utskrivetText, type BuilderOptions, type DocumentBuilder, type ImageSpec, type TableSpec, type TitleBlock } from '../document';

const ACCENT = '1D4E89';
const MUTED = '555555';
const FONT = 'Calibri';
/** A4 text width in twentieths of a point (210 mm − 2 × 20 mm margins). */
const TEXT_WIDTH_TWIP = 9638;
const TEXT_WIDTH_PX = 642;
const MARGIN_TWIP = 1134;

class DocxBuilder implements DocumentBuilder {
  private readonly children: FileChild[] = [];

  constructor(
    private readonly title: TitleBlock,
    private readonly options: BuilderOptions,
  ) {
    this.children.push(
      new Paragraph({ children: [new TextRun({ text: title.skola.toUpperCase(), bold: true, color: ACCENT, size: 20 })] }),
      new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: title.titel, bold: true, size: 40 })] }),
    );
    if (title.undertitel) this.children.push(new Paragraph({ children: [new TextRun({ text: title.undertitel, color: MUTED, size: 24 })] }));
    const meta = [title.version, datumText(title.datum)].filter((x): x is string => Boolean(x)).join('  ·  ');
    this.children.push(
      new Paragraph({
        border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: ACCENT, space: 6 } },
        spacing: { after: 240 },
        children: [new TextRun({ text: meta, color: MUTED })],
      }),
    );
  }

  heading(text: string, level: 1 | 2 | 3 = 2): this {
    const heading = level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
    this.children.push(new Paragraph({ heading, keepNext: true, spacing: { before: 240, after: 80 }, children: [new TextRun({ text, color: level === 3 ? undefined : ACCENT })] }));
    return this;
  }

  paragraph(text: string, options: { italic?: boolean; muted?: boolean } = {}): this {
    // Keep the user's line breaks: each line becomes its own run with a break before it.
    const lines = text.split('\n');
    this.children.push(
      new Paragraph({
        spacing: { after: 120 },
        children: lines.map((line, i) => new TextRun({ text: line, italics: options.italic, color: options.muted ? MUTED : undefined, break: i > 0 ? 1 : 0 })),
      }),
    );
    return this;
  }

  bullets(items: string[]): this {
    for (const item of items) this.children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
    return this;
  }

  keyValues(pairs: [string, string][]): this {
    for (const [key, value] of pairs) {
      this.children.push(new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: `${key}: `, bold: true }), new TextRun(value || '–')] }));
    }
    return this;
  }

  table(spec: TableSpec): this {
    const sum = spec.columns.reduce((a, c) => a + c.width, 0) || 1;
    const widths = spec.columns.map((c) => Math.round((c.width / sum) * TEXT_WIDTH_TWIP));
    const cell = (text: string, i: number, header: boolean) =>
      new TableCell({
        width: { size: widths[i] ?? 0, type: WidthType.DXA },
        shading: header ? { type: ShadingType.CLEAR, fill: 'E8EDF4', color: 'auto' } : undefined,
        margins: { top: 60, bottom: 60, left: 80, right: 80 },
        children: [new Paragraph({ children: [new TextRun({ text, bold: header, size: 20 })] })],
      });
    const rows = [
      new TableRow({ tableHeader: true, cantSplit: true, children: spec.columns.map((c, i) => cell(c.header, i, true)) }),
      ...spec.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false)) })),
    ];
    this.children.push(new Table({ width: { size: TEXT_WIDTH_TWIP, type: WidthType.DXA }, columnWidths: widths, rows }));
    this.children.push(new Paragraph({ text: '' }));
    return this;
  }

  image(spec: ImageSpec): this {
    const width = Math.round(TEXT_WIDTH_PX * spec.widthShare);
    const height = Math.round((width * spec.pixelHeight) / spec.pixelWidth);
    this.children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new ImageRun({ type: 'png', data: spec.png, transformation: { width, height }, altText: { name: spec.alt, description: spec.alt, title: spec.alt } })],
      }),
    );
    if (spec.caption) this.paragraph(spec.caption, { italic: true, muted: true });
    return this;
  }

  async finish(): Promise<Buffer> {
    const footerText = `${this.title.skola} · ${this.title.titel}${this.title.version ? ` · ${this.title.version}` : ''} · ${utskrivetText(this.options.utskrivet)} · `;
    const doc = new Document({
      creator: 'Varvet',
      lastModifiedBy: 'Varvet',
      title: `${this.title.titel} – ${this.title.skola}`,
      // Swedish (w:lang sv-SE) as the document's language, so Word spell-checks the text as Swedish.
      styles: { default: { document: { run: { font: FONT, size: 21, language: { value: 'sv-SE' } } } } },
      sections: [
        {
          properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: MARGIN_TWIP, bottom: MARGIN_TWIP, left: MARGIN_TWIP, right: MARGIN_TWIP } } },
          footers: {
            default: new Footer({
              children: [
                new Paragraph({
                  alignment: AlignmentType.RIGHT,
                  children: [
                    new TextRun({ text: footerText, size: 16, color: MUTED }),
                    new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES], size: 16, color: MUTED }),
                  ],
                }),
              ],
            }),
          },
          children: this.children,
        },
      ],
    });
    return Packer.toBuffer(doc);
  }
}

export function createDocxBuilder(title: TitleBlock, options: BuilderOptions): DocumentBuilder {
  return new DocxBuilder(title, options);
}
