// Putting a backup in place of the live database file. The caller has closed the live connection: the backup is
// copied through the backup API into a temporary file next to the database, verified, fsynced, and renamed over
// the database after stale -wal/-shm files are removed (a WAL from the old file must never meet the new one).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { openWithAnyKey, rekeyTo, type DbKey } from '../db/driver';
import { AppError } from '../../../shared/errors';
import { translateSqliteError } from '../db/errors';
import { restrictFile } from '../db/fileModes';
import { checkOpen, sameCounts, sealAndCheck, type FileCheck } from './verify';
import { rebaseAnchor } from '../audit/anchor';

/** Checks a backup file read-only; a damaged one is refused before anything is touched. */
export function checkBackupFile(file: string, nativeBinding?: string, keys: readonly DbKey[] = []): FileCheck {
  let db: Database | null = null;
  try {
    // Current key, earlier keys (before a rekey), then none (backups from before encryption was turned on).
    db = openWithAnyKey(file, { readonly: true, fileMustExist: true, nativeBinding }, [...keys, null]).db;
    const check = checkOpen(db);
    if (!check.ok) throw new AppError('database_corrupt', 'Säkerhetskopian är skadad och kan inte återställas. Välj en annan säkerhetskopia.');
    return check;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const known = translateSqliteError(error, file);
    throw new AppError('database_corrupt', 'Säkerhetskopian är skadad eller kan inte läsas, så den kan inte återställas. Välj en annan säkerhetskopia.', {
      cause: known ?? error,
    });
  } finally {
    db?.close();
  }
}

/** `keys`: the keyring, current key first; the restored file ends up encrypted with keys[0] (or plain if none). */
export async function copyBackupOver(backupFile: string, liveFile: string, nativeBinding?: string, keys: readonly DbKey[] = []): Promise<FileCheck> {
  const source = checkBackupFile(backupFile, nativeBinding, keys);
  const target = keys[0] ?? null;
  const tmp = path.join(path.dirname(liveFile), `.${path.basename(liveFile)}.${crypto.randomBytes(4).toString('hex')}.restore.tmp`);
  const clean = () => {
    for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  };
  try {
    const { db: src, key: sourceKey } = openWithAnyKey(backupFile, { readonly: true, fileMustExist: true, nativeBinding }, [...keys, null]);
    try {
      // VACUUM INTO keeps the source's key; the backup API cannot write an encrypted target.
      if (sourceKey) src.prepare('VACUUM INTO ?').run(tmp);
      else await src.backup(tmp, { progress: () => 0x7fffffff });
    } finally {
      src.close();
    }
    if (target && !(sourceKey && sourceKey.equals(target))) reencrypt(tmp, sourceKey, target, nativeBinding);
    const copy = sealAndCheck(tmp, nativeBinding, target);
    if (!copy.ok || !sameCounts(source.counts, copy.counts)) {
      throw new AppError('database_unavailable', 'Kopian av säkerhetskopian blev inte hel, så databasen har inte ändrats. Försök igen.');
    }
    restrictFile(tmp);
    const fd = fs.openSync(tmp, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${liveFile}${suffix}`, { force: true });
    fs.renameSync(tmp, liveFile);
    // The restored file's own head is the audit chain's anchor from now on (audit/anchor.ts).
    rebaseAnchor(liveFile, copy.loggkedja);
    if (process.platform !== 'win32') {
      const dirFd = fs.openSync(path.dirname(liveFile), 'r');
      fs.fsyncSync(dirFd);
      fs.closeSync(dirFd);
    }
    return copy;
  } catch (error) {
    clean();
    if (error instanceof AppError) throw error;
    throw translateSqliteError(error, liveFile) ?? new AppError('database_unavailable', 'Säkerhetskopian kunde inte återställas. Databasen har inte ändrats.', { cause: error });
  }
}

/** A backup from before encryption or with an earlier key: the copy is rekeyed (rollback-journal mode) to the current key. */
function reencrypt(file: string, from: DbKey | null, to: DbKey, nativeBinding?: string): void {
  const db = openWithAnyKey(file, { fileMustExist: true, nativeBinding }, [from]).db;
  try {
    rekeyTo(db, to);
  } finally {
    db.close();
  }
}
