// Opening the data folder's database from a command. A command that reads or changes a school opens only a database
// that is already there (openExisting): a mistyped --data, or a refused --dry-run, must not leave a new empty
// database file behind. Creating one is the job of `varvet skola ny` and `varvet demo` (createdOrRemoved).
import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { openDatabase } from '../backend/db/open';
import { cliKeys } from '../backend/lock/cli';
import { backupDir, databasePath } from '../backend/paths';

export function noDatabase(dataDir: string): AppError {
  return new AppError(
    'not_found',
    `Det finns ingen databas i ${dataDir}. Skapa en skola först (varvet skola ny eller varvet demo), eller ange rätt mapp med --data.`,
  );
}

/** The folder's database, refused in Swedish when there is none; nothing is created. */
export async function openExisting(dataDir: string): Promise<Database> {
  if (!fs.existsSync(databasePath(dataDir))) throw noDatabase(dataDir);
  const { db } = await openDatabase({ file: databasePath(dataDir), backupDir: backupDir(dataDir), key: (await cliKeys(dataDir))[0] ?? null });
  return db;
}

/** The files SQLite keeps beside the database (WAL mode). */
function databaseFiles(dataDir: string): string[] {
  const file = databasePath(dataDir);
  return [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];
}

/**
 * Runs `work` on the folder's database, creating it when missing; if work throws and the database file did not exist
 * before, the new file is removed again, so a refused command leaves the folder as it was.
 */
export async function createdOrRemoved<T>(dataDir: string, work: (db: Database) => T | Promise<T>): Promise<T> {
  const folderExisted = fs.existsSync(dataDir);
  const existed = fs.existsSync(databasePath(dataDir));
  const { db } = await openDatabase({ file: databasePath(dataDir), backupDir: backupDir(dataDir), key: (await cliKeys(dataDir))[0] ?? null });
  try {
    const value = await work(db);
    db.close();
    return value;
  } catch (error) {
    db.close();
    if (!existed) for (const f of databaseFiles(dataDir)) fs.rmSync(f, { force: true });
    if (!folderExisted) removeIfEmpty(dataDir);
    throw error;
  }
}

function removeIfEmpty(dir: string): void {
  try {
    if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  } catch {
    // Gone already, or not ours to remove.
  }
}
