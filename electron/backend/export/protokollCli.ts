// The 'protokoll' target of `varvet export`: varvet export protokoll --data DIR --meeting ID --format pdf
// [--pseudonymised] --out FILE. Shaped like the command's ExportTarget, without importing the CLI into the backend.
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { protokollPdf } from './protokoll';

export const protokollTarget = {
  summary: 'EHT-protokollet för ett möte (steg 4 och 6), med --pseudonymised utan elevernas namn.',
  usage: '--meeting ID [--pseudonymised]',
  options: { meeting: { type: 'string' as const }, pseudonymised: { type: 'boolean' as const } },
  async run(input: { db: Database; now: Date; format: string; values: Record<string, string | boolean | undefined> }) {
    if (input.format !== 'pdf') throw new AppError('invalid_argument', 'EHT-protokollet skrivs som PDF: använd --format pdf.');
    const id = Number(input.values.meeting);
    if (!Number.isInteger(id) || id <= 0) throw new AppError('invalid_argument', 'Ange mötets id med --meeting, t.ex. --meeting 9.');
    if (!input.db.prepare('SELECT 1 FROM mote WHERE id = ?').get(id)) throw new AppError('not_found', `Det finns inget möte med id ${id}.`);
    const { filnamn, pdf } = await protokollPdf(input.db, id, { pseudonymiserad: input.values.pseudonymised === true, now: input.now });
    return { filnamn, data: pdf };
  },
};
