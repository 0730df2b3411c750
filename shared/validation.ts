// Reusable zod pieces with Swedish messages, so that a refused argument tells the user what and where.
import { z } from 'zod';
import sv from 'zod/v4/locales/sv.js';

// zod's own fallback messages (unknown keys, wrong types without a message of ours) in Swedish too.
z.config(sv());

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written yyyy-MM-dd (2026-02-30 is refused). */
export function isRealIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "saknas" only when the value is missing; a value of the wrong kind is named as such. */
const saknasEller = (saknas: string, felTyp: string) => (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? saknas : felTyp);

export const isoDate = z
  .string({ error: saknasEller('Datum saknas.', 'Datumet ska skrivas som text, ÅÅÅÅ-MM-DD.') })
  .refine(isRealIsoDate, { message: 'Datumet finns inte eller är inte skrivet som ÅÅÅÅ-MM-DD.' });

export const id = z.number({ error: saknasEller('Id saknas.', 'Id måste vara ett tal.') }).int('Id måste vara ett heltal.').positive('Id måste vara positivt.');

export function text(field: string, max = 200) {
  return z
    .string({ error: saknasEller(`${field} saknas.`, `${field} ska vara text.`) })
    .trim()
    .min(1, `${field} får inte vara tomt.`)
    .max(max, `${field} får vara högst ${max} tecken.`);
}

export function optionalText(field: string, max = 4000) {
  return z.string().trim().max(max, `${field} får vara högst ${max} tecken.`);
}

/** Turns a zod error into one Swedish sentence that names the field. */
export function describeZodError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'Uppgifterna är ogiltiga.';
  const where = first.path.length > 0 ? `Fältet "${first.path.join('.')}": ` : '';
  return `${where}${first.message}`;
}
