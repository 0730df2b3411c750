// One entry for exporters: the builder for the format the user chose. pdfkit and docx are loaded on the first
// export, not when the backend starts (together they cost a few hundred milliseconds of every start-up).
import type { BuilderOptions, DocumentBuilder, DocumentFormat, TitleBlock } from './document';

export async function createBuilder(format: DocumentFormat, title: TitleBlock, options: BuilderOptions): Promise<DocumentBuilder> {
  if (format === 'pdf') return (await import('./pdf/index')).createPdfBuilder(title, options);
  return (await import('./docx/index')).createDocxBuilder(title, options);
}
