// Writing a backup: SQLite's online backup API (never a file copy) into a temporary name, verified (quick_check
// and every table's row count equal to the source's), fsynced, then renamed into place with a sidecar JSON.
// Every backup of the app goes through backupTo; on an encrypted database it is written with the same key.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { BackupInfo, BackupReason } from '../../../shared/channels/backup';
import { AppError } from '../../../shared/errors';
import { keyOf } from '../db/driver';
import { restrictFile, restrictFolder } from '../db/fileModes';
import { backupDir as backupDirOf } from '../paths';
import { backupFileName, sidecarName, TEMP_SUFFIX } from './names';
import { pruneBackups } from './list';
import { sameCounts, sealAndCheck, tableCounts, type FileCheck } from './verify';

export interface BackupOptions {
  now?: () => Date;
  nativeBinding?: string | undefined;
  /** Apply the retention policy afterwards (default true). */
  prune?: boolean;
}

const ATTEMPTS = 3;
/** Pages per step: everything in one step, so the copy is one consistent snapshot. */
const ALL_PAGES = 0x7fffffff;

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  // Directories cannot be opened for fsync on Windows; there the rename is already durable enough.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function removeQuietly(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

export function backupFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'))) {
    return new AppError(
      'database_corrupt',
      'Databasen är skadad, så ingen säkerhetskopia kunde göras av den. Återställ en säkerhetskopia från mappen "backups" i datamappen.',
      { cause: error },
    );
  }
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
    return new AppError('database_unavailable', 'Säkerhetskopian kunde inte sparas eftersom disken är full. Frigör utrymme och försök igen.', { cause: error });
  }
  return new AppError(
    'database_unavailable',
    'Säkerhetskopian kunde inte sparas i mappen "backups" i datamappen. Kontrollera att mappen finns och att disken fungerar.',
    { cause: error },
  );
}

function uniqueName(dir: string, time: Date, reason: BackupReason): string {
  for (let n = 0; ; n++) {
    const name = backupFileName(time, reason, n);
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}

/**
 * Copies `db` through the backup API into `outFile`: a temporary name next to it, verified against the source's
 * row counts, fsynced, then renamed. The one primitive every backup, export of the database and move goes through.
 */
export async function backupTo(db: Database, outFile: string, nativeBinding?: string): Promise<FileCheck> {
  const tmp = path.join(path.dirname(outFile), `.${path.basename(outFile)}.${crypto.randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  try {
    let check: FileCheck | null = null;
    for (let attempt = 0; attempt < ATTEMPTS && !check; attempt++) {
      removeQuietly(tmp);
      // The backup API cannot key its target; VACUUM INTO writes a consistent snapshot with the source's key.
      const key = keyOf(db);
      if (key) {
        // VACUUM cannot run inside a transaction (the audit hook holds one around a handler's synchronous part).
        for (let waits = 0; db.inTransaction && waits < 1000; waits++) await new Promise((resolve) => setImmediate(resolve));
        db.prepare('VACUUM INTO ?').run(tmp);
      }
      else await db.backup(tmp, { progress: () => ALL_PAGES });
      // Counted in the same tick the copy finished: nothing else can have written in between.
      const source = tableCounts(db);
      const copy = sealAndCheck(tmp, nativeBinding, key);
      if (!copy.ok) {
        throw new AppError('database_corrupt', 'Databasen är skadad, så säkerhetskopian av den blev inte hel. Återställ en säkerhetskopia från mappen "backups" i datamappen.');
      }
      if (sameCounts(source, copy.counts)) check = copy;
    }
    if (!check) throw new AppError('database_unavailable', 'Säkerhetskopian kunde inte kontrolleras eftersom databasen ändrades hela tiden. Försök igen.');
    restrictFile(tmp);
    fsyncFile(tmp);
    fs.renameSync(tmp, outFile);
    fsyncDir(path.dirname(outFile));
    return check;
  } catch (error) {
    removeQuietly(tmp);
    throw backupFailure(error);
  }
}

/** Writes one verified backup of `db` into `dir`. Throws a Swedish AppError if it cannot be written or verified. */
export async function writeBackup(db: Database, dir: string, reason: BackupReason, options: BackupOptions = {}): Promise<BackupInfo> {
  const now = options.now ?? (() => new Date());
  const time = now();
  try {
    restrictFolder(dir);
    const name = uniqueName(dir, time, reason);
    const final = path.join(dir, name);
    const check = await backupTo(db, final, options.nativeBinding);
    const info: BackupInfo = {
      file: name,
      time: time.toISOString(),
      reason,
      schemaVersion: check.schemaVersion,
      sizeBytes: fs.statSync(final).size,
      verified: true,
      counts: check.counts,
      ...(check.loggkedja ? { loggkedja: check.loggkedja } : {}),
    };
    const sidecar = path.join(dir, sidecarName(name));
    fs.writeFileSync(`${sidecar}${TEMP_SUFFIX}`, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
    fsyncFile(`${sidecar}${TEMP_SUFFIX}`);
    fs.renameSync(`${sidecar}${TEMP_SUFFIX}`, sidecar);
    fsyncDir(dir);
    if (options.prune !== false) pruneBackups(dir, time);
    return info;
  } catch (error) {
    throw backupFailure(error);
  }
}

/** The entry point for the app: a verified backup of the open database into <dataDir>/backups. */
export function createBackup(db: Database, dataDir: string, reason: BackupReason, options: BackupOptions = {}): Promise<BackupInfo> {
  return writeBackup(db, backupDirOf(dataDir), reason, options);
}
