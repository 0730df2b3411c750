// PDF exports: `createPdfBuilder(title, { utskrivet })` gives a DocumentBuilder (see ../document.ts).
export { createPdfBuilder } from './builder';
