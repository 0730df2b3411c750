// The Electron-free backend: one open database and the handler table. Electron IPC, the browser-mode HTTP host,
// the CLI and the tests all create it the same way and call dispatch().
import { contract, type AppInfo } from '../../shared/contract';
import { AppError, type Reply } from '../../shared/errors';
import type { HandlerContext } from './context';
import { BackupKeeper, attachKeeper } from './backup/index';
import type { Database } from 'better-sqlite3';
import { openConnection, type DbKey } from './db/driver';
import { openDatabase } from './db/open';
import { acquireFolderLock, type FolderLock, type LockKind } from './db/folderLock';
import { restrictFolder } from './db/fileModes';
import { LockController, LOCKED_MESSAGE } from './lock/controller';
import type { Keychain } from './lock/keyFile';
import type { ScryptParams } from './lock/wrap';
import { attachLock, lockHandlers, OPEN_WHEN_LOCKED } from './lock/service';
import { latestVersion, loadMigrations } from './db/migrations';
import { buildHandlerTable, dispatch, type HandlerPart, type HandlerTable } from './handlers';
import { backupDir, databasePath } from './paths';
import { generateDemo } from './demo/generate';
import { backupHandlers } from './backup/service';
import { listBackups } from './backup/index';
import { missingDatabaseFault, OPEN_IN_FAULT, restoreOverFault } from './backup/fault';
import { importHandlers } from './import/service';
import { insatsHandlers } from './mote/insatser';
import { installningarHandlers } from './skola/installningar';
import { resultatHandlers } from './resultat/elev';
import { moteHandlers } from './mote/mote';
import { utredningHandlers } from './mote/utredning';
import { oversiktHandlers } from './skola/oversikt';
import { planHandlers } from './plan/plan';
import { registerHandlers } from './register/register';
import { getSkola, skolaHandlers } from './skola/skola';
import { uppfoljningHandlers } from './uppfoljning/handlers';
import { gallringHandlers } from './logg/gallring';
import { loggHandlers } from './logg/logg';
import { lokalNyckelHandlers } from './skola/lokalNyckel';
import { APP_VERSION } from './version';

export interface BackendOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  /** Path to a better-sqlite3 binary built for another ABI (Electron); absent means the Node build. */
  nativeBinding?: string | undefined;
  /** Where the NNNN_name.sql files are; defaults to the repository's migrations/ folder. */
  migrationsDir?: string | undefined;
  /** Injected clock; tests pass a fixed one. */
  now?: () => Date;
  /** Automatic backups while open (ms); null turns the timer off. Default 30 minutes. */
  backupIntervalMs?: number | null;
  /** How long a write waits for another program's lock (ms). Default 5000. */
  busyTimeoutMs?: number;
  /** Electron's safeStorage, where the OS has a real keychain; absent in browser mode and the CLI. */
  keychain?: Keychain | undefined;
  /** Unlocks an encrypted folder at start (the CLI's VARVET_LOSENORD); absent: an encrypted folder starts locked. */
  passphrase?: string | undefined;
  /** scrypt cost for new passphrases; tests may lower it. Default SCRYPT_PARAMS (N=2^17, r=8, p=1). */
  scryptParams?: ScryptParams | undefined;
  /** Who holds the data folder's lock (db/folderLock.ts); default 'app' in Electron, 'serve' in browser mode. */
  lockKind?: LockKind | undefined;
  /**
   * The start backup runs in the background, after createBackend returns (browser mode and Electron: it never holds
   * up the first screen). Default false: createBackend returns once it is written (the CLI, tests).
   */
  startBackupInBackground?: boolean;
}

export interface Backend {
  readonly dataDir: string;
  readonly context: HandlerContext;
  /** The data folder's lock, held until close(): one writer per data folder (issue 16, item 1). */
  readonly folderLock: FolderLock;
  /** A missing, empty or damaged database the backend started without (backup/fault.ts), or null. */
  fault(): AppError | null;
  /** Parses the arguments against the contract, runs the handler, never throws: always a Reply. */
  dispatch(channel: string, args: unknown): Promise<Reply<unknown>>;
  close(): void;
}

const appHandlers: HandlerPart = {
  'app:info': (_args, ctx) => ({
    version: APP_VERSION,
    schemaVersion: ctx.schemaVersion,
    dataDir: ctx.dataDir,
    mode: ctx.mode,
  }),
  'demo:open': (args, ctx) => {
    if (getSkola(ctx.db)) throw new AppError('conflict', 'Det finns redan en skola i den här databasen.');
    generateDemo(ctx.db, { size: args.size, now: ctx.now() });
    const skola = getSkola(ctx.db);
    if (!skola) throw new AppError('internal', 'Demoskolan kunde inte skapas.');
    return skola;
  },
};

export function createHandlerTable(): HandlerTable {
  return buildHandlerTable(appHandlers, skolaHandlers, oversiktHandlers, registerHandlers, insatsHandlers, backupHandlers, planHandlers, moteHandlers, utredningHandlers, importHandlers, uppfoljningHandlers, resultatHandlers, lockHandlers, loggHandlers, gallringHandlers, lokalNyckelHandlers, installningarHandlers);
}

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const now = options.now ?? (() => new Date());
  // One writer per data folder: refused here, in Swedish naming the holder, before anything is opened or written.
  restrictFolder(options.dataDir);
  const folderLock = acquireFolderLock(options.dataDir, options.lockKind ?? (options.mode === 'electron' ? 'app' : 'serve'), {
    now,
    nativeBinding: options.nativeBinding,
  });
  try {
    return await createLockedBackend(options, now, folderLock);
  } catch (error) {
    folderLock.release();
    throw error;
  }
}

async function createLockedBackend(options: BackendOptions, now: () => Date, folderLock: FolderLock): Promise<Backend> {
  const migrations = loadMigrations(options.migrationsDir);
  // The database key of the session (null: unencrypted). Set by the lock controller when it opens a session.
  let keys: readonly DbKey[] = [];
  const open = () =>
    openDatabase({
      file: databasePath(options.dataDir),
      backupDir: backupDir(options.dataDir),
      migrations,
      nativeBinding: options.nativeBinding,
      now,
      busyTimeoutMs: options.busyTimeoutMs,
      key: keys[0] ?? null,
    });
  const table = createHandlerTable();
  // Until a session is open (locked at start), the context holds a closed connection: any use fails loudly.
  const context: HandlerContext = { db: closedConnection(), dataDir: options.dataDir, mode: options.mode, schemaVersion: 0, now };
  let keeper: BackupKeeper | null = null;
  let firstSession = true;
  // Issue 16, items 2 and 3: a database missing or empty where a school existed, or damaged when an encrypted
  // folder is unlocked, leaves the backend running without a database; only the way out answers (backup/fault.ts).
  let fault: AppError | null = null;
  const openSessionOrFault = async (sessionKeys: readonly DbKey[], damagedIsFault: boolean): Promise<void> => {
    try {
      await openSession(sessionKeys);
      fault = null;
    } catch (error) {
      const isFault = error instanceof AppError && error.code === 'database_corrupt' && (damagedIsFault || missingDatabaseFault(options.dataDir) !== null);
      if (!isFault) throw error;
      keys = sessionKeys;
      fault = error;
    }
  };
  const openSession = async (sessionKeys: readonly DbKey[]): Promise<void> => {
    keys = sessionKeys;
    const missing = missingDatabaseFault(options.dataDir);
    if (missing) throw missing;
    const opened = await open();
    context.db = opened.db;
    context.schemaVersion = opened.schemaVersion;
    // Backups (backup/keeper.ts): one at start, then at an interval while something changes; a restore reopens.
    keeper = new BackupKeeper({
      context,
      nativeBinding: options.nativeBinding,
      knownSchemaVersion: latestVersion(migrations),
      reopen: open,
      intervalMs: options.backupIntervalMs,
      keys: () => keys,
    });
    attachKeeper(context, keeper);
    // Issue 5: on or after the läsår's first day, the plan in force is frozen as its baseline if it has none
    // (plan/baslinje.ts). Before the start backup, so that backup holds the state the app opens with.
    // Audited like any change; its reply is not needed, and a failure never stops the app from opening.
    await dispatch(table, context, 'plan:baslinjeVidStart', {});
    try {
      // A database created just now has nothing to save; unlocking again after a lock takes no new start backup.
      await keeper.startup(!firstSession || opened.appliedMigrations[0] === 1, options.startBackupInBackground === true);
    } catch (error) {
      context.db.close();
      throw error;
    }
    firstSession = false;
    keeper.startInterval();
  };
  const closeSession = (): void => {
    keeper?.close();
    if (context.db.open) context.db.close();
    keys = [];
  };
  const lock = new LockController(
    options.dataDir,
    // Unlocking an encrypted folder whose database turns out damaged: unlocked, with the fault and its way out.
    { open: (k) => openSessionOrFault(k, true), close: () => { fault = null; closeSession(); } },
    options.keychain,
    options.scryptParams,
    options.nativeBinding,
  );
  attachLock(context, lock);
  // A damaged unencrypted database at start still refuses to start (serve prints the restore command); a missing
  // or empty one where a school existed starts in the fault state, so the start screen offers the backups.
  if (!lock.locked) await openSessionOrFault([], false);
  else if (options.passphrase !== undefined) await lock.unlock({ losenord: options.passphrase });
  const dispatchInFault = async (channel: string, args: unknown, current: AppError): Promise<Reply<unknown>> => {
    if (!OPEN_IN_FAULT.has(channel)) return { ok: false, error: current.toJSON() };
    if (channel === 'backup:list') return { ok: true, value: { backups: listBackups(options.dataDir), lastError: null } };
    if (channel !== 'backup:restore') return dispatch(table, context, channel, args);
    const parsed = contract['backup:restore'].args.safeParse(args);
    if (!parsed.success) return { ok: false, error: { code: 'invalid_argument', message: 'Välj en säkerhetskopia att återställa.' } };
    try {
      const result = await restoreOverFault(options.dataDir, parsed.data.file, {
        keys,
        knownSchemaVersion: latestVersion(migrations),
        now,
        nativeBinding: options.nativeBinding,
      });
      await openSession(keys);
      fault = null;
      return { ok: true, value: { ...result, schemaVersion: context.schemaVersion } };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toJSON() };
      console.error('Återställningen misslyckades:', error);
      return { ok: false, error: { code: 'internal', message: 'Säkerhetskopian kunde inte återställas. Ingenting har ändrats.' } };
    }
  };
  return {
    dataDir: options.dataDir,
    context,
    folderLock,
    dispatch: async (channel, args) => {
      // The lock gate (issue 8, item 9): while locked only app:info and the unlock channels answer.
      if (lock.locked && !OPEN_WHEN_LOCKED.has(channel)) return { ok: false, error: { code: 'locked', message: LOCKED_MESSAGE } };
      if (fault) return dispatchInFault(channel, args, fault);
      await keeper?.idle();
      return dispatch(table, context, channel, args);
    },
    fault: () => fault,
    close: () => {
      closeSession();
      folderLock.release();
    },
  };
}

function closedConnection(): Database {
  const db = openConnection(':memory:');
  db.close();
  return db;
}
