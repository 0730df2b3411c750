// A database that is missing, empty or damaged when Varvet opens it, in a folder where a school has existed
// (issue 16, items 2 and 3). Before, a missing or zero-length file was taken for a new school: `serve` created an
// empty one over it and the start screen offered only Ny skola while the backups aged out. Now it is a fault: the
// backend starts without a database and answers every call with `database_corrupt` and this message, except
// app:info, lock:status, backup:list and backup:restore — the start screen shows the fault and the verified
// backups, and a restore puts one in place (the faulty file is moved aside, never deleted) and opens it.
import fs from 'node:fs';
import path from 'node:path';
import type { RestoreResult } from '../../../shared/channels/backup';
import { AppError } from '../../../shared/errors';
import type { DbKey } from '../db/driver';
import { KEY_FILE } from '../lock/keyFile';
import { backupDir, databasePath } from '../paths';
import { moveAside } from './keeper';
import { listBackupsIn } from './list';
import { checkBackupFile, copyBackupOver } from './restore';

/** Channels that answer while the backend is in a fault state. */
export const OPEN_IN_FAULT: ReadonlySet<string> = new Set(['app:info', 'lock:status', 'backup:list', 'backup:restore']);

function hasEarlierSchool(dataDir: string): boolean {
  if (listBackupsIn(backupDir(dataDir)).length > 0) return true;
  if (fs.existsSync(path.join(dataDir, KEY_FILE))) return true;
  try {
    return fs.readdirSync(dataDir).some((f) => /^skadad-.*\.sqlite$/.test(f));
  } catch {
    return false;
  }
}

/**
 * The fault of a missing or zero-length database where a school existed before (backups, a key file or a damaged
 * file moved aside), or null when the file is there or the folder is new.
 */
export function missingDatabaseFault(dataDir: string): AppError | null {
  const file = databasePath(dataDir);
  const size = fs.existsSync(file) ? fs.statSync(file).size : -1;
  if (size > 0 || !hasEarlierSchool(dataDir)) return null;
  const newest = listBackupsIn(backupDir(dataDir)).find((b) => b.verified);
  const what = size === 0 ? `Databasfilen (${file}) är tom` : `Databasfilen (${file}) saknas`;
  const wayOut = newest
    ? ` Återställ den senaste kontrollerade säkerhetskopian (${newest.time.replace('T', ' ').slice(0, 16)} UTC).`
    : ' Det finns ingen kontrollerad säkerhetskopia i mappen "backups"; kontakta den som sköter datorn.';
  return new AppError('database_corrupt', `${what}, men här har funnits en skola. Varvet skapar inte en ny skola över den.${wayOut}`);
}

/** Restores backup `file` (a name in <data>/backups) in place of a faulty database, which is moved aside first. */
export async function restoreOverFault(
  dataDir: string,
  file: string,
  options: { keys: readonly DbKey[]; knownSchemaVersion: number; now: () => Date; nativeBinding?: string | undefined },
): Promise<Omit<RestoreResult, 'schemaVersion'>> {
  const dir = backupDir(dataDir);
  const target = listBackupsIn(dir).find((b) => b.file === file);
  if (!target) throw new AppError('not_found', 'Säkerhetskopian finns inte i mappen "backups".');
  const full = path.join(dir, file);
  const check = checkBackupFile(full, options.nativeBinding, options.keys);
  if (check.schemaVersion > options.knownSchemaVersion) {
    throw new AppError('database_newer', 'Säkerhetskopian har gjorts av en nyare version av Varvet och kan inte återställas här. Ingenting har ändrats.');
  }
  const live = databasePath(dataDir);
  const damaged = fs.existsSync(live) ? moveAside(live, options.now()) : null;
  try {
    await copyBackupOver(full, live, options.nativeBinding, options.keys);
  } catch (error) {
    if (damaged) for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(damaged + suffix)) fs.renameSync(damaged + suffix, live + suffix);
    throw error;
  }
  return { restored: target, undo: null, damaged };
}
