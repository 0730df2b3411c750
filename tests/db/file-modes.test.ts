// Issue 16, item 7: on Linux/macOS the data folder is 0700 and every file Varvet writes in it 0600 (database, WAL,
// SHM, backups and sidecars, key file, lock); `varvet demo` on a full disk says "Disken är full" and leaves no WAL.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { backupDir, databasePath } from '../../electron/backend/paths';
import { mountTinyDisk } from '../support/osFaults';
import { CLI, REPO_ROOT, tempDir } from '../support/tmp';

const FAST = { N: 2 ** 14, r: 8, p: 1 };

async function value<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

describe.skipIf(process.platform === 'win32')('file modes', () => {
  it('data folder and backups folder 0700; database, WAL, SHM, backups, sidecars, key file and lock 0600', async () => {
    const previous = process.umask(0o022); // the usual default: without the fix, files would be 0644
    try {
      const dataDir = path.join(tempDir(), 'data');
      const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, scryptParams: FAST });
      await value(backend, 'skola:create', { namn: 'Modskolan', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
      await value(backend, 'backup:create');
      await value(backend, 'lock:setup', { losenord: 'korrekt häst batteri' });
      await value(backend, 'elev:create', { fornamn: 'Mona', efternamn: 'Mod', arskurs: 3 });
      await value(backend, 'backup:create');
      const files = [
        databasePath(dataDir), `${databasePath(dataDir)}-wal`, `${databasePath(dataDir)}-shm`,
        path.join(dataDir, 'nyckel.json'), path.join(dataDir, 'varvet.lock'), path.join(dataDir, 'varvet.lock.json'),
        ...fs.readdirSync(backupDir(dataDir)).map((f) => path.join(backupDir(dataDir), f)),
      ];
      const modes = Object.fromEntries(files.map((f) => [path.relative(dataDir, f), mode(f)]));
      console.log(`modes: data ${mode(dataDir)}, backups ${mode(backupDir(dataDir))}, ${JSON.stringify(modes)}`);
      expect(fs.readdirSync(backupDir(dataDir)).length).toBeGreaterThanOrEqual(4);
      expect(mode(dataDir)).toBe('700');
      expect(mode(backupDir(dataDir))).toBe('700');
      for (const [file, m] of Object.entries(modes)) expect(m, file).toBe('600');
      backend.close();
    } finally {
      process.umask(previous);
    }
  }, 120_000);
});

describe('varvet demo on a full disk', () => {
  it('says "Disken är full" and leaves neither a half demo nor a WAL', () => {
    const dataDir = path.join(tempDir(), 'data');
    const unmount = mountTinyDisk(dataDir, '2m');
    console.log(`demo on a full disk via ${unmount ? 'a 2 MB tmpfs' : 'nothing (mount refused): skipped'}`);
    if (!unmount) return;
    try {
      const demo = spawnSync(process.execPath, [CLI, 'demo', '--data', dataDir, '--size', 'l'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 240_000 });
      console.log(`exit ${demo.status}: ${demo.stderr.trim()} files: ${fs.readdirSync(dataDir).join(', ')}`);
      expect(demo.status).toBe(1);
      expect(demo.stderr).toContain('Disken är full');
      expect(demo.stderr).not.toMatch(/at .*\.ts:\d+/);
      expect(fs.existsSync(`${databasePath(dataDir)}-wal`)).toBe(false);
      expect(fs.existsSync(databasePath(dataDir))).toBe(false);
    } finally {
      unmount();
    }
  }, 300_000);
});
