// Encrypting files in place: the live database (closed by the backend first) and the retained backups. Every rekey
// goes through rekeyTo (db/driver.ts), which leaves WAL mode first — rekeying a WAL database corrupts it.
import fs from 'node:fs';
import path from 'node:path';
import { openWithAnyKey, rekeyTo, type DbKey } from '../db/driver';
import { listBackupsIn } from '../backup/list';
import { removeStandby } from '../backup/create';

/** Makes `file` readable with `to`, whichever of `from` (null = unencrypted) it is encrypted with now. */
export function ensureKey(file: string, from: readonly (DbKey | null)[], to: DbKey, nativeBinding?: string): 'unchanged' | 'rekeyed' {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return 'unchanged';
  const { db, key } = openWithAnyKey(file, { fileMustExist: true, nativeBinding }, [to, ...from.filter((k) => !(k && k.equals(to)))]);
  try {
    if (key && key.equals(to)) return 'unchanged';
    rekeyTo(db, to);
    return 'rekeyed';
  } finally {
    db.close();
  }
}

/** Every backup in `dir` re-encrypted with `to`; a file none of the keys opens is left as it is and counted. */
export function ensureBackupsKey(dir: string, from: readonly (DbKey | null)[], to: DbKey, nativeBinding?: string): { rekeyed: number; unreadable: number } {
  let rekeyed = 0;
  let unreadable = 0;
  // The standby copy (backup/create.ts) holds the previous backup under the old key: it is not kept.
  removeStandby(dir);
  for (const backup of listBackupsIn(dir)) {
    try {
      if (ensureKey(path.join(dir, backup.file), from, to, nativeBinding) === 'rekeyed') rekeyed += 1;
    } catch {
      unreadable += 1;
    }
  }
  return { rekeyed, unreadable };
}

/** Overwrites a file with zeros, fsyncs and removes it (a file that cannot be encrypted must not stay readable). */
export function secureRemove(file: string): void {
  if (!fs.existsSync(file)) return;
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  try {
    const zeros = Buffer.alloc(64 * 1024);
    for (let at = 0; at < size; at += zeros.length) fs.writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.rmSync(file, { force: true });
}

/** Databases Varvet moved aside in the data folder (a damaged or empty file before a restore). */
const QUARANTINED = /^skadad-.*\.sqlite$/;

/**
 * Issue 16, item 5: when encryption is set up, every earlier file Varvet wrote in the data folder is encrypted or
 * securely removed — files moved aside (`skadad-*.sqlite` and their WAL/SHM: encrypted if SQLite can read them,
 * else overwritten and removed), backups none of the keys open, and stray WAL/SHM/journal or temporary files in
 * the backups folder. Returns how many files were encrypted and removed.
 */
export function encryptLeftovers(dataDir: string, to: DbKey, from: readonly (DbKey | null)[], nativeBinding?: string): { encrypted: number; removed: number } {
  let encrypted = 0;
  let removed = 0;
  const names = fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : [];
  for (const name of names.filter((n) => QUARANTINED.test(n))) {
    const file = path.join(dataDir, name);
    try {
      if (ensureKey(file, from, to, nativeBinding) === 'rekeyed') encrypted += 1;
    } catch {
      for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) if (fs.existsSync(f)) (secureRemove(f), (removed += 1));
      continue;
    }
    // Opening replayed and removed a WAL; anything still beside it predates the rekey.
    for (const suffix of ['-wal', '-shm', '-journal']) if (fs.existsSync(file + suffix)) (secureRemove(file + suffix), (removed += 1));
  }
  // A WAL or SHM of a quarantined file whose database is gone.
  for (const name of names.filter((n) => /^skadad-.*\.sqlite-(wal|shm|journal)$/.test(n))) {
    const file = path.join(dataDir, name);
    if (fs.existsSync(file)) (secureRemove(file), (removed += 1));
  }
  const backups = path.join(dataDir, 'backups');
  if (fs.existsSync(backups)) {
    const listed = new Set(listBackupsIn(backups).map((b) => b.file));
    for (const name of fs.readdirSync(backups)) {
      const file = path.join(backups, name);
      if (!fs.statSync(file).isFile() || name.endsWith('.json')) continue;
      if (listed.has(name)) {
        // ensureBackupsKey has run: one that still opens without a key (or not at all) is unreadable garbage or plaintext.
        try {
          ensureKey(file, from, to, nativeBinding);
        } catch {
          secureRemove(file);
          removed += 1;
        }
        continue;
      }
      // Not a backup: a stray WAL/SHM/journal or a temporary file from an interrupted copy.
      secureRemove(file);
      removed += 1;
    }
  }
  return { encrypted, removed };
}
