// One entry for exporters: the builder for the format the user chose.
import { createDocxBuilder } from './docx/index';
import type { BuilderOptions, DocumentBuilder, DocumentFormat, TitleBlock } from './document';
import { createPdfBuilder } from './pdf/index';

export function createBuilder(format: DocumentFormat, title: TitleBlock, options: BuilderOptions): DocumentBuilder {
  return format === 'pdf' ? createPdfBuilder(title, options) : createDocxBuilder(title, options);
}
