// `varvet serve`: browser mode. Runs until interrupted; the printed address carries the access token.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { appRoot } from '../../backend/appRoot';
import { createBackend } from '../../backend/backend';
import { keeperIfAny, wayOut } from '../../backend/backup/index';
import { startServer } from '../../backend/http/server';
import { resolveDataDir } from '../../backend/paths';
import { lockOf } from '../../backend/lock/service';
import type { CliCommand } from '../types';

export function rendererDir(): string {
  return path.join(appRoot(), 'dist', 'renderer');
}

export function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('invalid_argument', `Porten "${value}" är ogiltig. Ange ett heltal mellan 1 och 65535.`);
  }
  return port;
}

export const serveCommand: CliCommand = {
  summary: 'Startar Varvet i webbläsarläge på den här datorn.',
  usage: 'varvet serve [--data MAPP] [--port N]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, port: { type: 'string' } } });
    const port = parsePort(values.port);
    const dataDir = resolveDataDir({ explicit: values.data });
    let backend;
    try {
      // The start backup runs while the page loads (backup/keeper.ts): it never holds up the first screen.
      backend = await createBackend({ dataDir, mode: 'browser', startBackupInBackground: true });
    } catch (error) {
      // A damaged or unusable database: say so in Swedish, name the way out, and exit non-zero (main.ts).
      if (error instanceof AppError && (error.code === 'database_corrupt' || error.code === 'database_unavailable')) {
        throw new AppError(error.code, error.message + wayOut(dataDir), { cause: error });
      }
      throw error;
    }
    let server;
    try {
      server = await startServer({ backend, rendererDir: rendererDir(), port });
    } catch (error) {
      backend.close();
      const inUse = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
      throw new AppError('database_unavailable', inUse ? `Porten ${port} används redan. Välj en annan med --port.` : 'Webbservern kunde inte startas.');
    }
    io.out(`Varvet körs i webbläsarläge. Data: ${dataDir}`);
    // An encrypted folder starts locked (never unlocked from argv or the environment here): the page asks.
    if (lockOf(backend.context).locked) io.out('Databasen är krypterad och låst. Lås upp den i webbläsaren med ditt lösenord.');
    io.out(`Öppna den här adressen i webbläsaren (den innehåller din åtkomstnyckel):\n  ${server.openUrl}`);
    io.out('Avsluta med Ctrl+C.');
    const running = server;
    const started = backend;
    const code = await new Promise<number>((resolve) => {
      const stop = () => resolve(0);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      // The start backup runs after the host listens; if its check finds the database damaged, stop with the way out.
      const keeper = keeperIfAny(started.context);
      void keeper?.settled().then(() => {
        if (!keeper.startDamage) return;
        io.err(keeper.startDamage.message + wayOut(dataDir));
        resolve(1);
      });
    });
    await running.close();
    backend.close();
    if (code === 0) io.out('Varvet har stängts. Allt är sparat.');
    return code;
  },
};
