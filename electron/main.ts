// The Electron main process: one window, one IPC channel to the Electron-free backend, and the security baseline
// from security.ts applied to every session and webContents. Bundled to dist/electron/main.cjs.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../shared/errors';
import { createBackend, type Backend, type BackendOptions } from './backend/backend';
import type { Keychain } from './backend/lock/keyFile';
import { APP_NAME, resolveDataDir } from './backend/paths';
import { buildMenuTemplate } from './menu';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  INVOKE_CHANNEL,
  createInvokeHandler,
  hardenAllContents,
  hardenSession,
  openExternalIfAllowed,
  serveAppRequest,
  windowOptions,
} from './security';

const STARTUP_FAILED_TITLE = 'Varvet kunde inte starta';
const STARTUP_FAILED_MESSAGE =
  'Varvet kunde inte starta på grund av ett oväntat fel. Dina uppgifter har inte ändrats. Starta om programmet, och kontakta den som installerade Varvet om felet kvarstår.';

// Before 'ready': a standard, secure scheme gives app://varvet a real origin, so 'self' in the CSP means our files.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();
// Swedish dates, numbers and spell-checking in every window (date fields show ÅÅÅÅ-MM-DD, not the OS's English
// format): Chromium's locale is fixed before the app is ready.
app.commandLine.appendSwitch('lang', 'sv-SE');
app.setName(APP_NAME);
// userData is the folder paths.ts calls defaultUserDataDir(), also in development where package.json says "varvet".
app.setPath('userData', path.join(app.getPath('appData'), APP_NAME));
// Registered before any window exists so no webContents is ever created unhardened.
hardenAllContents(app, shell);

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

/** `--data DIR` or `--data=DIR` anywhere on the command line (Electron keeps its own switches in argv too). */
function argValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === name) return argv[i + 1];
    if (arg?.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

interface AppPaths {
  renderer: string;
  preload: string;
  migrations: string;
  nativeBinding: string;
}

function appPaths(): AppPaths {
  // getAppPath() is the project folder in development and resources/app.asar when packaged.
  const appPath = app.getAppPath();
  // A .node file cannot be loaded from inside the asar; electron-builder unpacks it next to it (asarUnpack).
  const unpacked = appPath.replace(/app\.asar$/, 'app.asar.unpacked');
  return {
    renderer: path.join(appPath, 'dist', 'renderer'),
    preload: path.join(appPath, 'dist', 'electron', 'preload.cjs'),
    migrations: path.join(appPath, 'migrations'),
    nativeBinding: path.join(unpacked, 'dist', 'native', 'electron', 'better_sqlite3.node'),
  };
}

/** The OS keychain through safeStorage; Linux's 'basic_text' fallback (a hard-coded password) does not count. */
function osKeychain(): Keychain {
  const real = (): boolean =>
    safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  return {
    isAvailable: real,
    encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
    decrypt: (data) => Buffer.from(safeStorage.decryptString(data), 'base64'),
  };
}

function startupMessage(error: unknown): string {
  // AppError messages are written for the rektor (database_newer, database_corrupt …); anything else is not.
  return error instanceof AppError ? error.message : STARTUP_FAILED_MESSAGE;
}

function failStartup(error: unknown): void {
  console.error(error);
  dialog.showErrorBox(STARTUP_FAILED_TITLE, startupMessage(error));
  app.exit(1);
}

function createWindow(paths: AppPaths): BrowserWindow {
  const win = new BrowserWindow(windowOptions(paths.preload, !app.isPackaged));
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('Kunde inte läsa in fönstret:', error));
  return win;
}

function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  const paths = appPaths();

  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, async (request) => {
    const read = async (file: string): Promise<Uint8Array<ArrayBuffer>> => new Uint8Array(await readFile(file));
    const reply = await serveAppRequest(paths.renderer, request.url, read);
    return new Response(reply.body, { status: reply.status, headers: reply.headers });
  });

  const openExternal = (url: string): void => {
    openExternalIfAllowed(url, shell);
  };
  const template = buildMenuTemplate({ isMac: process.platform === 'darwin', isDev: !app.isPackaged, openExternal });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));

  const options: BackendOptions = {
    dataDir: resolveDataDir({ explicit: argValue(process.argv, '--data'), userData: app.getPath('userData') }),
    mode: 'electron',
    migrationsDir: paths.migrations,
    // Absent when `npm run build:electron` could not build it; better-sqlite3-multiple-ciphers' own build is tried instead.
    nativeBinding: existsSync(paths.nativeBinding) ? paths.nativeBinding : undefined,
    keychain: osKeychain(),
    // The start backup runs while the window loads (backup/keeper.ts): it never holds up the first screen.
    startBackupInBackground: true,
  };
  try {
    backend = await createBackend(options);
  } catch (error) {
    failStartup(error);
    return;
  }

  const opened = backend;
  ipcMain.handle(INVOKE_CHANNEL, createInvokeHandler((channel, args) => opened.dispatch(channel, args)));

  mainWindow = createWindow(paths);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(paths);
  });
}

if (!app.requestSingleInstanceLock()) {
  // Two processes on one SQLite file would fight over it; the first instance gets focus instead.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    backend?.close();
    backend = null;
  });
  start().catch(failStartup);
}
