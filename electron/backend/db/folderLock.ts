// One writer per data folder (issue 16, item 1). Every process that may write the data folder — the Electron app,
// `varvet serve`/`start`, and the CLI's writing commands — first takes an OS-level lock on <data>/varvet.lock: a
// tiny SQLite file held with `locking_mode=EXCLUSIVE` and a committed write, so SQLite keeps its exclusive lock
// (fcntl on Linux/macOS, LockFileEx on Windows) for the life of the connection. The OS releases it when the
// process ends in any way, kill -9 included, so a stale lock cannot exist: after a crash the next process simply
// gets it (and says that the previous owner ended without closing). Who holds it is written beside it, in
// <data>/varvet.lock.json (pid, kind, since), only for the message that refuses a second writer.
// Within one process SQLite tracks its own locks per file, so a second lock in the same process is refused too.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { openConnection } from './driver';
import { restrictFile } from './fileModes';

export const LOCK_FILE = 'varvet.lock';
export const OWNER_FILE = 'varvet.lock.json';

/** Which kind of Varvet process holds the folder. */
export type LockKind = 'app' | 'serve' | 'demo' | 'import' | 'restore' | 'export' | 'skola' | 'skicka' | 'test';

export interface LockOwner {
  pid: number;
  kind: LockKind;
  /** ISO 8601 UTC. */
  since: string;
}

export interface FolderLock {
  readonly owner: LockOwner;
  /** The owner found in the owner file when this lock was taken: a process that ended without releasing it. */
  readonly tookOverFrom: LockOwner | null;
  release(): void;
}

const KIND_TEXT: Record<LockKind, string> = {
  app: 'Varvet-appen',
  serve: 'Varvet i webbläsarläge (varvet serve)',
  demo: 'varvet demo',
  import: 'varvet import',
  restore: 'varvet restore',
  export: 'varvet export',
  skola: 'varvet skola',
  skicka: 'varvet skicka',
  test: 'ett test',
};

/** What to do in the running app instead, per CLI command (shown when the CLI is refused). */
export type InAppHint = string | undefined;

function readOwner(dataDir: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dataDir, OWNER_FILE), 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.kind !== 'string' || typeof parsed.since !== 'string') return null;
    return { pid: parsed.pid, kind: parsed.kind as LockKind, since: parsed.since };
  } catch {
    return null;
  }
}

function describeOwner(owner: LockOwner | null): string {
  if (!owner) return 'ett annat Varvet-program';
  const kind = KIND_TEXT[owner.kind] ?? 'ett annat Varvet-program';
  const since = owner.since.replace('T', ' ').slice(0, 16);
  return `${kind} (process ${owner.pid}, sedan ${since} UTC)`;
}

export function heldMessage(dataDir: string, owner: LockOwner | null, inApp?: InAppHint): string {
  return (
    `Datamappen ${dataDir} används redan av ${describeOwner(owner)}. Bara ett Varvet-program i taget får ändra i den, ` +
    'så ingenting har gjorts.' +
    (inApp ? ` ${inApp}` : ' Avsluta det andra programmet först, eller fortsätt arbeta i det.')
  );
}

function isBusy(error: unknown): boolean {
  const code = String((error as { code?: unknown }).code ?? '');
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/**
 * Takes the data folder's lock or throws AppError('conflict') naming the holder. `inApp` is how to do the same in
 * the running app (for the CLI). The folder is created (mode 0700) if missing.
 */
export function acquireFolderLock(dataDir: string, kind: LockKind, options: { now?: () => Date; inApp?: InAppHint; nativeBinding?: string | undefined } = {}): FolderLock {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_FILE);
  let db: Database | null = null;
  try {
    db = openConnection(file, { timeout: 0, nativeBinding: options.nativeBinding });
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = DELETE');
    // A committed write takes the EXCLUSIVE lock; in exclusive locking mode SQLite never gives it back.
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS varvet_lock (n INTEGER); DELETE FROM varvet_lock; INSERT INTO varvet_lock VALUES (1); COMMIT;');
  } catch (error) {
    db?.close();
    if (isBusy(error)) throw new AppError('conflict', heldMessage(dataDir, readOwner(dataDir), options.inApp), { cause: error });
    throw new AppError('database_unavailable', `Datamappen ${dataDir} kunde inte läsas eller skrivas, så Varvet kan inte öppna den. Kontrollera att mappen finns och att du får skriva i den (den kan vara skrivskyddad).`, { cause: error });
  }
  restrictFile(file);
  const previous = readOwner(dataDir);
  const owner: LockOwner = { pid: process.pid, kind, since: (options.now ?? (() => new Date()))().toISOString() };
  const ownerFile = path.join(dataDir, OWNER_FILE);
  const temp = `${ownerFile}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(owner)}\n`, { mode: 0o600 });
  fs.renameSync(temp, ownerFile);
  const held = db;
  let released = false;
  return {
    owner,
    // The owner file is removed on release, so one left behind belongs to a process that ended without releasing.
    tookOverFrom: previous && previous.pid !== process.pid ? previous : null,
    release() {
      if (released) return;
      released = true;
      const current = readOwner(dataDir);
      if (current && current.pid === owner.pid && current.since === owner.since) fs.rmSync(ownerFile, { force: true });
      held.close();
    },
  };
}

/** Runs `fn` holding the folder's lock (the CLI's writing commands). */
export async function withFolderLock<T>(dataDir: string, kind: LockKind, inApp: InAppHint, fn: () => Promise<T> | T): Promise<T> {
  const lock = acquireFolderLock(dataDir, kind, { inApp });
  try {
    return await fn();
  } finally {
    lock.release();
  }
}
