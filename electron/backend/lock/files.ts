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
