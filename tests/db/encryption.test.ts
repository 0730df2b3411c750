// Encryption at rest (issue 8, item 5): set-up encrypts an existing database and its backups, the backend starts
// locked, only the lock channels answer, backups and restores keep the key, and the CLI needs VARVET_LOSENORD.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupInfo, RestoreResult } from '../../shared/channels/backup';
import type { LockSetupResult, LockStatus } from '../../shared/channels/lock';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { listBackups } from '../../electron/backend/backup/index';
import { openConnection, openWithAnyKey } from '../../electron/backend/db/driver';
import { readKeyFile } from '../../electron/backend/lock/keyFile';
import { backupDir, databasePath } from '../../electron/backend/paths';
import { CLI, tempDir } from '../support/tmp';

const FAST = { N: 2 ** 14, r: 8, p: 1 };
const LOSEN = 'korrekt häst batteri';

async function value<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

async function school(dataDir: string): Promise<Backend> {
  const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, scryptParams: FAST });
  await value(backend, 'skola:create', { namn: 'Kryptoskolan', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
  await value(backend, 'elev:create', { fornamn: 'Klara', efternamn: 'Krypto', arskurs: 4 });
  return backend;
}

function readsWithoutKey(file: string): boolean {
  const db = openConnection(file, { readonly: true, fileMustExist: true });
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

describe('encryption at rest', () => {
  it('set-up encrypts the database and the earlier backups; a restart is locked until unlocked', async () => {
    const dataDir = path.join(tempDir(), 'data');
    let backend = await school(dataDir);
    await value<BackupInfo>(backend, 'backup:create');
    expect(await value<LockStatus>(backend, 'lock:status')).toMatchObject({ state: 'oskyddad' });
    const setup = await value<LockSetupResult>(backend, 'lock:setup', { losenord: LOSEN });
    expect(setup.aterstallningsnyckel).toMatch(/^(\w{4}-){7}\w{4}$/);
    expect(setup.status.state).toBe('upplast');
    // Still working, now encrypted: the file, the WAL and every backup are unreadable without the key.
    await value(backend, 'elev:create', { fornamn: 'Efter', efternamn: 'Skyddet', arskurs: 5 });
    await value<BackupInfo>(backend, 'backup:create');
    expect(readsWithoutKey(databasePath(dataDir))).toBe(false);
    for (const b of listBackups(dataDir)) expect(readsWithoutKey(path.join(backupDir(dataDir), b.file))).toBe(false);
    expect(JSON.stringify(readKeyFile(dataDir))).not.toContain(LOSEN);
    backend.close();

    backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null });
    expect(await value<LockStatus>(backend, 'lock:status')).toMatchObject({ state: 'last' });
    const refused = await backend.dispatch('elev:list', { baraAktiva: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringContaining('Varvet är låst') } });
    expect(await backend.dispatch('app:info', {})).toMatchObject({ ok: true });
    expect(await backend.dispatch('lock:unlock', { losenord: 'fel lösenord' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await value(backend, 'lock:unlock', { losenord: LOSEN });
    expect((await value<unknown[]>(backend, 'elev:list', { baraAktiva: true })).length).toBe(2);
    // Unlocking an open backend still checks the secret (the page may be locked while the backend is not).
    expect(await backend.dispatch('lock:unlock', { losenord: 'fel lösenord' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await value(backend, 'lock:lock');
    expect(backend.context.db.open).toBe(false);
    expect(await backend.dispatch('skola:get', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    // The recovery key opens it too, typed sloppily.
    await value(backend, 'lock:unlock', { aterstallningsnyckel: setup.aterstallningsnyckel.toLowerCase().replaceAll('-', ' ') });
    expect((await value<unknown[]>(backend, 'elev:list', { baraAktiva: true })).length).toBe(2);
    backend.close();
  });

  it('restores an encrypted backup and undoes it; the restored file keeps the key', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const backend = await school(dataDir);
    const plainBackup = await value<BackupInfo>(backend, 'backup:create');
    await value<LockSetupResult>(backend, 'lock:setup', { losenord: LOSEN });
    const encrypted = await value<BackupInfo>(backend, 'backup:create');
    await value(backend, 'elev:create', { fornamn: 'Ny', efternamn: 'Elev', arskurs: 6 });
    const restored = await value<RestoreResult>(backend, 'backup:restore', { file: encrypted.file });
    expect(await value<unknown[]>(backend, 'elev:list', { baraAktiva: true })).toHaveLength(1);
    expect(readsWithoutKey(databasePath(dataDir))).toBe(false);
    await value<RestoreResult>(backend, 'backup:restore', { file: restored.undo?.file ?? '' });
    expect(await value<unknown[]>(backend, 'elev:list', { baraAktiva: true })).toHaveLength(2);
    // A backup from before the set-up (re-encrypted at set-up) restores too, into an encrypted database.
    await value<RestoreResult>(backend, 'backup:restore', { file: plainBackup.file });
    expect(readsWithoutKey(databasePath(dataDir))).toBe(false);
    expect(backend.context.db.pragma('integrity_check', { simple: true })).toBe('ok');
    backend.close();
  });

  it('rekey: a WAL database with data gets a new key via a journal switch; backups follow; old key no longer opens', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const backend = await school(dataDir);
    await value<LockSetupResult>(backend, 'lock:setup', { losenord: LOSEN });
    await value<BackupInfo>(backend, 'backup:create');
    expect(backend.context.db.pragma('journal_mode', { simple: true })).toBe('wal');
    // Leave rows in the WAL (no checkpoint) so the rekey must carry them over.
    for (let i = 0; i < 20; i++) await value(backend, 'elev:create', { fornamn: `Wal${i}`, efternamn: 'Rad', arskurs: 3 });
    expect(fs.statSync(`${databasePath(dataDir)}-wal`).size).toBeGreaterThan(0);
    const keyring = (await import('../../electron/backend/lock/service')).lockOf(backend.context).keyring();
    const oldKey = Buffer.from(keyring[0] ?? Buffer.alloc(32));
    expect(await backend.dispatch('lock:rekey', { losenord: 'fel lösenord' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    await value(backend, 'lock:rekey', { losenord: LOSEN });
    const newKey = (await import('../../electron/backend/lock/service')).lockOf(backend.context).keyring()[0];
    expect(newKey?.equals(oldKey)).toBe(false);
    expect(backend.context.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(await value<unknown[]>(backend, 'elev:list', { baraAktiva: true })).toHaveLength(21);
    backend.close();
    // Reopened with the new key only: integrity ok, every row there. The old key opens neither the file nor a backup.
    const db = openConnection(databasePath(dataDir), { readonly: true }, newKey);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM elev').pluck().get()).toBe(21);
    db.close();
    expect(() => openWithAnyKey(databasePath(dataDir), { readonly: true }, [oldKey])).toThrow();
    for (const b of listBackups(dataDir)) {
      expect(() => openWithAnyKey(path.join(backupDir(dataDir), b.file), { readonly: true }, [oldKey])).toThrow();
      openWithAnyKey(path.join(backupDir(dataDir), b.file), { readonly: true }, [newKey ?? null]).db.close();
    }
  });

  it('moving the data folder takes the key file along: the new folder starts locked and opens with the passphrase', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const backend = await school(dataDir);
    await value<LockSetupResult>(backend, 'lock:setup', { losenord: LOSEN });
    const to = path.join(tempDir(), 'lokal');
    await value(backend, 'data:move', { to });
    backend.close();
    expect(readsWithoutKey(databasePath(to))).toBe(false);
    const moved = await createBackend({ dataDir: to, mode: 'browser', backupIntervalMs: null });
    expect(await value<LockStatus>(moved, 'lock:status')).toMatchObject({ state: 'last' });
    await value(moved, 'lock:unlock', { losenord: LOSEN });
    expect(await value<unknown[]>(moved, 'elev:list', { baraAktiva: true })).toHaveLength(1);
    moved.close();
  });

  it('never rekeys in WAL mode: the guard refuses, and rekeyTo leaves WAL first', async () => {
    const { assertRekeySafe, rekeyTo } = await import('../../electron/backend/db/driver');
    const file = path.join(tempDir(), 'wal.sqlite');
    const db = openConnection(file);
    db.pragma('journal_mode = WAL');
    db.exec("CREATE TABLE t(x); INSERT INTO t VALUES ('a')");
    expect(() => assertRekeySafe(db)).toThrow(/WAL/);
    const modes: string[] = [];
    const pragma = db.pragma.bind(db);
    db.pragma = ((source: string, options?: { simple?: boolean }) => {
      if (source.startsWith('rekey')) modes.push(String(pragma('journal_mode', { simple: true })));
      return pragma(source, options);
    }) as typeof db.pragma;
    rekeyTo(db, Buffer.alloc(32, 7));
    expect(modes).toEqual(['delete']);
    expect(pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(readsWithoutKey(file)).toBe(false);
  });

  it('CLI on an encrypted folder: refuses without VARVET_LOSENORD, checks and backs up with it', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const backend = await school(dataDir);
    await value<LockSetupResult>(backend, 'lock:setup', { losenord: LOSEN });
    backend.close();
    const env = { ...process.env };
    delete env.VARVET_LOSENORD;
    const without = spawnSync(process.execPath, [CLI, 'check', '--data', dataDir], { encoding: 'utf8', env });
    expect(without.status).not.toBe(0);
    expect(without.stderr).toContain('VARVET_LOSENORD');
    const wrong = spawnSync(process.execPath, [CLI, 'check', '--data', dataDir], { encoding: 'utf8', env: { ...env, VARVET_LOSENORD: 'fel fel fel fel' } });
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain('stämmer inte');
    const ok = spawnSync(process.execPath, [CLI, 'check', '--data', dataDir], { encoding: 'utf8', env: { ...env, VARVET_LOSENORD: LOSEN } });
    expect(ok.stdout).toContain('Databasen är hel.');
    expect(ok.status).toBe(0);
    const out = path.join(tempDir(), 'kopia.sqlite');
    const backup = spawnSync(process.execPath, [CLI, 'backup', '--data', dataDir, '--out', out], { encoding: 'utf8', env: { ...env, VARVET_LOSENORD: LOSEN } });
    expect(backup.status).toBe(0);
    expect(readsWithoutKey(out)).toBe(false);
  });
});
