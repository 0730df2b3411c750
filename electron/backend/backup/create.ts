// Writing a backup: SQLite's online backup API (never a file copy) into a temporary name, verified (quick_check
// and every table's row count equal to the source's), fsynced, then renamed into place with a sidecar JSON.
// Every backup of the app goes through backupTo; on an encrypted database it is written with the same key.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { BackupInfo, BackupReason } from '../../../shared/channels/backup';
import { AppError } from '../../../shared/errors';
import { keyOf, openConnection } from '../db/driver';
import { auditHead } from '../audit/anchor';
import { restrictFile, restrictFolder } from '../db/fileModes';
import { backupDir as backupDirOf } from '../paths';
import { backupFileName, sidecarName, TEMP_SUFFIX } from './names';
import { pruneBackups } from './list';
import { sameCounts, sealAndCheck, tableCounts, type FileCheck } from './verify';
import { copyInWorker } from './copyWorker';

export interface BackupOptions {
  now?: () => Date;
  nativeBinding?: string | undefined;
  /** Apply the retention policy afterwards (default true). */
  prune?: boolean;
}

/**
 * A copy of the newest backup kept beside the backups (never listed, never restored): the next backup is written by
 * updating it in place, page by page, so it costs what changed since (copyWorker.ts). Refreshed after every backup.
 */
export const STANDBY_NAME = '.standby-varvet.sqlite';

export function standbyPath(dir: string): string {
  return path.join(dir, STANDBY_NAME);
}

/** The standby while it is copied; named like every temporary file, so a crash's leftover is removed at start. */
function standbyPart(dir: string): string {
  return path.join(dir, '.varvet-standby.part');
}

/** Removes the standby copy (its content is the previous backup's: after a re-key it must not stay behind). */
export function removeStandby(dir: string): void {
  removeQuietly(standbyPath(dir));
  fs.rmSync(standbyPart(dir), { force: true });
}

/** The standby refreshes one at a time; a backup that starts meanwhile waits for it. */
const refreshing = new Map<string, Promise<void>>();

function refreshStandby(dir: string, from: string): void {
  const target = standbyPath(dir);
  const previous = refreshing.get(dir) ?? Promise.resolve();
  const next = previous
    .then(async () => {
      // Copied in the thread pool (no fsync needed: a standby is only ever compared with, and the copy is verified).
      await fs.promises.copyFile(from, standbyPart(dir));
      await fs.promises.rename(standbyPart(dir), target);
    })
    .catch(() => {
      // No standby: the next backup is a full copy.
      removeStandby(dir);
    })
    .finally(() => {
      if (refreshing.get(dir) === next) refreshing.delete(dir);
    });
  refreshing.set(dir, next);
}

/**
 * The copy in a worker thread (copyWorker.ts), updating the standby when there is one: a verified copy, or null
 * where the worker cannot take it (an in-memory database, no WAL, writes that kept coming, no worker threads), and
 * the backup API is used instead.
 */
async function copyViaWorker(db: Database, tmp: string, nativeBinding: string | undefined, useStandby: boolean): Promise<FileCheck | null> {
  if (db.memory || !fs.existsSync(db.name)) return null;
  if (String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return null;
  const dir = path.dirname(tmp);
  await refreshing.get(dir);
  const standby = useStandby && fs.existsSync(standbyPath(dir)) ? standbyPath(dir) : null;
  try {
    const result = await copyInWorker({ source: db.name, target: tmp, standby, key: keyOf(db), nativeBinding });
    if (result.kind === 'busy') return null;
    if (!result.check.ok) {
      throw new AppError('database_corrupt', 'Databasen är skadad, så säkerhetskopian av den blev inte hel. Återställ en säkerhetskopia från mappen "backups" i datamappen.');
    }
    if (!sameCounts(result.source, result.check.counts)) return null;
    // The copy's audit head, for the sidecar's anchor (issue 16, item 4), read as verify.ts reads it.
    const copy = openConnection(tmp, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) }, keyOf(db));
    try {
      return { ...result.check, loggkedja: auditHead(copy) };
    } finally {
      copy.close();
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    return null;
  } finally {
    // The standby was moved into tmp (or never used); what is left of it is not trusted.
    if (standby) removeStandby(dir);
  }
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
 * Copies `db` into `outFile`: a temporary name next to it, verified against the source's row counts, fsynced, then
 * renamed. The one primitive every backup, export of the database and move goes through. The copy is made in a
 * worker thread where it can be (copyWorker.ts; with `useStandby`, by updating the backups folder's standby copy),
 * else through the backup API.
 */
export async function backupTo(db: Database, outFile: string, nativeBinding?: string, useStandby = false): Promise<FileCheck> {
  const tmp = path.join(path.dirname(outFile), `.${path.basename(outFile)}.${crypto.randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  try {
    let check: FileCheck | null = await copyViaWorker(db, tmp, nativeBinding, useStandby);
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
    if (useStandby) refreshStandby(path.dirname(outFile), outFile);
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
    const check = await backupTo(db, final, options.nativeBinding, true);
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
