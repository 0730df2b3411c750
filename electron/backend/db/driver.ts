// The one SQLite driver: SQLite3MultipleCiphers' build of better-sqlite3 (same API). Every connection the app opens
// goes through openConnection, which sets the key before anything else touches the file (issue 8, encryption).
import Driver from 'better-sqlite3-multiple-ciphers';
import type { Database, Options } from 'better-sqlite3';

/** A 32-byte raw database key. */
export type DbKey = Buffer;

// better-sqlite3-multiple-ciphers ships the same classes as better-sqlite3; its own typings are a copy of them.
const Constructor = Driver as unknown as new (file: string, options?: Options) => Database;

const keys = new WeakMap<Database, DbKey>();

/**
 * SQLCipher v4 scheme (AES-256-CBC, HMAC-SHA512 per page) with a raw 256-bit key: no per-open KDF (the key is
 * already random), ~1 ms per open instead of ~60 ms for chacha20's PBKDF2.
 */
export function applyKey(db: Database, key: DbKey): void {
  if (key.length !== 32) throw new Error('Databasnyckeln måste vara 32 byte.');
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  keys.set(db, key);
}

/** Opens a connection; with a key, the key is set first. A wrong key fails at the first read (SQLITE_NOTADB). */
export function openConnection(file: string, options: Options = {}, key?: DbKey | null): Database {
  const db = new Constructor(file, options);
  if (key) {
    try {
      applyKey(db, key);
    } catch (error) {
      db.close();
      throw error;
    }
  }
  return db;
}

/** The key a connection was opened with (backups of it are written with the same key), or null. */
export function keyOf(db: Database): DbKey | null {
  return keys.get(db) ?? null;
}

/** Opens with the first key of `candidates` that reads the file (null = unencrypted); throws the last error. */
export function openWithAnyKey(file: string, options: Options, candidates: readonly (DbKey | null)[]): { db: Database; key: DbKey | null } {
  let last: unknown = null;
  for (const key of candidates) {
    let db: Database | null = null;
    try {
      db = openConnection(file, options, key);
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      return { db, key };
    } catch (error) {
      db?.close();
      last = error;
    }
  }
  throw last ?? new Error('Ingen nyckel att pröva.');
}

export { Constructor as DatabaseConstructor };
export type { Database };

/** SQLite3MultipleCiphers' rekey rewrites pages in place; with a WAL it leaves a database it cannot read again. */
export function assertRekeySafe(db: Database): void {
  const mode = String(db.pragma('journal_mode', { simple: true })).toLowerCase();
  if (mode === 'wal') throw new Error('PRAGMA rekey i WAL-läge förstör databasen; byt journal_mode först.');
}

/**
 * Re-encrypts an open connection's file with `key` (from plaintext or another key): checkpoint and leave WAL mode,
 * rekey in rollback-journal mode, then return to the journal mode it had. The connection must be the only one.
 */
export function rekeyTo(db: Database, key: DbKey): void {
  const before = String(db.pragma('journal_mode', { simple: true })).toLowerCase();
  if (before === 'wal') {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
  }
  assertRekeySafe(db);
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`rekey = "x'${key.toString('hex')}'"`);
  keys.set(db, key);
  if (before === 'wal') db.pragma('journal_mode = WAL');
}
