// Listing the backups folder and applying the retention policy to it. Only files named by names.ts are touched.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/channels/backup';
import { selectBackupsToKeep } from '../../../shared/domain/backupRetention';
import { backupDir as backupDirOf } from '../paths';
import { parseBackupFileName, sidecarName, TEMP_SUFFIX } from './names';

function readSidecar(file: string): Partial<BackupInfo> | null {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<BackupInfo>) : null;
  } catch {
    return null;
  }
}

/** Backups in `dir`, newest first. A file without its sidecar was never verified (e.g. cut short by a crash). */
export function listBackupsIn(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const file of fs.readdirSync(dir)) {
    const parsed = parseBackupFileName(file);
    if (!parsed) continue;
    const full = path.join(dir, file);
    const side = readSidecar(path.join(dir, sidecarName(file)));
    out.push({
      file,
      time: parsed.time,
      reason: parsed.reason,
      schemaVersion: typeof side?.schemaVersion === 'number' ? side.schemaVersion : null,
      sizeBytes: fs.statSync(full).size,
      verified: side?.verified === true && side.file === file,
      counts: side?.counts && typeof side.counts === 'object' ? side.counts : {},
    });
  }
  return out.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : a.file < b.file ? 1 : -1));
}

export function listBackups(dataDir: string): BackupInfo[] {
  return listBackupsIn(backupDirOf(dataDir));
}

/** Deletes the backups the retention policy does not keep, and temporary files left by an interrupted backup. */
export function pruneBackups(dir: string, now: Date): string[] {
  const all = listBackupsIn(dir);
  const keep = selectBackupsToKeep(all, now);
  const removed: string[] = [];
  for (const b of all) {
    if (keep.has(b.file)) continue;
    fs.rmSync(path.join(dir, b.file), { force: true });
    fs.rmSync(path.join(dir, sidecarName(b.file)), { force: true });
    removed.push(b.file);
  }
  return removed;
}

/** Temporary files from a backup that a crash interrupted; safe to remove when no backup is running. */
export function removeStaleTemps(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const file of fs.readdirSync(dir)) {
    if (file.startsWith('.varvet-') || file.endsWith(TEMP_SUFFIX) || /\.tmp-(journal|wal|shm)$/.test(file)) {
      fs.rmSync(path.join(dir, file), { force: true });
    }
  }
}
