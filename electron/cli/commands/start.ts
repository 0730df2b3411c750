// `varvet start` – the body of `npm start`: the Electron app when Electron can run here, otherwise browser mode.
// It builds nothing; the npm script builds first. The decision is a pure function so the fallback is tested.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { appRoot } from '../../backend/appRoot';
import type { CliCommand, CliIo } from '../types';

/** The repository (or installed package) root, from the sources and from the bundle (dist/cli/). */
const APP_DIR = appRoot();
export const BUILT_MAIN = path.join('dist', 'electron', 'main.cjs');
export const ELECTRON_SQLITE = path.join('dist', 'native', 'electron', 'better_sqlite3.node');
const LOOKUP_TIMEOUT_MS = 8_000;

export type ElectronLookup = { path: string } | { error: string };
export type LaunchDecision = { kind: 'electron'; electronPath: string } | { kind: 'browser'; reason: string };

export interface LaunchInputs {
  electron: ElectronLookup;
  mainBuilt: boolean;
  hasDisplay: boolean;
}

export function decideLaunch(input: LaunchInputs): LaunchDecision {
  if ('error' in input.electron) return { kind: 'browser', reason: input.electron.error };
  if (!input.mainBuilt) {
    return { kind: 'browser', reason: `huvudprocessen är inte byggd (${BUILT_MAIN} saknas; kör npm run build)` };
  }
  if (!input.hasDisplay) return { kind: 'browser', reason: 'det finns ingen skärm att visa ett fönster på' };
  return { kind: 'electron', electronPath: input.electron.path };
}

/** Linux needs an X11 or Wayland display for a window; Windows and macOS always have one. */
export function hasDisplay(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (platform !== 'linux') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export function fallbackMessage(reason: string): string {
  return `Electron kunde inte startas här (${reason}). Varvet startar i webbläsarläge i stället.`;
}

/** Electron's own error for a binary that was never downloaded, in words a Swedish user can act on. */
export function explainElectronError(message: string): string {
  if (/failed to install correctly|fetch failed|ENOTFOUND|EAI_AGAIN/i.test(message)) {
    return 'Electron-programmet är inte nedladdat och kunde inte hämtas';
  }
  return `Electron gav felet: ${message}`;
}

const FOUND = 'VARVET_ELECTRON_PATH=';
const FAILED = 'VARVET_ELECTRON_ERROR=';

/**
 * Requiring 'electron' returns the binary's path but first tries to download a missing binary, synchronously.
 * So it runs in a child process that is killed (with its downloader) after timeoutMs.
 */
export async function lookUpElectron(
  options: { modulePath?: string; timeoutMs?: number } = {},
): Promise<ElectronLookup> {
  let modulePath = options.modulePath;
  if (modulePath === undefined) {
    try {
      modulePath = createRequire(import.meta.url).resolve('electron');
    } catch {
      return { error: 'paketet electron är inte installerat' };
    }
  }
  const script = [
    'try {',
    `  const p = require(${JSON.stringify(modulePath)});`,
    `  process.stdout.write('\\n${FOUND}' + p + '\\n');`,
    '} catch (e) {',
    `  process.stdout.write('\\n${FAILED}' + String(e && e.message || e).split('\\n')[0] + '\\n');`,
    '}',
  ].join('\n');
  const timeoutMs = options.timeoutMs ?? LOOKUP_TIMEOUT_MS;
  const detached = process.platform !== 'win32';
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'ignore'], detached });
  let stdout = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
  });
  const outcome = await new Promise<'exited' | 'timeout' | 'error'>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      resolve('error');
    });
    child.on('close', () => {
      clearTimeout(timer);
      resolve('exited');
    });
  });
  if (outcome === 'timeout') {
    killTree(child.pid, detached);
    return { error: `Electron hittades inte inom tidsgränsen (${(timeoutMs / 1000).toFixed(1)} s)` };
  }
  const found = lineAfter(stdout, FOUND);
  if (found !== null) {
    return existsSync(found) ? { path: found } : { error: `Electron-programmet saknas på ${found}` };
  }
  const failed = lineAfter(stdout, FAILED);
  return { error: explainElectronError(failed ?? 'okänt fel') };
}

function lineAfter(text: string, marker: string): string | null {
  const line = text.split('\n').find((l) => l.startsWith(marker));
  return line === undefined ? null : line.slice(marker.length).trim();
}

function killTree(pid: number | undefined, detached: boolean): void {
  if (pid === undefined) return;
  try {
    // A detached child leads its own process group; the negative pid also ends Electron's downloader.
    process.kill(detached ? -pid : pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Same flags as `varvet serve`, so an unknown flag fails here (in Swedish, via the CLI) before anything starts. */
export function parseStartArgs(argv: readonly string[]): { data?: string | undefined; port?: string | undefined } {
  const { values } = parseArgs({ args: [...argv], options: { data: { type: 'string' }, port: { type: 'string' } } });
  return values;
}

function runElectron(electronPath: string, data: string | undefined): Promise<number | Error> {
  // --port only matters to browser mode; --data is made absolute because Electron's working folder may differ.
  const args = [APP_DIR, ...(data === undefined ? [] : ['--data', path.resolve(data)])];
  // Set in the environment, this variable makes Electron behave as plain Node and open no window.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return new Promise((resolve) => {
    const child = spawn(electronPath, args, { stdio: 'inherit', env });
    child.on('error', (error) => resolve(error));
    child.on('exit', (code, signal) => resolve(code ?? (signal === null ? 0 : 1)));
  });
}

/** Electron cannot load the Node build of better-sqlite3; build the Electron one once (the script skips when current). */
function ensureElectronSqlite(): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(APP_DIR, 'electron', 'build', 'native-electron.mjs')], { stdio: 'inherit' });
    child.on('error', () => resolve(false));
    child.on('exit', () => resolve(existsSync(path.join(APP_DIR, ELECTRON_SQLITE))));
  });
}

async function runBrowserMode(argv: string[], io: CliIo): Promise<number> {
  // Imported on demand so that launching Electron never loads the backend into this process.
  const { serveCommand } = await import('./serve');
  return serveCommand.run(argv, io);
}

export const startCommand: CliCommand = {
  summary: 'Startar Varvet i ett eget fönster (Electron), eller i webbläsarläge om Electron inte kan köras här.',
  usage: 'varvet start [--data MAPP] [--port N]',
  async run(argv, io) {
    const { data } = parseStartArgs(argv);
    const decision = decideLaunch({
      electron: await lookUpElectron(),
      mainBuilt: existsSync(path.join(APP_DIR, BUILT_MAIN)),
      hasDisplay: hasDisplay(process.platform, process.env),
    });
    if (decision.kind === 'electron' && !(await ensureElectronSqlite())) {
      io.err(fallbackMessage('databasmodulen för Electron kunde inte byggas'));
    } else if (decision.kind === 'electron') {
      const result = await runElectron(decision.electronPath, data);
      if (typeof result === 'number') return result;
      io.err(fallbackMessage(`programmet gick inte att köra: ${result.message}`));
    } else {
      io.err(fallbackMessage(decision.reason));
    }
    return runBrowserMode(argv, io);
  },
};
