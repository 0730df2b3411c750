// Where the data lives: synced folders and network shares are recognised on Windows, macOS and Linux.
import { describe, expect, it } from 'vitest';
import { assessDataLocation, detectSyncService, type LocationEnv } from '../../../electron/backend/dataLocation';

const win = (env: Record<string, string> = {}): LocationEnv => ({
  platform: 'win32',
  env: { APPDATA: 'C:\\Users\\asa\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\asa\\AppData\\Local', ...env },
  home: 'C:\\Users\\asa',
  mounts: [],
});
const mac: LocationEnv = { platform: 'darwin', env: {}, home: '/Users/asa', mounts: [] };
const linux: LocationEnv = {
  platform: 'linux',
  env: {},
  home: '/home/asa',
  mounts: [
    { dir: '/', type: 'ext4' },
    { dir: '/mnt/skola', type: 'cifs' },
    { dir: '/srv/nfs', type: 'nfs4' },
    { dir: '/media/usb', type: 'vfat' },
  ],
};

describe('detectSyncService', () => {
  it.each([
    ['C:\\Users\\asa\\OneDrive\\Varvet', win(), 'onedrive'],
    ['C:\\Users\\asa\\OneDrive - Sundsvalls kommun\\Dokument\\Varvet', win(), 'onedrive'],
    ['D:\\Jobb\\Varvet', win({ OneDrive: 'D:\\Jobb' }), 'onedrive'],
    ['C:\\Users\\asa\\Dropbox\\Varvet', win(), 'dropbox'],
    ['C:\\Users\\asa\\Dropbox (Skolan)\\Varvet', win(), 'dropbox'],
    ['G:\\My Drive\\Varvet', win(), 'google-drive'],
    ['G:\\Min enhet\\Varvet', win(), 'google-drive'],
    ['C:\\Users\\asa\\Google Drive\\Varvet', win(), 'google-drive'],
    ['C:\\Users\\asa\\iCloudDrive\\Varvet', win(), 'icloud'],
    ['\\\\server\\rektorer\\Varvet', win(), 'natverk'],
    ['C:\\Users\\asa\\AppData\\Roaming\\Varvet', win(), null],
    ['C:\\Users\\asa\\Documents\\OneDriveNotes\\Varvet', win(), null],
    ['/Users/asa/Library/Mobile Documents/com~apple~CloudDocs/Varvet', mac, 'icloud'],
    ['/Users/asa/Library/CloudStorage/OneDrive-Kommun/Varvet', mac, 'onedrive'],
    ['/Users/asa/Library/CloudStorage/GoogleDrive-asa@skola.se/My Drive/Varvet', mac, 'google-drive'],
    ['/Users/asa/Library/CloudStorage/Dropbox/Varvet', mac, 'dropbox'],
    ['/Users/asa/Library/Application Support/Varvet', mac, null],
    ['/mnt/skola/rektor/Varvet', linux, 'natverk'],
    ['/srv/nfs/Varvet', linux, 'natverk'],
    ['/media/usb/Varvet', linux, null],
    ['/home/asa/.config/Varvet', linux, null],
    ['/home/asa/Dropbox/Varvet', linux, 'dropbox'],
    ['/mnt/skolan/Varvet', linux, null], // a prefix of a network mount's name is not inside it
  ] as const)('%s → %s', (dir, where, expected) => {
    expect(detectSyncService(dir, where)).toBe(expected);
  });
});

describe('assessDataLocation', () => {
  it('warns in Swedish and suggests the local application folder', () => {
    const result = assessDataLocation('C:\\Users\\asa\\OneDrive - Kommun\\Varvet', win());
    expect(result.risk).toBe('onedrive');
    expect(result.warning).toMatch(/OneDrive.*kan skada databasen.*Flytta datamappen/);
    expect(result.suggestion).toBe('C:\\Users\\asa\\AppData\\Roaming\\Varvet');
  });

  it('suggests LOCALAPPDATA when the roaming folder is itself synced', () => {
    const where = win({ APPDATA: 'C:\\Users\\asa\\OneDrive\\AppData' });
    expect(assessDataLocation('C:\\Users\\asa\\OneDrive\\Varvet', where).suggestion).toBe('C:\\Users\\asa\\AppData\\Local\\Varvet');
  });

  it('says nothing about a local folder', () => {
    expect(assessDataLocation('/home/asa/.config/Varvet', linux)).toEqual({ dataDir: '/home/asa/.config/Varvet', risk: null, warning: null, suggestion: null });
    expect(assessDataLocation('/mnt/skola/Varvet', linux).warning).toMatch(/nätverksmapp.*Nätverksmappar/);
    expect(assessDataLocation('/mnt/skola/Varvet', linux).suggestion).toBe('/home/asa/.config/Varvet');
  });
});
