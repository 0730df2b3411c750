// Faults (issue 8.1): disk full, a read-only database, a locked file, a truncated or byte-flipped file. Each
// gives a clear Swedish message and a way out, never a crash or a hang. The mechanism used is printed, since a
// machine may refuse mount/chattr (then SQLite's own limits stand in, and the test says so).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseConstructor as BetterSqlite3 } from '../../electron/backend/db/driver';
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { databasePath } from '../../electron/backend/paths';
import { holdExclusiveLock, makeImmutable, mountReadOnly, mountTinyDisk } from '../support/osFaults';
import { CLI, tempDir } from '../support/tmp';

const LASAR = { startdatum: '2026-08-17', slutdatum: '2027-06-11' };
const NOW = () => new Date('2026-10-05T08:00:00Z');

async function school(dataDir: string, extra: Partial<Parameters<typeof createBackend>[0]> = {}): Promise<Backend> {
  const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null, now: NOW, ...extra });
  if (!(await backend.dispatch('skola:get', {})).ok || !((await backend.dispatch('skola:get', {})) as { value: unknown }).value) {
    const r = await backend.dispatch('skola:create', { namn: 'Felskolan', lasar: LASAR });
    if (!r.ok) throw new Error(r.error.message);
  }
  return backend;
}

const elev = (i: number) => ({ fornamn: `Elev${i}`, efternamn: 'Å'.repeat(90), arskurs: 1 + (i % 9) });

describe('disk full', () => {
  it('refuses the write with a Swedish message, keeps every acknowledged write, and the file stays sound', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const unmount = mountTinyDisk(dataDir, '3m');
    console.log(`disk full via ${unmount ? 'a 3 MB tmpfs (a real ENOSPC/SQLITE_FULL)' : 'PRAGMA max_page_count (mount refused here)'}`);
    try {
      const backend = await school(dataDir);
      if (!unmount) backend.context.db.pragma(`max_page_count = ${(backend.context.db.pragma('page_count', { simple: true }) as number) + 20}`);
      const acked: number[] = [];
      let refusal: { code: string; message: string } | null = null;
      for (let i = 0; i < 100_000 && !refusal; i++) {
        const reply = await backend.dispatch('elev:create', elev(i));
        if (reply.ok) acked.push((reply.value as { id: number }).id);
        else refusal = reply.error;
      }
      expect(refusal).toMatchObject({ code: 'database_unavailable', message: expect.stringMatching(/Disken är full.*Frigör utrymme/) });
      // A backup on a full disk says so too, and leaves no half-written file behind.
      const backup = await backend.dispatch('backup:create', {});
      expect(backup).toMatchObject({ ok: false, error: { message: expect.stringMatching(/disken är full|kunde inte sparas/i) } });
      expect(fs.readdirSync(path.join(dataDir, 'backups')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      // Reading still works while the disk is full.
      expect((await backend.dispatch('elev:list', {})).ok).toBe(true);
      backend.close();
      const db = new BetterSqlite3(databasePath(dataDir), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set(db.prepare('SELECT id FROM elev').pluck().all() as number[]);
      expect(acked.filter((id) => !stored.has(id))).toEqual([]);
      expect(acked.length).toBeGreaterThan(10);
      db.close();
    } finally {
      unmount?.();
    }
  });
});

describe('a read-only database', () => {
  it('a read-only folder (bind mount): opening fails with a Swedish message, nothing is changed', async () => {
    const dataDir = path.join(tempDir(), 'data');
    (await school(dataDir)).close();
    const before = fs.readFileSync(databasePath(dataDir));
    const unmount = mountReadOnly(dataDir);
    console.log(`read-only folder via ${unmount ? 'a read-only bind mount' : 'nothing (mount refused): only the immutable-file case below runs'}`);
    try {
      if (unmount) {
        await expect(createBackend({ dataDir, mode: 'browser', backupIntervalMs: null })).rejects.toMatchObject({
          code: 'database_unavailable',
          message: expect.stringMatching(/kunde inte läsas eller skrivas|skrivskyddad/),
        });
      }
    } finally {
      unmount?.();
    }
    expect(fs.readFileSync(databasePath(dataDir)).equals(before)).toBe(true);
  });

  it('an immutable file (chattr +i, root included): every write is refused in Swedish, reads work', async () => {
    const dataDir = path.join(tempDir(), 'data');
    (await school(dataDir)).close();
    const release = makeImmutable(databasePath(dataDir));
    console.log(`read-only file via ${release ? 'chattr +i' : "SQLite's query_only (chattr not supported here)"}`);
    try {
      const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null });
      if (!release) backend.context.db.pragma('query_only = ON');
      const reply = await backend.dispatch('elev:create', elev(1));
      expect(reply).toMatchObject({ ok: false, error: { message: expect.stringMatching(/skrivskyddad|kunde inte/) } });
      expect((await backend.dispatch('elev:list', {})).ok).toBe(true);
      backend.close();
    } finally {
      release?.();
    }
  });
});

describe('a locked file', () => {
  it('a write waits for the busy timeout, then fails in Swedish — no hang — and works once the lock is gone', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const backend = await school(dataDir, { busyTimeoutMs: 300 });
    const lock = await holdExclusiveLock(databasePath(dataDir));
    const started = Date.now();
    const reply = await backend.dispatch('elev:create', elev(1));
    const waited = Date.now() - started;
    await lock.release();
    expect(reply).toMatchObject({ ok: false, error: { code: 'database_unavailable', message: expect.stringMatching(/används av ett annat program/) } });
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(5000);
    expect((await backend.dispatch('elev:create', elev(2))).ok).toBe(true);
    backend.close();
  });
});

/** A sound school database in a fresh data folder, with a backup of it. */
async function damaged(kind: 'truncated' | 'flipped'): Promise<string> {
  const dataDir = path.join(tempDir(), 'data');
  const backend = await school(dataDir);
  for (let i = 0; i < 300; i++) await backend.dispatch('elev:create', elev(i));
  await backend.dispatch('backup:create', {});
  backend.close();
  const file = databasePath(dataDir);
  if (kind === 'truncated') {
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
  } else {
    // Garbage over the b-tree header of the pupil table's root page: any read of elev must notice.
    const db = new BetterSqlite3(file, { readonly: true });
    const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'elev'").pluck().get() as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(16, 0xa7), 0, 16, (root - 1) * pageSize);
    fs.closeSync(fd);
  }
  return dataDir;
}

describe.each(['truncated', 'flipped'] as const)('a %s database file', (kind) => {
  it('opening or reading gives a Swedish message that names the way out', async () => {
    const dataDir = await damaged(kind);
    let message: string;
    try {
      const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null });
      const reply = await backend.dispatch('elev:list', {});
      backend.close();
      expect(reply.ok).toBe(false);
      message = reply.ok ? '' : reply.error.message;
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/skadad.*[Åå]terställ en säkerhetskopia/);
  });

  it('`varvet serve` prints the message and the restore command, exits non-zero; `varvet restore` is the way out', async () => {
    const dataDir = await damaged(kind);
    const serve = spawnSync(process.execPath, [CLI, 'serve', '--data', dataDir], { encoding: 'utf8', timeout: 30_000 });
    if (serve.status === 0 || !/skadad/.test(serve.stderr)) {
      // The damage is in a page the start does not read: then the first read refuses it (previous test) — but
      // for these fixed damages the start must notice.
      throw new Error(`serve did not refuse: ${serve.status} ${serve.stdout} ${serve.stderr}`);
    }
    expect(serve.status).toBe(1);
    expect(serve.stderr).toMatch(/varvet restore ".*\.sqlite" --data/);
    expect(serve.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    const command = /varvet restore "([^"]+)"/.exec(serve.stderr)?.[1] ?? '';
    const restore = spawnSync(process.execPath, [CLI, 'restore', command, '--data', dataDir], { encoding: 'utf8', timeout: 30_000 });
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toMatch(/återställd/);
    expect(restore.stdout).toMatch(/skadade databasen flyttades/);
    const check = spawnSync(process.execPath, [CLI, 'check', '--data', dataDir], { encoding: 'utf8' });
    expect(check.status).toBe(0);
    const backend = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null });
    const elever = await backend.dispatch('elev:list', {});
    backend.close();
    expect(elever.ok && (elever.value as unknown[]).length).toBe(300);
  }, 60_000);
});
