// Import of register and results (issue 4): the service behind the import channels, shared by the renderer (through
// dispatch) and the CLI. Parsing is async (XLSX); validation and writing are one synchronous transaction.
import crypto from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { KIND_FIELDS, FIELD_TEXT, requiredFields, type ImportKind } from '../../../shared/import/fields';
import { fitMapping, type ColumnMapping } from '../../../shared/import/mapping';
import { proposeMapping } from '../../../shared/import/headers';
import type { ImportPreview, ImportResult } from '../../../shared/import/types';
import { createBackup, keeperIfAny } from '../backup';
import { instant, today, type HandlerContext } from '../context';
import type { HandlerPart } from '../handlers';
import { changeMark, runImport } from './apply';
import { findMapping, getHistoryEntry, listHistory, listMappings, saveMapping, undoImport } from './history';
import { parseFile, type ParsedTable } from './parse';

const PREVIEW_ROWS = 20;

export function decodeBase64(content: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content.replace(/\s+/g, ''))) {
    throw new AppError('invalid_argument', 'Filens innehåll kom inte fram oskadat. Välj filen igen.');
  }
  return new Uint8Array(Buffer.from(content, 'base64'));
}

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export function previewOf(kind: ImportKind, fileName: string, table: ParsedTable): ImportPreview {
  const required = requiredFields(kind);
  return {
    kind,
    fileName,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    sheets: table.sheets,
    sheet: table.sheet,
    headers: table.headers,
    rows: table.rows.slice(0, PREVIEW_ROWS),
    totalRows: table.rows.length,
    proposedMapping: proposeMapping(kind, table.headers),
    fields: KIND_FIELDS[kind].map((field) => ({ field, label: FIELD_TEXT[field], required: required.has(field) })),
  };
}

export interface ImportRequest {
  kind: ImportKind;
  fileName: string;
  bytes: Uint8Array;
  sheet: string | null;
  mapping: ColumnMapping;
  onlyValidRows: boolean;
  dryRun: boolean;
  matchChoices: Record<string, number | null>;
  tillfalle: { namn: string; datum: string } | null;
}

type ImportContext = Pick<HandlerContext, 'db' | 'dataDir' | 'now'>;

/**
 * The verified backup before an import or its undo: the backend's newest backup when it holds exactly the state the
 * database is in now (typically the start backup, when the import is the first thing done), else a new one.
 */
function hasBackupOfNow(ctx: ImportContext): boolean {
  return keeperIfAny(ctx)?.unchangedBackup() != null;
}

async function backupBeforeImport(ctx: ImportContext, reusable: boolean): Promise<void> {
  if (reusable) return;
  const keeper = keeperIfAny(ctx);
  if (keeper) await keeper.backup('fore-import');
  else await createBackup(ctx.db, ctx.dataDir, 'fore-import', { now: ctx.now });
}

/**
 * Validates and imports. A real import that would change something first takes a verified backup (reason
 * 'fore-import'), then applies: with the first run's plan when nothing was written in between, else from a fresh
 * read of the register, so nothing written in between is lost.
 */
export async function importFile(ctx: ImportContext, req: ImportRequest, table?: ParsedTable): Promise<ImportResult> {
  const parsed = table ?? (await parseFile(req.bytes, req.sheet));
  const opts = {
    kind: req.kind, fileName: req.fileName, sha256: sha256(req.bytes), mapping: fitMapping(req.kind, req.mapping, parsed.headers),
    choices: req.matchChoices, tillfalle: req.tillfalle, onlyValidRows: req.onlyValidRows, dryRun: req.dryRun, today: today(ctx),
    now: instant(ctx),
  };
  // Asked before the first run: that run stops before its first change and rolls back, which leaves the database as
  // it was but still counts as writing.
  // A start backup still running in the background is the state before, once it is written.
  if (keeperIfAny(ctx)?.startBackupRunning) await keeperIfAny(ctx)?.settled();
  const reusable = hasBackupOfNow(ctx);
  const first = runImport(ctx.db, parsed, { ...opts, abortIfChanges: !req.dryRun });
  if (!first.needsBackup || req.dryRun) return first.result;
  const mark = changeMark(ctx.db);
  await backupBeforeImport(ctx, reusable);
  const unchanged = changeMark(ctx.db) === mark;
  return runImport(ctx.db, parsed, { ...opts, abortIfChanges: false }, unchanged ? first.validated : undefined).result;
}

export const importHandlers: HandlerPart = {
  'import:preview': async (args) => previewOf(args.kind, args.fileName, await parseFile(decodeBase64(args.contentBase64), args.sheet)),
  'import:run': (args, ctx) =>
    importFile(ctx, {
      kind: args.kind, fileName: args.fileName, bytes: decodeBase64(args.contentBase64), sheet: args.sheet, mapping: args.mapping,
      onlyValidRows: args.onlyValidRows, dryRun: args.dryRun, matchChoices: args.matchChoices, tillfalle: args.tillfalle,
    }),
  'import:history': (_args, ctx) => listHistory(ctx.db),
  'import:undo': async (args, ctx) => {
    // Undo is a mass change too: the state before it is kept, and a missing import is refused before the backup.
    getHistoryEntry(ctx.db, args.id);
    await backupBeforeImport(ctx, hasBackupOfNow(ctx));
    return undoImport(ctx.db, args.id, instant(ctx));
  },
  'import:mappings': (args, ctx) => listMappings(ctx.db, args.kind),
  'import:saveMapping': (args, ctx) => saveMapping(ctx.db, args.kalla, args.kind, args.mapping, instant(ctx)),
};

export { findMapping };
