// Backups and restores without a running backend (the CLI, and the way out when the database will not open):
// the live file is copied through the backup API, and a restore first keeps the current state — as a verified
// backup if it opens, else by moving the damaged file aside — so nothing is ever thrown away.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { openConnection, type DbKey } from '../db/driver';
import type { BackupInfo } from '../../../shared/channels/backup';
import { AppError } from '../../../shared/errors';
import { translateSqliteError } from '../db/errors';
import { backupDir, databasePath } from '../paths';
import { backupTo, writeBackup } from './create';
import { listBackupsIn } from './list';
import { backupStamp } from './names';
import { checkBackupFile, copyBackupOver } from './restore';

/** A verified copy of the data folder's database in `outFile` (which must not exist). */
export async function backupDataDir(dataDir: string, outFile: string, keys: readonly DbKey[] = []): Promise<{ file: string; counts: Record<string, number> }> {
  const live = databasePath(dataDir);
  if (!fs.existsSync(live)) throw new AppError('not_found', `Det finns ingen databas i ${dataDir}.`);
  const out = path.resolve(outFile);
  if (fs.existsSync(out)) throw new AppError('conflict', `Filen ${out} finns redan. Välj ett annat namn.`);
  if (!fs.existsSync(path.dirname(out))) throw new AppError('not_found', `Mappen ${path.dirname(out)} finns inte.`);
  let db: Database | null = null;
  try {
    db = openConnection(live, { readonly: true, fileMustExist: true }, keys[0]);
    const check = await backupTo(db, out);
    return { file: out, counts: check.counts };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw translateSqliteError(error, live) ?? error;
  } finally {
    db?.close();
  }
}

/** Resolves FILE for `varvet restore`: a path, or the name of a file in <data>/backups. */
export function resolveBackupFile(dataDir: string, file: string): string {
  const inBackups = path.join(backupDir(dataDir), path.basename(file));
  if (fs.existsSync(file)) return path.resolve(file);
  if (fs.existsSync(inBackups)) return inBackups;
  throw new AppError('not_found', `Säkerhetskopian ${file} finns inte.`);
}

export interface OfflineRestore {
  /** The verified backup of the state before the restore (undo by restoring it), if the database opened. */
  undo: BackupInfo | null;
  /** Where the damaged database was moved, if it did not open. */
  damaged: string | null;
}

export async function restoreDataDir(dataDir: string, backupFile: string, now: () => Date = () => new Date(), keys: readonly DbKey[] = []): Promise<OfflineRestore> {
  checkBackupFile(backupFile, undefined, keys);
  const live = databasePath(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  let undo: BackupInfo | null = null;
  let damaged: string | null = null;
  if (fs.existsSync(live)) {
    let db: Database | null = null;
    let sound = false;
    try {
      db = openConnection(live, { fileMustExist: true, timeout: 0 }, keys[0]);
      // Another Varvet with this folder open holds it; replacing the file under it would lose its writes.
      try {
        db.exec('BEGIN IMMEDIATE; ROLLBACK;');
      } catch (error) {
        const code = String((error as { code?: unknown }).code ?? '');
        if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
          throw new AppError('database_unavailable', 'Varvet verkar vara igång med den här datamappen. Avsluta det först och försök igen.');
        }
        throw error;
      }
      sound = db.pragma('quick_check', { simple: true }) === 'ok';
      if (sound) undo = await writeBackup(db, backupDir(dataDir), 'fore-aterstallning', { now, prune: false });
    } catch (error) {
      if (error instanceof AppError && error.code === 'database_unavailable') throw error;
      sound = false;
    } finally {
      db?.close();
    }
    if (!sound) {
      damaged = path.join(dataDir, `skadad-${backupStamp(now())}.sqlite`);
      fs.renameSync(live, damaged);
      for (const suffix of ['-wal', '-shm']) if (fs.existsSync(live + suffix)) fs.renameSync(live + suffix, damaged + suffix);
    }
  }
  await copyBackupOver(backupFile, live, undefined, keys);
  return { undo, damaged };
}

/** The newest verified backup, for messages that name the way out. */
export function newestBackup(dataDir: string): string | null {
  const newest = listBackupsIn(backupDir(dataDir)).find((b) => b.verified);
  return newest ? path.join(backupDir(dataDir), newest.file) : null;
}

/** Appends the way out to a message about a database that cannot be used. */
export function wayOut(dataDir: string): string {
  const newest = newestBackup(dataDir);
  return newest
    ? ` Återställ den senaste säkerhetskopian med: varvet restore "${newest}" --data "${dataDir}"`
    : ' Det finns ingen säkerhetskopia i datamappen; kontakta den som sköter datorn.';
}
