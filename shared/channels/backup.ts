// Channels of reliability (issue 8): verified backups, restoring one (and undoing that), and where the data lives.
import { z } from 'zod';
import { returns } from './define';

// Defined beside the retention rules (no zod there), so code that only names backup files need not load zod.
export { BACKUP_REASONS, type BackupReason } from '../domain/backupRetention';
import type { BackupReason } from '../domain/backupRetention';

/** One backup file in <data>/backups, as the sidecar JSON written after verification describes it. */
export interface BackupInfo {
  /** File name only (never a path): varvet-<time>-<reason>.sqlite */
  file: string;
  /** ISO instant (UTC) when it was written. */
  time: string;
  reason: BackupReason | 'okand';
  schemaVersion: number | null;
  sizeBytes: number;
  /** quick_check was ok and every table's row count matched the source when it was written. */
  verified: boolean;
  /** Row counts per table at the time of the backup. */
  counts: Record<string, number>;
  /** The audit chain's head in the backup (newest sealed entry's id and hash): an anchor outside the database. */
  loggkedja?: { seq: number; hash: string; macFran?: number | null };
}

export interface BackupList {
  backups: BackupInfo[];
  /** Swedish sentence if the last automatic backup failed, else null. */
  lastError: string | null;
}

export interface RestoreResult {
  restored: BackupInfo;
  /** The copy of the state just before the restore; restoring it undoes the restore. Null if that was damaged. */
  undo: BackupInfo | null;
  /** Where a damaged database was moved instead (when it could not be backed up), else null. */
  damaged: string | null;
  schemaVersion: number;
}

export type SyncService = 'onedrive' | 'dropbox' | 'google-drive' | 'icloud' | 'natverk';

export interface DataLocation {
  dataDir: string;
  /** What kind of synced or network folder holds the data, if any. */
  risk: SyncService | null;
  /** A Swedish sentence explaining the risk, or null when the folder is fine. */
  warning: string | null;
  /** A local folder we suggest instead (null when no warning). */
  suggestion: string | null;
}

export interface DataMoveResult {
  /** Where the copy of the database was written. */
  dataDir: string;
  /** Swedish instruction: how to start Varvet with the new folder. */
  instruction: string;
}

const backupFileName = z
  .string({ error: 'Välj en säkerhetskopia.' })
  .regex(/^varvet-[0-9TZ-]+-[a-z-]+(?:-\d+)?\.sqlite$/, 'Säkerhetskopian finns inte i mappen "backups".');

export const backupChannels = {
  'backup:list': {
    summary: 'Lists the verified backups in <data>/backups, newest first.',
    args: z.object({}).strict(),
    result: returns<BackupList>(),
  },
  'backup:create': {
    summary: 'Takes a verified backup now (reason "manuell") through the SQLite backup API.',
    args: z.object({}).strict(),
    result: returns<BackupInfo>(),
  },
  'backup:restore': {
    summary: 'Restores a backup: first saves the current state (reason "fore-aterstallning"), then replaces the database.',
    args: z.object({ file: backupFileName }).strict(),
    result: returns<RestoreResult>(),
  },
  'data:location': {
    summary: 'Where the data folder is, and a Swedish warning if it is in OneDrive, Dropbox, Google Drive, iCloud or a network share.',
    args: z.object({}).strict(),
    result: returns<DataLocation>(),
  },
  'data:move': {
    summary: 'Copies the database through the backup API to a local folder (the suggestion when none is given).',
    args: z
      .object({
        to: z
          .string({ error: 'Ange en mapp.' })
          .trim()
          .min(1, 'Ange en mapp.')
          .max(1000, 'Sökvägen får vara högst 1000 tecken.')
          .nullable()
          .default(null),
      })
      .strict(),
    result: returns<DataMoveResult>(),
  },
} as const;
