// Backups (issue 8): the one way the app writes, lists and restores backups. Import from here.
export type { BackupInfo, BackupReason, RestoreResult } from '../../../shared/channels/backup';
export { backupTo, createBackup, writeBackup, backupFailure, type BackupOptions } from './create';
export { listBackups, listBackupsIn, pruneBackups, removeStaleTemps } from './list';
export { checkBackupFile, copyBackupOver } from './restore';
export { BackupKeeper, attachKeeper, keeperIfAny, keeperOf, DEFAULT_BACKUP_INTERVAL_MS } from './keeper';
export { tableCounts } from './verify';
export { backupDataDir, newestBackup, resolveBackupFile, restoreDataDir, wayOut, type OfflineRestore } from './offline';
