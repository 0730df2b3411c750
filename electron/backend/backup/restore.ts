// Putting a backup in place of the live database file. The caller has closed the live connection: the backup is
// copied through the backup API into a temporary file next to the database, verified, fsynced, and renamed over
// the database after stale -wal/-shm files are removed (a WAL from the old file must never meet the new one).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { translateSqliteError } from '../db/errors';
import { checkOpen, sameCounts, sealAndCheck, type FileCheck } from './verify';

/** Checks a backup file read-only; a damaged one is refused before anything is touched. */
export function checkBackupFile(file: string, nativeBinding?: string): FileCheck {
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, nativeBinding });
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

export async function copyBackupOver(backupFile: string, liveFile: string, nativeBinding?: string): Promise<FileCheck> {
  const source = checkBackupFile(backupFile, nativeBinding);
  const tmp = path.join(path.dirname(liveFile), `.${path.basename(liveFile)}.${crypto.randomBytes(4).toString('hex')}.restore.tmp`);
  const clean = () => {
    for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  };
  try {
    const src = new BetterSqlite3(backupFile, { readonly: true, fileMustExist: true, nativeBinding });
    try {
      await src.backup(tmp, { progress: () => 0x7fffffff });
    } finally {
      src.close();
    }
    const copy = sealAndCheck(tmp, nativeBinding);
    if (!copy.ok || !sameCounts(source.counts, copy.counts)) {
      throw new AppError('database_unavailable', 'Kopian av säkerhetskopian blev inte hel, så databasen har inte ändrats. Försök igen.');
    }
    const fd = fs.openSync(tmp, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${liveFile}${suffix}`, { force: true });
    fs.renameSync(tmp, liveFile);
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
