// Word exports: `createDocxBuilder(title, { utskrivet })` gives a DocumentBuilder (see ../document.ts).
export { createDocxBuilder } from './builder';
