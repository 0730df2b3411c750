// Where the data lives. One rule for Electron, browser mode and the CLI: --data DIR, else VARVET_DATA, else the
// per-user application data folder that Electron calls userData for an app named "Varvet".
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Varvet';
export const DATABASE_FILE = 'varvet.sqlite';

export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

/** `explicit` is the --data argument; `userData` is Electron's app.getPath('userData') when running in Electron. */
export function resolveDataDir(options: {
  explicit?: string | undefined;
  env?: NodeJS.ProcessEnv;
  userData?: string | undefined;
}): string {
  const env = options.env ?? process.env;
  const chosen = options.explicit ?? env.VARVET_DATA ?? options.userData ?? defaultUserDataDir();
  return path.resolve(chosen);
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

export function backupDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}
