// Layout and type of every Varvet PDF: A4, generous margins, Inter, dark text on white (AA contrast in print too).
import PDFDocument from 'pdfkit';
import { fontPath } from '../fonts';

export const PAGE = { size: 'A4' as const, margin: 56, footerHeight: 28 };

export const COLOR = {
  text: '#1a1a1a',
  muted: '#555555',
  accent: '#1d4e89',
  rule: '#c8ccd2',
  headerFill: '#e8edf4',
  zebra: '#f6f7f9',
};

export const SIZE = { body: 10.5, small: 8.5, h1: 20, h2: 14, h3: 11.5, school: 10 };

export const FONT = { regular: 'Inter', semibold: 'Inter-SemiBold', bold: 'Inter-Bold', italic: 'Inter-Italic' };

export function newPdf(info: { title: string; author: string }): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin + PAGE.footerHeight },
    bufferPages: true,
    info: { Title: info.title, Author: info.author, Creator: 'Varvet' },
    lang: 'sv-SE',
    displayTitle: true,
  });
  doc.registerFont(FONT.regular, fontPath('regular'));
  doc.registerFont(FONT.semibold, fontPath('semibold'));
  doc.registerFont(FONT.bold, fontPath('bold'));
  doc.registerFont(FONT.italic, fontPath('italic'));
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.text);
  return doc;
}

/** Text width between the margins. */
export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** The lowest y that content may reach on this page (above the footer). */
export function contentBottom(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}
