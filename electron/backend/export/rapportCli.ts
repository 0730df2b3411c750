// The 'arsrapport' and 'registerutdrag' targets of `varvet export`, shaped like the command's ExportTarget without
// importing the CLI into the backend:
//   varvet export arsrapport --data DIR --format pdf|docx|json [--lasar 2026/27] --out FILE
//   varvet export registerutdrag --data DIR --elev ID [--format pdf|json] --out FILE
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { buildArsrapport } from './arsrapport';
import { renderArsrapport } from './arsrapportDokument';
import { buildRegisterutdrag } from './registerutdrag';
import { renderRegisterutdrag } from './registerutdragDokument';

type Input = { db: Database; today: string; now: Date; format: 'pdf' | 'docx' | 'json'; values: Record<string, string | boolean | undefined> };

export const arsrapportTarget = {
  summary: 'Årsrapporten till huvudmannen, pseudonymiserad (PDF, Word eller JSON).',
  usage: '[--lasar 2026/27]',
  formats: ['pdf', 'docx', 'json'] as const,
  options: { lasar: { type: 'string' as const } },
  async run({ db, today, now, format, values }: Input) {
    let lasarId: number | null = null;
    if (typeof values.lasar === 'string') {
      const id = db.prepare('SELECT id FROM lasar WHERE namn = ?').pluck().get(values.lasar) as number | undefined;
      if (id === undefined) throw new AppError('not_found', `Det finns inget läsår som heter ${values.lasar}. Skriv det som 2026/27.`);
      lasarId = id;
    }
    const fil = await renderArsrapport(buildArsrapport(db, { lasarId, idag: today, skapad: today }), format, now);
    return { filnamn: fil.filnamn, data: Buffer.from(fil.base64, 'base64') };
  },
};

export const registerutdragTarget = {
  summary: 'Registerutdrag: allt som är sparat om en elev (PDF eller JSON).',
  usage: '--elev ID',
  formats: ['pdf', 'json'] as const,
  options: { elev: { type: 'string' as const } },
  async run({ db, now, format, values }: Input) {
    if (format === 'docx') throw new AppError('invalid_argument', 'Registerutdraget skrivs som PDF eller JSON: använd --format pdf eller --format json.');
    const id = Number(values.elev);
    if (!Number.isInteger(id) || id <= 0) throw new AppError('invalid_argument', 'Ange elevens id med --elev, t.ex. --elev 12.');
    const fil = await renderRegisterutdrag(db, buildRegisterutdrag(db, id, now.toISOString()), format, now);
    return { filnamn: fil.filnamn, data: Buffer.from(fil.base64, 'base64') };
  },
};
