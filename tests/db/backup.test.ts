// Backups (issue 8.2): written through the backup API and verified, listed, pruned, restored into the live
// backend (and undone), taken at start and at an interval only when something changed; CLI backup/restore.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseConstructor as BetterSqlite3 } from '../../electron/backend/db/driver';
import { describe, expect, it } from 'vitest';
import type { BackupInfo, BackupList, RestoreResult } from '../../shared/channels/backup';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { keeperOf, listBackups } from '../../electron/backend/backup/index';
import { backupDir, databasePath } from '../../electron/backend/paths';
import { verifyAuditChain } from '../../electron/backend/audit/verify';
import { CLI, tempDir } from '../support/tmp';
import { importFixture } from './import/support';

let clock = Date.parse('2026-10-05T08:00:00Z');
const now = () => new Date(clock);
const tick = (minutes: number) => (clock += minutes * 60_000);

async function value<T>(backend: Backend, channel: string, args: unknown = {}): Promise<T> {
  const reply = await backend.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
  return reply.value as T;
}

const elevCount = (b: Backend) => b.context.db.prepare('SELECT count(*) FROM elev').pluck().get() as number;

describe('backups of a running backend', () => {
  it('takes none for a brand-new database, then a verified one at every start', async () => {
    const dataDir = path.join(tempDir(), 'data');
    let backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, now });
    expect(listBackups(dataDir)).toEqual([]);
    await value(backend, 'demo:open', { size: 's' });
    backend.close();
    tick(60);
    backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, now });
    const [start] = listBackups(dataDir);
    expect(start).toMatchObject({ reason: 'start', verified: true, schemaVersion: backend.context.schemaVersion });
    expect(start?.counts.elev).toBe(elevCount(backend));
    // A backup is one self-contained file: no -wal or -shm beside it, and it passes integrity_check.
    expect(fs.readdirSync(backupDir(dataDir)).filter((f) => /-(wal|shm|journal)$|\.tmp$/.test(f))).toEqual([]);
    const copy = new BetterSqlite3(path.join(backupDir(dataDir), start?.file ?? ''), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    backend.close();
  });

  it('an interval backup only when something changed since the last one', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, now });
    await value(backend, 'skola:create', { namn: 'Intervallskolan', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
    const keeper = keeperOf(backend.context);
    tick(30);
    expect(await keeper.tick()).toMatchObject({ reason: 'intervall' });
    tick(30);
    expect(await keeper.tick()).toBeNull(); // nothing changed
    await value(backend, 'elev:create', { fornamn: 'Åsa', efternamn: 'Öberg', arskurs: 4 });
    tick(30);
    expect(await keeper.tick()).toMatchObject({ reason: 'intervall', counts: expect.objectContaining({ elev: 1 }) });
    backend.close();
  });

  it('restores a backup into the live backend, and the restore can be undone', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, now });
    await value(backend, 'demo:open', { size: 's' });
    const before = elevCount(backend);
    tick(5);
    const manual = await value<BackupInfo>(backend, 'backup:create');
    expect(manual).toMatchObject({ reason: 'manuell', verified: true });
    tick(5);
    const added = await value<{ id: number }>(backend, 'elev:create', { fornamn: 'Ny', efternamn: 'Elev', arskurs: 3 });
    expect(elevCount(backend)).toBe(before + 1);

    tick(5);
    const restored = await value<RestoreResult>(backend, 'backup:restore', { file: manual.file });
    expect(restored.restored.file).toBe(manual.file);
    expect(restored.undo).toMatchObject({ reason: 'fore-aterstallning', verified: true });
    expect(elevCount(backend)).toBe(before);
    expect((await backend.dispatch('elev:get', { id: added.id })).ok).toBe(false);
    // The backend keeps working on the restored file, with its pragmas.
    expect(backend.context.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(backend.context.db.pragma('foreign_keys', { simple: true })).toBe(1);
    // The restored database's audit log says it was restored, from which backup, and where the state before went.
    const entry = backend.context.db.prepare("SELECT kanal, efter, hash FROM audit_logg WHERE tabell = 'aterstallning' ORDER BY id DESC LIMIT 1").get() as
      | { kanal: string; efter: string; hash: string | null }
      | undefined;
    expect(entry).toMatchObject({ kanal: 'backup:restore', hash: expect.any(String) });
    expect(JSON.parse(entry?.efter ?? '{}')).toMatchObject({ fran: manual.file, fore: restored.undo?.file });
    expect(verifyAuditChain(backend.context.db)).toMatchObject({ ok: true });

    tick(5);
    await value<RestoreResult>(backend, 'backup:restore', { file: restored.undo?.file ?? '' });
    expect(elevCount(backend)).toBe(before + 1);
    expect(await value(backend, 'elev:get', { id: added.id })).toMatchObject({ fornamn: 'Ny' });
    const list = await value<BackupList>(backend, 'backup:list');
    expect(list.backups.map((b) => b.reason)).toEqual(expect.arrayContaining(['manuell', 'fore-aterstallning']));
    expect(list.lastError).toBeNull();
    backend.close();
    const db = new BetterSqlite3(databasePath(dataDir), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('calls that arrive during a restore wait for it instead of meeting a closed database', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, now });
    await value(backend, 'demo:open', { size: 's' });
    tick(1);
    const manual = await value<BackupInfo>(backend, 'backup:create');
    tick(1);
    const restoring = backend.dispatch('backup:restore', { file: manual.file });
    const during = await Promise.all(Array.from({ length: 20 }, () => backend.dispatch('elev:list', {})));
    expect((await restoring).ok).toBe(true);
    expect(during.every((r) => r.ok)).toBe(true);
    backend.close();
  });

  it('restoring over a database that became damaged while open moves the damaged file aside instead', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, now });
    await value(backend, 'demo:open', { size: 's' });
    const elever = elevCount(backend);
    tick(1);
    const manual = await value<BackupInfo>(backend, 'backup:create');
    // Damage the pupil table's root page under the running backend (as a failing disk would).
    const file = databasePath(dataDir);
    const root = backend.context.db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'elev'").pluck().get() as number;
    const pageSize = backend.context.db.pragma('page_size', { simple: true }) as number;
    backend.context.db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(16, 0xa7), 0, 16, (root - 1) * pageSize);
    fs.closeSync(fd);
    backend.context.db = new BetterSqlite3(file);
    const broken = await backend.dispatch('elev:list', {});
    expect(broken).toMatchObject({ ok: false, error: { code: 'database_corrupt', message: expect.stringMatching(/Återställ en säkerhetskopia/) } });
    tick(1);
    const restored = await value<RestoreResult>(backend, 'backup:restore', { file: manual.file });
    expect(restored.undo).toBeNull();
    expect(restored.damaged).toMatch(/skadad-.*\.sqlite$/);
    expect(fs.existsSync(restored.damaged ?? '')).toBe(true);
    expect(elevCount(backend)).toBe(elever);
    backend.close();
  });

  it('refuses a file that is not a backup, a damaged backup, and a path, in Swedish, changing nothing', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, now });
    await value(backend, 'skola:create', { namn: 'Vägran', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
    const file = (await value<BackupInfo>(backend, 'backup:create')).file;
    for (const bad of ['../varvet.sqlite', '/etc/passwd', 'varvet-20990101T000000000Z-manuell.sqlite']) {
      const reply = await backend.dispatch('backup:restore', { file: bad });
      expect(reply).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Säkerhetskopian finns inte/) } });
    }
    // Damage the backup: it is refused before anything is touched.
    const full = path.join(backupDir(dataDir), file);
    fs.writeFileSync(full, Buffer.alloc(8192, 7));
    const reply = await backend.dispatch('backup:restore', { file });
    expect(reply).toMatchObject({ ok: false, error: { code: 'database_corrupt', message: expect.stringMatching(/skadad.*Välj en annan/) } });
    expect(await value(backend, 'skola:get')).toMatchObject({ namn: 'Vägran' });
    backend.close();
  });
});

describe('where the data lives', () => {
  it('warns about a OneDrive folder and copies the database to a local folder through the backup API', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'OneDrive - Kommun', 'Varvet');
    const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, now });
    await value(backend, 'demo:open', { size: 's' });
    const location = await value<{ warning: string | null; risk: string | null }>(backend, 'data:location');
    expect(location).toMatchObject({ risk: 'onedrive', warning: expect.stringMatching(/OneDrive/) });
    const target = path.join(dir, 'lokal');
    const moved = await value<{ dataDir: string; instruction: string }>(backend, 'data:move', { to: target });
    expect(moved.instruction).toMatch(/--data ".*lokal"/);
    const copy = new BetterSqlite3(databasePath(target), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM elev').pluck().get()).toBe(elevCount(backend));
    copy.close();
    const again = await backend.dispatch('data:move', { to: target });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/finns redan/) } });
    backend.close();
  });
});

describe('the CLI', () => {
  it('`varvet backup --out` writes a verified copy; `varvet restore` puts it back and keeps the state before', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null });
    await value(backend, 'demo:open', { size: 's' });
    const elever = elevCount(backend);
    backend.close();
    const out = path.join(dir, 'kopia.sqlite');
    const backup = spawnSync(process.execPath, [CLI, 'backup', '--data', dataDir, '--out', out], { encoding: 'utf8' });
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/sparad och kontrollerad/);
    expect(spawnSync(process.execPath, [CLI, 'backup', '--data', dataDir, '--out', out], { encoding: 'utf8' }).stderr).toMatch(/finns redan/);

    const db = new BetterSqlite3(databasePath(dataDir));
    db.prepare('DELETE FROM gruppmedlem').run();
    db.close();
    const restore = spawnSync(process.execPath, [CLI, 'restore', out, '--data', dataDir], { encoding: 'utf8' });
    expect(restore.status).toBe(0);
    expect(restore.stdout).toMatch(/återställd.*\n.*fore-aterstallning/);
    const after = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null });
    expect(elevCount(after)).toBe(elever);
    expect(after.context.db.prepare('SELECT count(*) FROM gruppmedlem').pluck().get()).toBeGreaterThan(0);
    // While a backend has the folder open (even idle), restore refuses rather than pulling the file from under it.
    const busy = spawnSync(process.execPath, [CLI, 'restore', out, '--data', dataDir], { encoding: 'utf8' });
    expect(busy.status).toBe(1);
    expect(String(busy.stderr)).toMatch(/används redan av/);
    after.close();
  }, 60_000);
});

describe('the backup before an import', () => {
  it('reuses a backup of exactly the current state, and writes a new one after any change, also by another program', async () => {
    const dataDir = path.join(tempDir(), 'data');
    let backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, now });
    await value(backend, 'skola:create', { namn: 'Björkdalsskolan', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
    backend.close();
    tick(60);
    backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, now });
    const reasons = () => listBackups(dataDir).map((b) => b.reason).sort();
    expect(reasons()).toEqual(['start']);
    const start = listBackups(dataDir)[0];

    // The first thing done is an import: the start backup already holds this state and is the way back.
    const first = await importFixture(backend, 'personal', 'personal.csv');
    expect(first.refused).toBeFalsy();
    expect(reasons()).toEqual(['start']);
    const atStart = new BetterSqlite3(path.join(backupDir(dataDir), start?.file ?? ''), { readonly: true });
    expect(atStart.prepare('SELECT count(*) FROM personal').pluck().get()).toBe(0);
    atStart.close();

    // The import changed the database: the next import (here its undo) gets its own verified backup.
    tick(5);
    const history = await value<{ id: number }[]>(backend, 'import:history');
    await value(backend, 'import:undo', { id: history[0]?.id });
    expect(reasons()).toEqual(['fore-import', 'start']);

    // A backup taken by hand is reused the same way by the import right after it.
    tick(5);
    await value(backend, 'backup:create');
    await importFixture(backend, 'personal', 'personal.csv');
    expect(reasons()).toEqual(['fore-import', 'manuell', 'start']);
    // Another program writes to the file after a backup: that backup no longer holds the state, so a new one is written.
    tick(5);
    await value(backend, 'import:undo', { id: (await value<{ id: number }[]>(backend, 'import:history'))[0]?.id });
    tick(5);
    await value(backend, 'backup:create');
    const other = new BetterSqlite3(databasePath(dataDir));
    other.prepare("UPDATE skola SET namn = 'Björkdalsskolan (ändrad utanför)' WHERE id = 1").run();
    other.close();
    tick(5);
    await importFixture(backend, 'personal', 'personal.csv');
    expect(reasons()).toEqual(['fore-import', 'fore-import', 'fore-import', 'manuell', 'manuell', 'start']);
    backend.close();
  });
});

describe('backups that cost what changed, and a start backup that waits for nobody', () => {
  it('the start backup runs after createBackend returns, while calls are answered, and is verified', async () => {
    const dataDir = path.join(tempDir(), 'data');
    let backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, now });
    await value(backend, 'demo:open', { size: 's' });
    backend.close();
    tick(60);
    backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, now, startBackupInBackground: true });
    const keeper = keeperOf(backend.context);
    // Returned before the start backup was written: nothing in the folder yet, and the app answers meanwhile.
    expect(keeper.startBackupRunning).toBe(true);
    expect(listBackups(dataDir)).toEqual([]);
    expect(elevCount(backend)).toBeGreaterThan(50);
    await value(backend, 'elev:create', { fornamn: 'Under', efternamn: 'Kopieringen', arskurs: 4 });
    await keeper.settled();
    const [start] = listBackups(dataDir);
    expect(start).toMatchObject({ reason: 'start', verified: true });
    // A consistent snapshot: either before or after the pupil written meanwhile, and equal to its own counts.
    const copy = new BetterSqlite3(path.join(backupDir(dataDir), start?.file ?? ''), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM elev').pluck().get()).toBe(start?.counts.elev);
    copy.close();
    backend.close();
  });

  it('the next backup updates a standby copy page by page: still a whole, verified, restorable file', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, now });
    await value(backend, 'demo:open', { size: 's' });
    const keeper = keeperOf(backend.context);
    tick(1);
    await keeper.backup('manuell');
    await keeper.settled();
    // The standby is refreshed after each backup; wait for it to be there.
    const standby = path.join(backupDir(dataDir), '.standby-varvet.sqlite');
    for (let i = 0; i < 200 && !fs.existsSync(standby); i++) await new Promise((r) => setTimeout(r, 25));
    expect(fs.existsSync(standby)).toBe(true);
    await value(backend, 'elev:create', { fornamn: 'Ny', efternamn: 'Sida', arskurs: 5 });
    tick(1);
    const info = await keeper.backup('manuell');
    expect(info.counts.elev).toBe(elevCount(backend));
    expect(listBackups(dataDir).find((b) => b.file === info.file)?.verified).toBe(true);
    // Not listed, never restored: the standby is no backup.
    expect(listBackups(dataDir).some((b) => b.file.includes('standby'))).toBe(false);
    const restored = await value<RestoreResult>(backend, 'backup:restore', { file: info.file });
    expect(restored.restored.file).toBe(info.file);
    expect(elevCount(backend)).toBe(info.counts.elev);
    backend.close();
  });
});
