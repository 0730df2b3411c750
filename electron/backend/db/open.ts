// The one place that opens the database and sets its pragmas. Everything else receives an open connection.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { writeBackup } from '../backup/create';
import { openConnection, type DbKey } from './driver';
import { restrictDatabaseFiles, restrictFolder } from './fileModes';
import { translateSqliteError } from './errors';
import { applyMigrations, latestVersion, loadMigrations, schemaVersion, type Migration } from './migrations';

export interface OpenDatabaseOptions {
  file: string;
  backupDir: string;
  migrations?: readonly Migration[];
  nativeBinding?: string | undefined;
  now?: () => Date;
  /** How long a write waits for another program's lock before failing (default 5000 ms). */
  busyTimeoutMs?: number | undefined;
  /** The database key (encryption at rest); absent or null for an unencrypted database. */
  key?: DbKey | null | undefined;
}

export interface OpenedDatabase {
  db: Database;
  schemaVersion: number;
  appliedMigrations: number[];
  /** The online backup taken before pending migrations, if any. */
  preMigrationBackup: string | null;
}

export function setPragmas(db: Database, busyTimeoutMs = 5000): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Gallring (issue 8): deleted content is overwritten with zeros, not left in free pages of the file.
  db.pragma('secure_delete = ON');
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
}

/** Reads the schema version without writing anything (read-only connection), or throws a Swedish AppError. */
export function inspectDatabase(file: string, nativeBinding?: string, key?: DbKey | null): { version: number } {
  let probe: Database | null = null;
  try {
    probe = openConnection(file, { readonly: true, fileMustExist: true, nativeBinding }, key);
    const version = schemaVersion(probe);
    // Reading the schema forces SQLite to parse page 1 and the schema table: garbage fails here.
    probe.prepare('SELECT count(*) FROM sqlite_schema').get();
    return { version };
  } catch (error) {
    throw translateSqliteError(error, file) ?? error;
  } finally {
    probe?.close();
  }
}

export function newerSchemaMessage(found: number, known: number): string {
  return (
    `Databasen har skapats av en nyare version av Varvet (schemaversion ${found}; den här versionen känner till ${known}). ` +
    'Uppdatera Varvet för att öppna den. Ingenting har ändrats i databasen.'
  );
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const migrations = options.migrations ?? loadMigrations();
  const known = latestVersion(migrations);
  const now = options.now ?? (() => new Date());
  const exists = fs.existsSync(options.file) && fs.statSync(options.file).size > 0;

  if (exists) {
    const { version } = inspectDatabase(options.file, options.nativeBinding, options.key);
    if (version > known) throw new AppError('database_newer', newerSchemaMessage(version, known));
  }
  // Issue 16, item 7: the data folder 0700, the database and its WAL/SHM 0600 (SQLite gives new WAL/SHM files the
  // database file's mode, so restricting the file first covers them).
  restrictFolder(path.dirname(options.file));
  if (exists) restrictDatabaseFiles(options.file);

  let db: Database;
  try {
    db = openConnection(options.file, { nativeBinding: options.nativeBinding }, options.key);
    restrictDatabaseFiles(options.file);
    setPragmas(db, options.busyTimeoutMs);
    restrictDatabaseFiles(options.file);
  } catch (error) {
    throw translateSqliteError(error, options.file) ?? error;
  }

  try {
    const current = schemaVersion(db);
    let preMigrationBackup: string | null = null;
    if (current > 0 && current < known) {
      // The same verified backup as everywhere else (backup/create.ts); no migration runs without one.
      const info = await writeBackup(db, options.backupDir, 'fore-migrering', { now, nativeBinding: options.nativeBinding });
      preMigrationBackup = path.join(options.backupDir, info.file);
    }
    const appliedMigrations = applyMigrations(db, migrations);
    // Migration 13 stops storing two derivable hashes per audit entry (issue 20): the freed space is given back
    // once, so the file and its backups shrink now rather than as new entries reuse it. Not vital: a full disk
    // only means the space is reused later.
    if (appliedMigrations.includes(13) && current > 0) {
      try {
        db.exec('VACUUM');
      } catch {
        // Kept as free pages; SQLite fills them with new rows.
      }
    }
    return { db, schemaVersion: schemaVersion(db), appliedMigrations, preMigrationBackup };
  } catch (error) {
    db.close();
    throw translateSqliteError(error, options.file) ?? error;
  }
}
