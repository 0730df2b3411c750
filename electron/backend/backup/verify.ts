// Checking a database file: quick_check and the row count of every table. Used on every backup written and on the
// file that a restore is about to put in place.
import type { Database } from 'better-sqlite3';
import { openConnection, type DbKey } from '../db/driver';
import { auditHead, type ChainHead } from '../audit/anchor';

export type TableCounts = Record<string, number>;

export function tableCounts(db: Database): TableCounts {
  const names = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts: TableCounts = {};
  // Names come from sqlite_schema itself, quoted; nothing user-supplied reaches this SQL.
  for (const name of names) counts[name] = db.prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`).pluck().get() as number;
  return counts;
}

export function sameCounts(a: TableCounts, b: TableCounts): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

export interface FileCheck {
  ok: boolean;
  quickCheck: string;
  counts: TableCounts;
  schemaVersion: number;
  /** The audit chain's head in the file (issue 16, item 4): kept in the backup's sidecar as its anchor. */
  loggkedja: ChainHead | null;
}

/**
 * Opens the file read-write (so a WAL-mode copy can be turned into one self-contained file), switches it to
 * journal_mode=DELETE and checks it. A backup must be a single file that opens anywhere without -wal/-shm.
 */
export function sealAndCheck(file: string, nativeBinding?: string, key?: DbKey | null): FileCheck {
  const db = openConnection(file, { fileMustExist: true, nativeBinding }, key);
  try {
    db.pragma('journal_mode = DELETE');
    return checkOpen(db);
  } finally {
    db.close();
  }
}

export function checkOpen(db: Database): FileCheck {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const quickCheck = rows.map((r) => r.quick_check).join('; ');
  return {
    ok: quickCheck === 'ok',
    quickCheck,
    counts: tableCounts(db),
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    loggkedja: auditHead(db),
  };
}
