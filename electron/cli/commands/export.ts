// `varvet export <vad>`: writes a document (PDF or DOCX) from the database without the app or a browser. Each kind
// is one entry in EXPORTS — add 'protokoll', 'arsrapport', 'registerutdrag' here with their own flags.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { toIsoDate } from '../../../shared/calendar';
import { AppError } from '../../../shared/errors';
import { acquireFolderLock } from '../../backend/db/folderLock';
import type { Database } from 'better-sqlite3';
import type { DocumentFormat } from '../../backend/export/document';
import { loadPlanDokument, renderPlan } from '../../backend/export/planExport';
import { protokollTarget } from '../../backend/export/protokollCli';
import { arsrapportTarget, registerutdragTarget } from '../../backend/export/rapportCli';
import { databasePath, resolveDataDir } from '../../backend/paths';
import { noDatabase, openExisting } from '../database';
import { getSkola } from '../../backend/skola/skola';
import type { CliCommand } from '../types';
import { logCliExport } from '../../backend/audit/cli';

type Values = Record<string, string | boolean | undefined>;

export interface ExportTarget {
  /** One Swedish line for help. */
  summary: string;
  /** The target's own flags, after the common --data/--format/--out. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** The --format values it writes; pdf and docx when left out. A target that lists json gets it in `format`. */
  formats?: readonly string[];
  /** Returns the file name it suggests and the bytes; the command writes them to --out (or that name). */
  run(input: { db: Database; today: string; now: Date; format: DocumentFormat; values: Values }): Promise<{ filnamn: string; data: Buffer }>;
}

const planTarget: ExportTarget = {
  summary: 'Planen för resultatuppföljning (steg 3) med kalendarium och årshjul.',
  usage: '[--version N]',
  options: { version: { type: 'string' } },
  async run({ db, today, now, format, values }) {
    let versionId: number | null = null;
    if (typeof values.version === 'string') {
      const nummer = Number(values.version);
      const id = Number.isInteger(nummer) ? (db.prepare('SELECT id FROM plan_version WHERE nummer = ?').pluck().get(nummer) as number | undefined) : undefined;
      if (id === undefined) throw new AppError('not_found', `Planen har ingen version ${values.version}. Utan --version skrivs det nuvarande utkastet ut.`);
      versionId = id;
    }
    const fil = await renderPlan(loadPlanDokument(db, today, versionId), format, now);
    return { filnamn: fil.filnamn, data: Buffer.from(fil.base64, 'base64') };
  },
};

export const EXPORTS: Record<string, ExportTarget> = {
  plan: planTarget,
  protokoll: protokollTarget,
  arsrapport: arsrapportTarget,
  registerutdrag: registerutdragTarget,
};

const COMMON = 'varvet export <vad> --data MAPP [--format pdf|docx|json] [--out FIL]';

/**
 * The format: --format when given, otherwise the --out file's extension (`--out u.json` writes JSON), otherwise pdf.
 * A --format that contradicts the file name is refused rather than writing PDF bytes into a .docx.
 */
export function formatOf(flag: unknown, out: unknown, formats: readonly string[]): string {
  const ext = typeof out === 'string' ? path.extname(out).slice(1).toLowerCase() : '';
  const fromName = formats.includes(ext) ? ext : null;
  if (typeof flag === 'string') {
    if (!formats.includes(flag)) throw new AppError('invalid_argument', `Formatet ska vara ${formats.join(' eller ')}, inte "${flag}".`);
    if (fromName && fromName !== flag) {
      throw new AppError('invalid_argument', `Filnamnet ${String(out)} slutar på .${fromName} men --format är ${flag}. Ändra det ena eller utelämna --format.`);
    }
    return flag;
  }
  if (fromName) return fromName;
  if (ext !== '' && ['pdf', 'docx', 'json'].includes(ext)) {
    throw new AppError('invalid_argument', `Det här dokumentet kan skrivas som ${formats.join(' eller ')}, inte som .${ext}.`);
  }
  return 'pdf';
}

export const exportCommand: CliCommand = {
  summary: 'Skriver ut ett dokument som PDF eller Word: ' + Object.keys(EXPORTS).join(', ') + '.',
  usage: `${COMMON}; vad: ${Object.entries(EXPORTS).map(([name, t]) => `${name} ${t.usage}`).join(' | ')}`,
  async run(argv, io) {
    const [what, ...rest] = argv;
    const target = what ? EXPORTS[what] : undefined;
    if (!what || !target) {
      throw new AppError('invalid_argument', `Ange vad som ska skrivas ut: ${Object.keys(EXPORTS).join(', ')}. Användning: ${this.usage}`);
    }
    const { values } = parseArgs({
      args: rest,
      options: { data: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, ...target.options },
    });
    const formats = target.formats ?? ['pdf', 'docx'];
    const format = formatOf(values.format, values.out, formats);
    const dataDir = resolveDataDir({ explicit: typeof values.data === 'string' ? values.data : undefined });
    // It writes the export's entry in the audit log (and migrations if pending): one writer per data folder.
    // No school here: refused before the lock, so the folder is left exactly as it was.
    if (!fs.existsSync(databasePath(dataDir))) throw noDatabase(dataDir);
    const lock = acquireFolderLock(dataDir, 'export', { inApp: 'Skriv ut dokumentet i det programmet i stället.' });
    let db;
    try {
      db = await openExisting(dataDir);
    } catch (error) {
      lock.release();
      throw error;
    }
    try {
      if (!getSkola(db)) throw new AppError('not_found', `Det finns ingen skola i ${databasePath(dataDir)}.`);
      const now = new Date();
      // Only targets that list 'json' in formats get it (rapportCli.ts); the others see pdf or docx, as checked above.
      const result = await target.run({ db, today: toIsoDate(now), now, format: format as DocumentFormat, values });
      const out = path.resolve(typeof values.out === 'string' ? values.out : result.filnamn);
      fs.writeFileSync(out, result.data);
      logCliExport(db, what, String(format), values); // audit log: an E entry (issue 8)
      io.out(`Skrev ${out} (${Math.round(result.data.length / 1024)} kB).`);
      return 0;
    } finally {
      db.close();
      lock.release();
    }
  },
};
