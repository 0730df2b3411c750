// One writer per data folder (issue 16, item 1): with a real `varvet serve` running, `varvet restore`, a second
// `serve` and the other writing commands are refused in Swedish naming the holder, and no acknowledged write is
// lost; after kill -9 of the owner the OS has released its lock and a new owner gets in.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { acquireFolderLock, OWNER_FILE } from '../../electron/backend/db/folderLock';
import { DatabaseConstructor } from '../../electron/backend/db/driver';
import { databasePath } from '../../electron/backend/paths';
import { callApi, startHost } from '../support/host';
import { CLI, REPO_ROOT, tempDir } from '../support/tmp';

const LASAR = { startdatum: '2026-08-17', slutdatum: '2027-06-11' };

/** Runs the CLI without blocking this process (a blocked event loop would reuse a keep-alive socket the host closed). */
function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

type Ok<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

async function createElev(host: Parameters<typeof callApi>[0], i: number): Promise<number> {
  const reply = (await callApi(host, 'elev:create', { fornamn: `Kvar${i}`, efternamn: 'Låstest', arskurs: 5 })) as Ok<{ id: number }>;
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value.id;
}

function pupilsIn(dataDir: string): string[] {
  const db = new DatabaseConstructor(databasePath(dataDir), { readonly: true });
  try {
    return (db.prepare("SELECT fornamn FROM elev WHERE efternamn = 'Låstest' ORDER BY id").pluck().all() as string[]);
  } finally {
    db.close();
  }
}

describe('one writer per data folder', () => {
  it('refuses restore, a second serve and the CLI writers while serve runs; nothing acknowledged is lost', async () => {
    const dataDir = tempDir();
    const host = await startHost({ dataDir });
    const acked: string[] = [];
    try {
      expect(((await callApi(host, 'skola:create', { namn: 'Låsskolan', lasar: LASAR })) as Ok<unknown>).ok).toBe(true);
      for (let i = 0; i < 3; i++) acked.push(`Kvar${(await createElev(host, i), i)}`);
      const backup = (await callApi(host, 'backup:create', {})) as Ok<{ file: string }>;
      if (!backup.ok) throw new Error(backup.error.message);
      for (let i = 3; i < 6; i++) acked.push(`Kvar${(await createElev(host, i), i)}`);

      const owner = JSON.parse(fs.readFileSync(path.join(dataDir, OWNER_FILE), 'utf8')) as { pid: number; kind: string };
      expect(owner.kind).toBe('serve');

      const restore = await cli(['restore', backup.value.file, '--data', dataDir]);
      console.log(`restore while serve runs: exit ${restore.status}: ${restore.stderr.trim()}`);
      expect(restore.status).toBe(1);
      expect(restore.stderr).toContain('används redan av Varvet i webbläsarläge (varvet serve)');
      expect(restore.stderr).toContain(`process ${owner.pid}`);
      expect(restore.stderr).toContain('Säkerhetskopior (Alt+7)');
      expect(restore.stderr).not.toMatch(/at .*\.ts:\d+/);

      const second = await cli(['serve', '--data', dataDir]);
      console.log(`second serve: exit ${second.status}: ${second.stderr.trim()}`);
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`process ${owner.pid}`);

      for (const args of [['demo', '--size', 's'], ['import', 'elever', path.join(REPO_ROOT, 'package.json')], ['export', 'plan']]) {
        const refused = await cli([...args, '--data', dataDir]);
        expect(refused.status, args.join(' ')).toBe(1);
        expect(refused.stderr, args.join(' ')).toContain('används redan av');
      }

      // The running server keeps its file: writes after the refused restore are kept.
      for (let i = 6; i < 9; i++) acked.push(`Kvar${(await createElev(host, i), i)}`);
    } finally {
      await host.stop();
    }
    expect(host.output()).toContain('Allt är sparat');
    expect(pupilsIn(dataDir)).toEqual(acked);
    expect(fs.existsSync(path.join(dataDir, OWNER_FILE))).toBe(false);

    // With the owner gone, the restore is done (and the restored state lacks the pupils written after the backup).
    const list = fs.readdirSync(path.join(dataDir, 'backups')).filter((f) => f.includes('manuell') && f.endsWith('.sqlite'));
    const restore = await cli(['restore', list[0] ?? '', '--data', dataDir]);
    expect(restore.status, restore.stderr).toBe(0);
    expect(pupilsIn(dataDir)).toEqual(acked.slice(0, 3));
  }, 300_000);

  it('after kill -9 of the owner the lock is free: a new serve takes over and says so', async () => {
    const dataDir = tempDir();
    const first = await startHost({ dataDir });
    await callApi(first, 'skola:create', { namn: 'Kraschskolan', lasar: LASAR });
    const id = await createElev(first, 1);
    expect(id).toBeGreaterThan(0);
    await first.kill();
    // The owner file is still there (nobody removed it), but the OS released the lock with the process.
    expect(fs.existsSync(path.join(dataDir, OWNER_FILE))).toBe(true);
    const next = await startHost({ dataDir });
    try {
      expect(next.output()).toContain('avslutades utan att stänga');
      expect(((await callApi(next, 'elev:list', { baraAktiva: true })) as Ok<{ fornamn: string }[]>).ok).toBe(true);
      const refused = await cli(['restore', 'x.sqlite', '--data', dataDir]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('används redan av');
    } finally {
      await next.stop();
    }
    expect(pupilsIn(dataDir)).toEqual(['Kvar1']);
  }, 180_000);

  it('in one process too: a second backend on the folder is refused until the first is closed', async () => {
    const dataDir = tempDir();
    const a = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null });
    await expect(createBackend({ dataDir, mode: 'browser', backupIntervalMs: null })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining(`process ${process.pid}`),
    });
    expect(() => acquireFolderLock(dataDir, 'restore')).toThrow(/används redan av/);
    a.close();
    const b = await createBackend({ dataDir, mode: 'browser', backupIntervalMs: null });
    expect(b.folderLock.tookOverFrom).toBeNull();
    b.close();
  });
});
