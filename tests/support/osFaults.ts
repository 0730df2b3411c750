// Real operating-system faults for tests/db/faults*.test.ts. Each helper says which mechanism it used, because a
// CI machine may refuse mount or chattr; the tests then fall back to an SQLite-level fault and say so.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

function tryRun(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A small tmpfs at `dir` (a really full disk), or null if mounting is not permitted here. */
export function mountTinyDisk(dir: string, size = '3m'): (() => void) | null {
  fs.mkdirSync(dir, { recursive: true });
  if (!tryRun('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir])) return null;
  return () => tryRun('umount', ['-l', dir]);
}

/** Makes `dir` read-only for everyone, root included (a read-only bind mount), or null if not permitted. */
export function mountReadOnly(dir: string): (() => void) | null {
  if (!tryRun('mount', ['--bind', '-o', 'ro', dir, dir])) return null;
  return () => tryRun('umount', ['-l', dir]);
}

/** Makes one file immutable (chattr +i; root cannot write it either), or null if not supported. */
export function makeImmutable(file: string): (() => void) | null {
  if (!tryRun('chattr', ['+i', file])) return null;
  return () => tryRun('chattr', ['-i', file]);
}

/** Another process that holds an exclusive lock on the database until released. */
export async function holdExclusiveLock(file: string): Promise<{ release: () => Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3-multiple-ciphers');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN EXCLUSIVE');
    db.prepare('CREATE TABLE IF NOT EXISTS laas_test (x)').run();
    process.stdout.write('locked\\n');
    process.stdin.on('data', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });
  `;
  const child: ChildProcess = spawn(process.execPath, ['-e', script, file], { stdio: ['pipe', 'pipe', 'inherit'], cwd: process.cwd() });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    child.on('exit', (code) => reject(new Error(`lock holder exited ${code}`)));
  });
  return {
    release: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.on('exit', () => resolve());
        child.stdin?.write('x');
      }),
  };
}
