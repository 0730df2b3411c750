// The Electron-free backend: one open database and the handler table. Electron IPC, the browser-mode HTTP host,
// the CLI and the tests all create it the same way and call dispatch().
import type { AppInfo } from '../../shared/contract';
import { AppError, type Reply } from '../../shared/errors';
import type { HandlerContext } from './context';
import { BackupKeeper, attachKeeper } from './backup/index';
import type { Database } from 'better-sqlite3';
import { openConnection, type DbKey } from './db/driver';
import { openDatabase } from './db/open';
import { LockController, LOCKED_MESSAGE } from './lock/controller';
import type { Keychain } from './lock/keyFile';
import type { ScryptParams } from './lock/wrap';
import { attachLock, lockHandlers, OPEN_WHEN_LOCKED } from './lock/service';
import { latestVersion, loadMigrations } from './db/migrations';
import { buildHandlerTable, dispatch, type HandlerPart, type HandlerTable } from './handlers';
import { backupDir, databasePath } from './paths';
import { generateDemo } from './demo/generate';
import { backupHandlers } from './backup/service';
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
  /**
   * The start backup runs in the background, after createBackend returns (browser mode and Electron: it never holds
   * up the first screen). Default false: createBackend returns once it is written (the CLI, tests).
   */
  startBackupInBackground?: boolean;
}

export interface Backend {
  readonly dataDir: string;
  readonly context: HandlerContext;
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
  const openSession = async (sessionKeys: readonly DbKey[]): Promise<void> => {
    keys = sessionKeys;
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
  const lock = new LockController(options.dataDir, { open: openSession, close: closeSession }, options.keychain, options.scryptParams, options.nativeBinding);
  attachLock(context, lock);
  if (!lock.locked) await openSession([]);
  else if (options.passphrase !== undefined) await lock.unlock({ losenord: options.passphrase });
  return {
    dataDir: options.dataDir,
    context,
    dispatch: async (channel, args) => {
      // The lock gate (issue 8, item 9): while locked only app:info and the unlock channels answer.
      if (lock.locked && !OPEN_WHEN_LOCKED.has(channel)) return { ok: false, error: { code: 'locked', message: LOCKED_MESSAGE } };
      await keeper?.idle();
      return dispatch(table, context, channel, args);
    },
    close: closeSession,
  };
}

function closedConnection(): Database {
  const db = openConnection(':memory:');
  db.close();
  return db;
}
