// Is the data folder in a synced folder (OneDrive, Dropbox, Google Drive, iCloud) or on a network share? Those
// copy or lock the database file behind SQLite's back and corrupt it. Pure: platform, env and mounts are passed in.
// Limitation: a network drive mapped to a letter on Windows (Z:\) looks local from the path alone.
import fs from 'node:fs';
import path from 'node:path';
import type { DataLocation, SyncService } from '../../shared/channels/backup';
import { APP_NAME } from './paths';

export interface Mount {
  /** Mount point, e.g. /mnt/skola */
  dir: string;
  /** File system type from /proc/mounts, e.g. cifs, nfs4 */
  type: string;
}

export interface LocationEnv {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
  mounts: readonly Mount[];
}

const NETWORK_FS = new Set(['cifs', 'smb3', 'smbfs', 'nfs', 'nfs4', 'afpfs', 'fuse.sshfs', 'webdav', 'davfs', 'fuse.rclone', '9p']);

const NAMES: Record<SyncService, string> = {
  onedrive: 'OneDrive',
  dropbox: 'Dropbox',
  'google-drive': 'Google Drive',
  icloud: 'iCloud',
  natverk: 'en nätverksmapp',
};

function segmentsOf(p: string): string[] {
  return p.replaceAll('\\', '/').split('/').filter(Boolean).map((s) => s.toLowerCase());
}

function isUnder(child: string, parent: string): boolean {
  const c = child.replaceAll('\\', '/').toLowerCase().replace(/\/+$/, '');
  const p = parent.replaceAll('\\', '/').toLowerCase().replace(/\/+$/, '');
  return p.length > 0 && (c === p || c.startsWith(`${p}/`));
}

/** Which kind of synced or network folder holds `dir`, or null. */
export function detectSyncService(dir: string, where: LocationEnv): SyncService | null {
  const { env } = where;
  for (const key of ['OneDrive', 'OneDriveCommercial', 'OneDriveConsumer', 'ONEDRIVE']) {
    const root = env[key];
    if (root && isUnder(dir, root)) return 'onedrive';
  }
  const segs = segmentsOf(dir);
  for (const s of segs) {
    if (s === 'onedrive' || s.startsWith('onedrive - ') || s.startsWith('onedrive-')) return 'onedrive';
    if (s === 'dropbox' || s.startsWith('dropbox (') || s.startsWith('dropbox-')) return 'dropbox';
    if (s === 'google drive' || s === 'googledrive' || s.startsWith('googledrive-') || s === 'my drive' || s === 'min enhet') {
      return 'google-drive';
    }
    if (s === 'mobile documents' || s === 'icloud drive' || s === 'iclouddrive' || s.startsWith('com~apple~clouddocs')) return 'icloud';
  }
  const unix = dir.replaceAll('\\', '/');
  if (unix.startsWith('//')) return 'natverk'; // \\server\share (UNC) or //server/share
  const mount = [...where.mounts].filter((m) => isUnder(dir, m.dir)).sort((a, b) => b.dir.length - a.dir.length)[0];
  if (mount && NETWORK_FS.has(mount.type.toLowerCase())) return 'natverk';
  return null;
}

function standardFolder(where: LocationEnv): string {
  const { env, home } = where;
  if (where.platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (where.platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), APP_NAME);
}

function localFolder(where: LocationEnv): string {
  const standard = standardFolder(where);
  if (!detectSyncService(standard, where)) return standard;
  // A roaming or redirected AppData can itself be synced; LOCALAPPDATA never roams.
  if (where.platform === 'win32') {
    return path.win32.join(where.env.LOCALAPPDATA ?? path.win32.join(where.home, 'AppData', 'Local'), APP_NAME);
  }
  return path.posix.join(where.home, `.${APP_NAME.toLowerCase()}-data`);
}

export function assessDataLocation(dataDir: string, where: LocationEnv): DataLocation {
  const risk = detectSyncService(dataDir, where);
  if (!risk) return { dataDir, risk: null, warning: null, suggestion: null };
  const warning =
    `Datamappen ligger i ${NAMES[risk]} (${dataDir}). ${risk === 'natverk' ? 'Nätverksmappar' : 'Synkroniserade mappar'} kan skada ` +
    'databasen och sprida elevuppgifter som omfattas av sekretess. Flytta datamappen till en lokal mapp på datorn.';
  return { dataDir, risk, warning, suggestion: localFolder(where) };
}

/** The mounts of this machine (Linux /proc/mounts; elsewhere none are known). */
export function readMounts(platform: NodeJS.Platform = process.platform): Mount[] {
  if (platform !== 'linux') return [];
  try {
    return fs
      .readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .filter((f) => f.length >= 3)
      .map((f) => ({ dir: (f[1] ?? '').replace(/\\040/g, ' '), type: f[2] ?? '' }));
  } catch {
    return [];
  }
}
