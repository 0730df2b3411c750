// `varvet import`: the same validation and the same all-or-nothing rule as the Import view, from a terminal.
// Exit 0 when imported (or a clean dry run), 1 when refused with the list of problems, 2 for usage errors.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { IMPORT_KIND_TEXT, isImportKind, type ImportKind } from '../../../shared/import/fields';
import { proposeMapping } from '../../../shared/import/headers';
import type { ImportResult } from '../../../shared/import/types';
import { isRealIsoDate } from '../../../shared/validation';
import { acquireFolderLock } from '../../backend/db/folderLock';
import { findMapping, saveMapping } from '../../backend/import/history';
import { parseFile } from '../../backend/import/parse';
import { databasePath, resolveDataDir } from '../../backend/paths';
import { importFile } from '../../backend/import/service';
import { noDatabase, openExisting } from '../database';
import type { CliCommand, CliIo } from '../types';
import { sealCli } from '../../backend/audit/cli';

const USAGE =
  'varvet import <elever|personal|grupper|undervisning|resultat> FIL [--data MAPP] [--mapping NAMN] [--spara-mapping NAMN] [--blad NAMN] [--tillfalle NAMN --datum ÅÅÅÅ-MM-DD] [--bara-giltiga] [--dry-run] [--json]';

/** "Elever … importerade", "Personal … importerad": the participle agrees with the kind's noun. */
const IMPORTERAD: Record<ImportKind, string> = {
  elever: 'importerade',
  personal: 'importerad',
  grupper: 'importerade',
  undervisning: 'importerad',
  resultat: 'importerade',
};

const usage = (why: string) => new AppError('invalid_argument', `${why} Användning: ${USAGE}`);

function printResult(io: CliIo, r: ImportResult, fileName: string): void {
  const n = (x: number) => x.toLocaleString('sv-SE');
  const what = `${IMPORT_KIND_TEXT[r.kind]} från ${fileName}`;
  if (r.refused) io.err(`${what}: ${r.refused}`);
  else if (r.dryRun) io.out(`${what}: provkörning, ingenting har sparats.`);
  else io.out(`${what}: ${IMPORTERAD[r.kind]}${r.baraGiltiga ? ' (bara de giltiga raderna)' : ''}.`);
  // A refusal imported nothing: it says how many rows were valid, not how many "were skipped".
  if (r.refused) io.out(`  Rader ${n(r.rader)} · giltiga ${n(r.giltigaRader)} · ingenting importerat · ${n(r.millis)} ms`);
  else {
    io.out(`  Rader ${n(r.rader)} · tillagda ${n(r.tillagda)} · ändrade ${n(r.andrade)} · oförändrade ${n(r.oforandrade)} · hoppade över ${n(r.hoppade)} · ${n(r.millis)} ms`);
    if (r.andradeVarden > 0) {
      io.out(`  ${r.dryRun ? 'Skulle ändra' : 'Ändrade'} ${n(r.andradeVarden)} befintliga värden:`);
      for (const a of r.andringar.slice(0, 50)) io.out(`    ${a.vad}: ${a.falt} ${a.fore} → ${a.efter}`);
      if (r.andradeVarden > 50) io.out(`    … och ${n(r.andradeVarden - 50)} till (alla med --json).`);
    }
  }
  if (r.problems.length > 0) {
    const rows = r.problems.map((p) => [String(p.rad), p.kolumn || '–', p.varde.replace(/\s+/g, ' ') || '–', p.orsak]);
    const head = ['Rad', 'Kolumn', 'Värde', 'Orsak'];
    const width = head.map((h, i) => Math.min(30, Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length))));
    const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.slice(0, 30).padEnd(width[i] ?? 0) : c)).join('  ');
    io.err(line(head));
    for (const row of rows) io.err(line(row));
  }
  for (const q of r.questions) {
    io.err(`Rad ${q.rader.join(', ')}: "${q.fraga}" kan vara flera personer: ${q.kandidater.map((k) => k.text).join(' eller ')}. Lägg till Id i filen.`);
  }
}

export const importCommand: CliCommand = {
  summary: 'Importerar elever, personal, grupper, undervisning eller resultat från CSV eller XLSX (allt eller inget).',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' }, mapping: { type: 'string' }, 'spara-mapping': { type: 'string' }, blad: { type: 'string' },
        tillfalle: { type: 'string' }, datum: { type: 'string' }, 'bara-giltiga': { type: 'boolean' }, 'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
    const [kind, file] = positionals;
    if (!kind || !isImportKind(kind)) throw usage(`Ange vad som ska importeras: elever, personal, grupper, undervisning eller resultat.`);
    if (!file || positionals.length > 2) throw usage('Ange en fil att importera.');
    const datum = values.datum;
    if (datum !== undefined && !isRealIsoDate(datum)) throw usage(`Datumet ${datum} finns inte eller är inte skrivet som ÅÅÅÅ-MM-DD.`);
    const tillfalle = datum ? { namn: values.tillfalle ?? '', datum } : null;
    if (values.tillfalle && !datum) throw usage('--tillfalle behöver också --datum.');

    // From here on a refusal is about the file or the database, not the command line: exit 1, and with --json the
    // reason as JSON on stdout like every other outcome, so a script reading stdout always gets JSON.
    try {
      return await importOne(kind, file, values, tillfalle, io);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (values.json) {
        const refused = { kind, fileName: path.basename(file), applied: false, refused: error.message, error: { code: error.code, message: error.message }, problems: [], questions: [], andringar: [], andradeVarden: 0 };
        io.out(JSON.stringify(refused, null, 2));
      } else io.err(error.message);
      return 1;
    }
  },
};

interface ImportFlags {
  data?: string;
  mapping?: string;
  'spara-mapping'?: string;
  blad?: string;
  'bara-giltiga'?: boolean;
  'dry-run'?: boolean;
  json?: boolean;
}

async function importOne(kind: ImportKind, file: string, values: ImportFlags, tillfalle: { namn: string; datum: string } | null, io: CliIo): Promise<number> {
  if (!fs.existsSync(file)) throw new AppError('not_found', `Filen ${file} finns inte.`);
  const bytes = new Uint8Array(fs.readFileSync(file));
  const dataDir = resolveDataDir({ explicit: values.data });
  // No school here: refused before the lock, so the folder is left exactly as it was.
  if (!fs.existsSync(databasePath(dataDir))) throw noDatabase(dataDir);
  const lock = acquireFolderLock(dataDir, 'import', { inApp: 'Importera filen i det programmet i stället: Import (Alt+6).' });
  let db;
  try {
    db = await openExisting(dataDir);
  } catch (error) {
    lock.release();
    throw error;
  }
  try {
    const table = await parseFile(bytes, values.blad ?? null);
    const k: ImportKind = kind;
    let mapping = proposeMapping(k, table.headers);
    if (values.mapping) {
      const saved = findMapping(db, values.mapping, k);
      if (!saved) throw new AppError('not_found', `Det finns ingen sparad mappning "${values.mapping}" för ${IMPORT_KIND_TEXT[k].toLowerCase()}.`);
      mapping = saved.mappning;
    }
    const now = () => new Date();
    const fileName = path.basename(file);
    const result = await importFile(
      { db, dataDir, now },
      { kind: k, fileName, bytes, sheet: values.blad ?? null, mapping, onlyValidRows: values['bara-giltiga'] ?? false,
        dryRun: values['dry-run'] ?? false, matchChoices: {}, tillfalle },
      table,
    );
    if (values['spara-mapping'] && !result.refused) saveMapping(db, values['spara-mapping'], k, mapping, now().toISOString());
    sealCli(db, 'cli:import'); // audit log (issue 8)
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else printResult(io, result, fileName);
    return result.refused ? 1 : 0;
  } finally {
    db.close();
    lock.release();
  }
}
