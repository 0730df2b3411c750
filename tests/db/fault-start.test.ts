// A database missing, empty or damaged where a school existed (issue 16, items 2 and 3) is a fault with a way out:
// the backend starts without it, refuses to create a new school over it, lists the verified backups and restores
// one; `varvet check` says so and names the newest verified backup. An encrypted database damaged under the lock
// is reported after the right passphrase, with the same restore.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupInfo, BackupList, RestoreResult } from '../../shared/channels/backup';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { backupDir, databasePath } from '../../electron/backend/paths';
import { CLI, REPO_ROOT, tempDir } from '../support/tmp';

const FAST = { N: 2 ** 14, r: 8, p: 1 };
const LOSEN = 'korrekt häst batteri';
const LASAR = { startdatum: '2026-08-17', slutdatum: '2027-06-11' };

async function value<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

async function schoolWithBackup(dataDir: string): Promise<BackupInfo> {
  const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, scryptParams: FAST });
  await value(backend, 'skola:create', { namn: 'Backupskolan', lasar: LASAR });
  await value(backend, 'elev:create', { fornamn: 'Vera', efternamn: 'Verifierad', arskurs: 4 });
  const info = await value<BackupInfo>(backend, 'backup:create');
  backend.close();
  return info;
}

function emptyTheDatabase(dataDir: string, how: 'empty' | 'missing'): void {
  const file = databasePath(dataDir);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  if (how === 'empty') fs.writeFileSync(file, '');
  else fs.rmSync(file);
}

describe('a missing or empty database where a school existed', () => {
  for (const how of ['empty', 'missing'] as const) {
    it(`(${how}) is a fault: no new school over it, the backups are offered and a restore brings the school back`, async () => {
      const dataDir = tempDir();
      const backup = await schoolWithBackup(dataDir);
      emptyTheDatabase(dataDir, how);

      const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null });
      try {
        expect(backend.fault()).not.toBeNull();
        const skola = await backend.dispatch('skola:get', {});
        expect(skola).toMatchObject({ ok: false, error: { code: 'database_corrupt', message: expect.stringContaining(how === 'empty' ? 'är tom' : 'saknas') } });
        if (!skola.ok) expect(skola.error.message).toContain('Återställ den senaste kontrollerade säkerhetskopian');
        // Nothing is created over it: Ny skola and the demo are refused, the file is as it was.
        expect(await backend.dispatch('skola:create', { namn: 'Ny över gammal', lasar: LASAR })).toMatchObject({ ok: false, error: { code: 'database_corrupt' } });
        expect(await backend.dispatch('demo:open', { size: 's' })).toMatchObject({ ok: false, error: { code: 'database_corrupt' } });
        if (how === 'empty') expect(fs.statSync(databasePath(dataDir)).size).toBe(0);
        else expect(fs.existsSync(databasePath(dataDir))).toBe(false);

        const list = await value<BackupList>(backend, 'backup:list');
        expect(list.backups.map((b) => b.file)).toContain(backup.file);
        expect(await backend.dispatch('backup:restore', { file: '../varvet.sqlite' })).toMatchObject({ ok: false });
        const restored = await value<RestoreResult>(backend, 'backup:restore', { file: backup.file });
        expect(restored.restored.file).toBe(backup.file);
        if (how === 'empty') expect(path.basename(restored.damaged ?? '')).toMatch(/^skadad-.*\.sqlite$/);
        expect(backend.fault()).toBeNull();
        expect(await value<{ namn: string }>(backend, 'skola:get')).toMatchObject({ namn: 'Backupskolan' });
        expect((await value<{ fornamn: string }[]>(backend, 'elev:list', { baraAktiva: true })).map((e) => e.fornamn)).toEqual(['Vera']);
      } finally {
        backend.close();
      }
    }, 120_000);
  }

  it('`varvet check` on an empty file next to backups is not "hel": it says so and names the newest verified backup', async () => {
    const dataDir = tempDir();
    const backup = await schoolWithBackup(dataDir);
    emptyTheDatabase(dataDir, 'empty');
    const check = spawnSync(process.execPath, [CLI, 'check', '--data', dataDir], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
    console.log(`varvet check on an empty file: exit ${check.status}: ${check.stderr.trim()}`);
    expect(check.status).toBe(1);
    expect(check.stdout).not.toContain('Databasen är hel');
    expect(check.stderr).toContain('är tom');
    expect(check.stderr).toContain(`varvet restore "${path.join(backupDir(dataDir), backup.file)}" --data "${dataDir}"`);
    const json = spawnSync(process.execPath, [CLI, 'check', '--data', dataDir, '--json'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(JSON.parse(json.stdout)).toMatchObject({ sound: false, senasteSakerhetskopia: path.join(backupDir(dataDir), backup.file) });
  }, 240_000);

  it('a new folder (no backups, nothing before) still starts as a new school', async () => {
    const dataDir = tempDir();
    const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null });
    expect(backend.fault()).toBeNull();
    expect(await value(backend, 'skola:get')).toBeNull();
    backend.close();
  });
});

describe('an encrypted database damaged while locked', () => {
  it('the right passphrase reports the damage (not the lock screen again) and a backup can be restored', async () => {
    const dataDir = tempDir();
    let backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, scryptParams: FAST });
    await value(backend, 'skola:create', { namn: 'Kryptoskolan', lasar: LASAR });
    await value(backend, 'elev:create', { fornamn: 'Klara', efternamn: 'Krypto', arskurs: 4 });
    await value(backend, 'lock:setup', { losenord: LOSEN });
    const backup = await value<BackupInfo>(backend, 'backup:create');
    backend.close();
    // Garbage over the file's pages after the first: the key still opens page 1, the schema or data is damaged.
    const file = databasePath(dataDir);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 4096, bytes.length);
    fs.writeFileSync(file, bytes);

    backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, scryptParams: FAST });
    try {
      expect(await backend.dispatch('lock:unlock', { losenord: 'fel' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect(await value<{ state: string }>(backend, 'lock:unlock', { losenord: LOSEN })).toMatchObject({ state: 'upplast' });
      const skola = await backend.dispatch('skola:get', {});
      expect(skola).toMatchObject({ ok: false, error: { code: 'database_corrupt', message: expect.stringContaining('skadad') } });
      const list = await value<BackupList>(backend, 'backup:list');
      expect(list.backups.some((b) => b.file === backup.file)).toBe(true);
      const restored = await value<RestoreResult>(backend, 'backup:restore', { file: backup.file });
      expect(restored.damaged).toMatch(/skadad-.*\.sqlite$/);
      expect(await value<{ namn: string }>(backend, 'skola:get')).toMatchObject({ namn: 'Kryptoskolan' });
    } finally {
      backend.close();
    }
  }, 120_000);
});
