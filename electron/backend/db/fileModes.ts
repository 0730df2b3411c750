// File modes (issue 16, item 7): on Linux and macOS the data folder is 0700 and every file Varvet writes in it —
// the database, its WAL and SHM, backups and their sidecars, the key file, the lock — is 0600, so another user of
// the machine cannot read pupil data. Windows has no POSIX modes (the user's profile folder is private there).
import fs from 'node:fs';

const POSIX = process.platform !== 'win32';

/** chmod 0600 if the file exists (no-op on Windows or if it is gone). */
export function restrictFile(file: string): void {
  if (!POSIX) return;
  try {
    fs.chmodSync(file, 0o600);
  } catch {
    // Gone already, or not ours: nothing to restrict.
  }
}

/** The database and its companions (SQLite gives a new WAL/SHM the database file's mode). */
export function restrictDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) restrictFile(f);
}

/** Creates the folder if missing and makes it 0700. */
export function restrictFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!POSIX) return;
  try {
    fs.chmodSync(dir, 0o700);
  } catch {
    // A folder we cannot chmod (not ours) is left as it is; opening will say if it cannot be written.
  }
}
