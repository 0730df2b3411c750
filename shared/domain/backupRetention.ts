// Which backups to keep: the recent ones, one per day, one per week, and always the newest (and the newest copy
// taken before a restore or a migration, so those can always be undone). Pure, so it is tested exhaustively.

/** Why a backup was taken; part of its file name (backup/names.ts). */
export const BACKUP_REASONS = ['start', 'fore-migrering', 'fore-import', 'intervall', 'manuell', 'fore-aterstallning'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface RetentionPolicy {
  /** Backups younger than this many hours are "recent"… */
  recentHours: number;
  /** …of which at most this many (the newest) are kept. */
  recentMax: number;
  /** One backup (the newest) per day for this many days. */
  days: number;
  /** One backup (the newest) per week for this many weeks. */
  weeks: number;
  /** Reasons whose newest backup is always kept. */
  alwaysKeepNewestOf: readonly string[];
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  recentHours: 24,
  recentMax: 10,
  days: 14,
  weeks: 8,
  alwaysKeepNewestOf: ['fore-aterstallning', 'fore-migrering'],
};

export interface RetainedBackup {
  file: string;
  /** ISO instant. */
  time: string;
  reason?: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Returns the file names to keep; everything else may be deleted. Order of the input does not matter. */
export function selectBackupsToKeep(
  backups: readonly RetainedBackup[],
  now: Date,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): Set<string> {
  // Newest first; ties broken by name so the result never depends on input order.
  const sorted = [...backups].sort((a, b) => Date.parse(b.time) - Date.parse(a.time) || (a.file < b.file ? 1 : a.file > b.file ? -1 : 0));
  const keep = new Set<string>();
  const newest = sorted[0];
  if (newest) keep.add(newest.file);

  let recent = 0;
  const days = new Set<number>();
  const weeks = new Set<number>();
  const reasons = new Set<string>();
  for (const b of sorted) {
    const t = Date.parse(b.time);
    // A backup from the "future" (clock moved back) counts as brand new rather than being thrown away.
    const age = Number.isNaN(t) ? Number.POSITIVE_INFINITY : Math.max(0, now.getTime() - t);
    if (age < policy.recentHours * HOUR && recent < policy.recentMax) {
      keep.add(b.file);
      recent++;
    }
    const day = Math.floor(age / DAY);
    if (day < policy.days && !days.has(day)) {
      days.add(day);
      keep.add(b.file);
    }
    const week = Math.floor(age / (7 * DAY));
    if (week < policy.weeks && !weeks.has(week)) {
      weeks.add(week);
      keep.add(b.file);
    }
    if (b.reason && policy.alwaysKeepNewestOf.includes(b.reason) && !reasons.has(b.reason)) {
      reasons.add(b.reason);
      keep.add(b.file);
    }
  }
  return keep;
}
