// The Electron-free backend: one open database and the handler table. Electron IPC, the browser-mode HTTP host,
// the CLI and the tests all create it the same way and call dispatch().
import type { AppInfo } from '../../shared/contract';
import { AppError, type Reply } from '../../shared/errors';
import type { HandlerContext } from './context';
import { openDatabase } from './db/open';
import { loadMigrations } from './db/migrations';
import { buildHandlerTable, dispatch, type HandlerPart, type HandlerTable } from './handlers';
import { backupDir, databasePath } from './paths';
import { generateDemo } from './demo/generate';
import { insatsHandlers } from './services/insatser';
import { oversiktHandlers } from './services/oversikt';
import { registerHandlers } from './services/register';
import { getSkola, skolaHandlers } from './services/skola';
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
  return buildHandlerTable(appHandlers, skolaHandlers, oversiktHandlers, registerHandlers, insatsHandlers);
}

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const now = options.now ?? (() => new Date());
  const opened = await openDatabase({
    file: databasePath(options.dataDir),
    backupDir: backupDir(options.dataDir),
    migrations: loadMigrations(options.migrationsDir),
    nativeBinding: options.nativeBinding,
    now,
  });
  const table = createHandlerTable();
  const context: HandlerContext = {
    db: opened.db,
    dataDir: options.dataDir,
    mode: options.mode,
    schemaVersion: opened.schemaVersion,
    now,
  };
  return {
    dataDir: options.dataDir,
    context,
    dispatch: (channel, args) => dispatch(table, context, channel, args),
    close: () => {
      if (opened.db.open) opened.db.close();
    },
  };
}
