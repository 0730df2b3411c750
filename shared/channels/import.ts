// Channels of the register and result import (issue 4): preview a file, run (or dry-run) an import, the history
// with undo, and saved column mappings. Files travel as base64 so Electron and browser mode work the same way.
import { z } from 'zod';
import { IMPORT_FIELDS, IMPORT_KINDS } from '../import/fields';
import type { ImportHistoryEntry, ImportPreview, ImportResult, SavedMapping } from '../import/types';
import { id, isoDate, text } from '../validation';
import { returns } from './define';

const kind = z.enum(IMPORT_KINDS, { error: 'Välj vad som ska importeras: elever, personal, grupper, undervisning eller resultat.' });

// 48 MB of base64 is about 36 MB of file, far above a school's exports and under the HTTP host's limit.
const fileArgs = {
  kind,
  fileName: text('Filnamn', 260),
  contentBase64: z
    .string({ error: 'Filens innehåll saknas.' })
    .min(1, 'Filen är tom.')
    .max(48 * 1024 * 1024, 'Filen är för stor för att importeras (högst cirka 35 MB).'),
  sheet: z.string().max(200).nullable().default(null),
};

export const columnMapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(300));

export const importRunArgs = z.object({
  ...fileArgs,
  mapping: columnMapping,
  onlyValidRows: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  /** Answers to ambiguous names: question key → the chosen id, or null to skip those rows. */
  matchChoices: z.record(z.string().max(500), id.nullable()).default({}),
  /** The assessment occasion for a result file that does not name one itself. */
  /** Without a name, the occasion is named after the varv that contains the date ("Varv 2"). */
  tillfalle: z
    .object({ namn: z.string().trim().max(100, 'Bedömningstillfällets namn får vara högst 100 tecken.').default(''), datum: isoDate })
    .nullable()
    .default(null),
});
export type ImportRunArgs = z.input<typeof importRunArgs>;

export const importChannels = {
  'import:preview': {
    summary: 'Reads a CSV or XLSX file (encoding and delimiter detected): headers, the first rows, the sheets and a proposed column mapping. Changes nothing.',
    args: z.object(fileArgs),
    result: returns<ImportPreview>(),
  },
  'import:run': {
    summary: 'Validates the whole file and, without problems (or with onlyValidRows), imports it in one transaction after a backup; dryRun only reports. Re-importing the same file changes nothing.',
    args: importRunArgs,
    result: returns<ImportResult>(),
  },
  'import:history': {
    summary: 'Earlier imports, newest first: file name and hash, when, counts, and whether it was undone.',
    args: z.object({}).strict(),
    result: returns<ImportHistoryEntry[]>(),
  },
  'import:undo': {
    summary: 'Undoes an import as a whole, restoring every row it touched; refused when a later import or edit has changed the same rows.',
    args: z.object({ id }),
    result: returns<ImportHistoryEntry>(),
  },
  'import:mappings': {
    summary: 'Saved column mappings, optionally only those of one kind.',
    args: z.object({ kind: kind.nullable().default(null) }),
    result: returns<SavedMapping[]>(),
  },
  'import:saveMapping': {
    summary: 'Saves (or replaces) the column mapping of a source, e.g. "Skolplattformen – resultat", for reuse.',
    args: z.object({ kalla: text('Källans namn', 100), kind, mapping: columnMapping }),
    result: returns<SavedMapping>(),
  },
} as const;
