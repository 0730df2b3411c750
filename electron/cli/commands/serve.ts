// `varvet serve`: browser mode. Runs until interrupted; the printed address carries the access token.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { appRoot } from '../../backend/appRoot';
import { createBackend } from '../../backend/backend';
import { keeperIfAny, wayOut } from '../../backend/backup/index';
import { isAddressInUse, listenForFolder } from '../../backend/http/port';
import { startServer } from '../../backend/http/server';
import { resolveDataDir } from '../../backend/paths';
import { lockOf } from '../../backend/lock/service';
import type { CliCommand } from '../types';

export function rendererDir(): string {
  return path.join(appRoot(), 'dist', 'renderer');
}

const APP_DIR = path.resolve(import.meta.dirname, '..', '..', '..');

/** Vite's build of the renderer into outDir (the same config as `npm run build:renderer`); resolves to its exit code. */
export function buildRenderer(outDir: string): Promise<number> {
  let vite: string;
  try {
    vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    return Promise.resolve(1);
  }
  const args = [vite, 'build', '--config', path.join(APP_DIR, 'renderer', 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: APP_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/**
 * Browser mode needs the built renderer. `npm install` builds it (the prepare script); where it is still missing (a
 * fresh checkout, a removed dist/) it is built here, once, instead of serving a page that says it is not built.
 */
export async function ensureRenderer(dir: string, io: { out(text: string): void }, build = buildRenderer): Promise<void> {
  if (fs.existsSync(path.join(dir, 'index.html'))) return;
  io.out('Gränssnittet är inte byggt ännu. Varvet bygger det nu, en gång (det tar en stund) …');
  const code = await build(dir);
  if (code !== 0 || !fs.existsSync(path.join(dir, 'index.html'))) {
    throw new AppError('internal', 'Gränssnittet kunde inte byggas. Kör "npm install" i Varvets mapp och försök igen.');
  }
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
  usage: 'varvet serve [--data MAPP] [--port N]  (utan --port: samma port som förra gången för mappen)',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, port: { type: 'string' } } });
    const port = parsePort(values.port);
    const dataDir = resolveDataDir({ explicit: values.data });
    await ensureRenderer(rendererDir(), io);
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
    let moved: number | null;
    try {
      // The same address as last time for this folder, so the page's local drafts are found again.
      ({ server, moved } = await listenForFolder(dataDir, port, (p) => startServer({ backend, rendererDir: rendererDir(), port: p })));
    } catch (error) {
      backend.close();
      throw new AppError('database_unavailable', isAddressInUse(error) ? `Porten ${port} används redan. Välj en annan med --port.` : 'Webbservern kunde inte startas.');
    }
    io.out(`Varvet körs i webbläsarläge. Data: ${dataDir}`);
    if (moved !== null) {
      io.out(
        `Porten ${moved} som Varvet använde förra gången för den här mappen är upptagen av ett annat program, så adressen är ny. ` +
          `Saknas text som inte hann sparas: avsluta det andra programmet och starta Varvet med --port ${moved}.`,
      );
    }
    const previous = backend.folderLock.tookOverFrom;
    if (previous) {
      io.out(`Förra Varvet-programmet med den här datamappen (process ${previous.pid}) avslutades utan att stänga; Varvet har tagit över mappen.`);
    }
    // An encrypted folder starts locked (never unlocked from argv or the environment here): the page asks.
    const fault = backend.fault();
    if (fault) io.err(`${fault.message} Sidan erbjuder säkerhetskopiorna, eller på kommandoraden:${wayOut(dataDir)}`);
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
