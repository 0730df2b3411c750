// Backup file names: varvet-<UTC time>-<reason>.sqlite, with a sidecar <same>.json written after verification.
import { BACKUP_REASONS, type BackupReason } from '../../../shared/domain/backupRetention';

const NAME = /^varvet-(\d{8}T\d{6}\d{3}Z)-([a-z-]+?)(?:-(\d+))?\.sqlite$/;

export function backupStamp(time: Date): string {
  // 2026-10-05T08:30:00.123Z → 20261005T083000123Z: sortable, and valid in file names on every OS.
  return time.toISOString().replace(/[-:.]/g, '');
}

export function backupFileName(time: Date, reason: BackupReason, n = 0): string {
  return `varvet-${backupStamp(time)}-${reason}${n > 0 ? `-${n}` : ''}.sqlite`;
}

export function parseBackupFileName(file: string): { time: string; reason: BackupReason | 'okand' } | null {
  const match = NAME.exec(file);
  if (!match?.[1] || !match[2]) return null;
  const s = match[1];
  const time = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
  const reason = (BACKUP_REASONS as readonly string[]).includes(match[2]) ? (match[2] as BackupReason) : 'okand';
  return { time, reason };
}

export function sidecarName(file: string): string {
  return file.replace(/\.sqlite$/, '.json');
}

export const TEMP_SUFFIX = '.tmp';
