// The document API every export writes against (plan, EHT-protokoll, year report, registerutdrag). The same content
// code drives a PDF builder (pdf/) and a Word builder (docx/): write `(b: DocumentBuilder) => …` once, get both.
//
//   const b = createPdfBuilder({ skola: 'Björkhagens skola', titel: 'Plan för resultatuppföljning', version: 'Version 2',
//     datum: '2026-05-04' }, { utskrivet: new Date() });
//   b.heading('Kalendarium').table({ columns: [{ header: 'Varv', width: 1 }, …], rows: [['1', …]] });
//   const pdf = await b.finish();
import { format } from 'date-fns';
import { sv } from 'date-fns/locale';

export interface TitleBlock {
  /** The school's name, shown above the title. */
  skola: string;
  titel: string;
  /** E.g. "Version 3 (baslinje)"; left out for documents without versions. */
  version?: string | null;
  /** The document's date, yyyy-MM-dd (e.g. when the version was saved or the meeting held). */
  datum: string;
  undertitel?: string | null;
}

export interface BuilderOptions {
  /** When the file was produced: the footer says "Utskrivet <datum>". */
  utskrivet: Date;
}

export interface TableColumn {
  header: string;
  /** Relative width; columns share the text width in proportion. */
  width: number;
}

export interface TableSpec {
  columns: TableColumn[];
  rows: string[][];
}

export interface ImageSpec {
  png: Buffer;
  /** Pixel size of the PNG, for the aspect ratio. */
  pixelWidth: number;
  pixelHeight: number;
  /** Share of the text width, 0–1. */
  widthShare: number;
  /** Text alternative (DOCX alt text; PDF prints it as a caption when given). */
  alt: string;
  caption?: string;
}

export interface DocumentBuilder {
  heading(text: string, level?: 1 | 2 | 3): this;
  paragraph(text: string, options?: { italic?: boolean; muted?: boolean }): this;
  bullets(items: string[]): this;
  /** Label–value pairs, e.g. "Mottagare: Anna". */
  keyValues(pairs: [string, string][]): this;
  /** Header row repeated on each page; cells wrap. */
  table(spec: TableSpec): this;
  image(spec: ImageSpec): this;
  finish(): Promise<Buffer>;
}

export type DocumentFormat = 'pdf' | 'docx';

export const MIME: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** "4 maj 2026" */
export function datumText(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return format(new Date(y, m - 1, d), 'd MMMM yyyy', { locale: sv });
}

/** "4 maj 2026 kl. 10.42", as the footer says when the file was produced. */
export function utskrivetText(date: Date): string {
  return `Utskrivet ${format(date, "d MMMM yyyy 'kl.' HH.mm", { locale: sv })}`;
}

/** "Björkhagens skola" → "bjorkhagens-skola", for file names that survive e-mail and every file system. */
export function filnamnsdel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/é/g, 'e')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
