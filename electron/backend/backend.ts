// The Electron-free backend: one open database and the handler table. Electron IPC, the browser-mode HTTP host,
// the CLI and the tests all create it the same way and call dispatch().
import type { AppInfo } from '../../shared/contract';
import { AppError, type Reply } from '../../shared/errors';
import type { HandlerContext } from './context';
import { BackupKeeper, attachKeeper } from './backup/index';
import { openDatabase } from './db/open';
import { latestVersion, loadMigrations } from './db/migrations';
import { buildHandlerTable, dispatch, type HandlerPart, type HandlerTable } from './handlers';
import { backupDir, databasePath } from './paths';
import { generateDemo } from './demo/generate';
import { backupHandlers } from './services/backupService';
import { importHandlers } from './services/importService';
import { insatsHandlers } from './services/insatser';
import { resultatHandlers } from './services/resultatElev';
import { moteHandlers } from './services/mote';
import { utredningHandlers } from './services/utredning';
import { oversiktHandlers } from './services/oversikt';
import { planHandlers } from './services/plan';
import { registerHandlers } from './services/register';
import { getSkola, skolaHandlers } from './services/skola';
import { uppfoljningHandlers } from './services/uppfoljningHandlers';
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
  return buildHandlerTable(appHandlers, skolaHandlers, oversiktHandlers, registerHandlers, insatsHandlers, backupHandlers, planHandlers, moteHandlers, utredningHandlers, importHandlers, uppfoljningHandlers, resultatHandlers);
}

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const now = options.now ?? (() => new Date());
  const migrations = loadMigrations(options.migrationsDir);
  const open = () =>
    openDatabase({
      file: databasePath(options.dataDir),
      backupDir: backupDir(options.dataDir),
      migrations,
      nativeBinding: options.nativeBinding,
      now,
      busyTimeoutMs: options.busyTimeoutMs,
    });
  const opened = await open();
  const table = createHandlerTable();
  const context: HandlerContext = {
    db: opened.db,
    dataDir: options.dataDir,
    mode: options.mode,
    schemaVersion: opened.schemaVersion,
    now,
  };
  // Backups (backup/keeper.ts): one at start, then at an interval while something changes; a restore reopens.
  const keeper = new BackupKeeper({
    context,
    nativeBinding: options.nativeBinding,
    knownSchemaVersion: latestVersion(migrations),
    reopen: open,
    intervalMs: options.backupIntervalMs,
  });
  attachKeeper(context, keeper);
  try {
    await keeper.startup(opened.appliedMigrations[0] === 1); // a database created just now has nothing to save
  } catch (error) {
    context.db.close();
    throw error;
  }
  keeper.startInterval();
  return {
    dataDir: options.dataDir,
    context,
    dispatch: async (channel, args) => {
      await keeper.idle();
      return dispatch(table, context, channel, args);
    },
    close: () => {
      keeper.close();
      if (context.db.open) context.db.close();
    },
  };
}
