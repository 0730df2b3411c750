// The CLI as a user runs it: the real `varvet` bin in a child process, on real files.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseConstructor as Database } from '../../electron/backend/db/driver';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { databasePath } from '../../electron/backend/paths';
import { CLI, REPO_ROOT, tempDir } from '../support/tmp';

function varvet(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function capture() {
  const lines = { out: '', err: '' };
  return { lines, io: { out: (t: string) => void (lines.out += `${t}\n`), err: (t: string) => void (lines.err += `${t}\n`) } };
}

describe('varvet demo and check', () => {
  it('builds a demo school and reports a sound database with its counts', () => {
    const dir = tempDir();
    const demo = varvet('demo', '--data', dir, '--size', 's');
    expect(demo.err).toBe('');
    expect(demo.code).toBe(0);
    const check = varvet('check', '--data', dir, '--json');
    expect(check.code).toBe(0);
    const report = JSON.parse(check.out) as { sound: boolean; integrity: string[]; tables: Record<string, number> };
    expect(report.sound).toBe(true);
    expect(report.integrity).toEqual(['ok']);
    expect(report.tables.elev).toBeGreaterThanOrEqual(80);
    expect(report.tables.insats).toBeGreaterThan(0);
    const again = varvet('demo', '--data', dir, '--size', 's');
    expect(again.code).not.toBe(0);
    expect(again.err).toMatch(/finns redan en skola/);
  });

  it('exits non-zero with a Swedish sentence for a garbage file, and never prints a stack trace', () => {
    const dir = tempDir();
    fs.writeFileSync(databasePath(dir), crypto.randomBytes(20_000));
    const check = varvet('check', '--data', dir);
    expect(check.code).toBe(1);
    expect(check.err).toMatch(/skadad/);
    expect(check.out + check.err).not.toMatch(/\bat \S+:\d+:\d+|Error:/);
  });

  it('exits non-zero for a truncated database', () => {
    const dir = tempDir();
    expect(varvet('demo', '--data', dir, '--size', 's').code).toBe(0);
    const file = databasePath(dir);
    // Fold the WAL into the main file first so that cutting the file really loses pages.
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 3));
    const check = varvet('check', '--data', dir, '--json');
    expect(check.code).toBe(1);
    expect(JSON.parse(check.out).sound).toBe(false);
  });

  it('calls a database from a newer Varvet newer, not damaged', async () => {
    const dir = tempDir();
    const raw = new Database(databasePath(dir));
    raw.pragma('user_version = 999');
    raw.close();
    const a = capture();
    expect(await main(['check', '--data', dir], a.io)).toBe(1);
    expect(a.lines.err).toMatch(/nyare version av Varvet/);
    expect(a.lines.out).toMatch(/skapad av en nyare version av Varvet och har inte ändrats/);
    expect(a.lines.out).not.toMatch(/inte hel/);
  });

  it('says in Swedish when there is no database, an unknown command or a wrong flag', async () => {
    const dir = tempDir();
    const a = capture();
    expect(await main(['check', '--data', path.join(dir, 'saknas')], a.io)).toBe(1);
    expect(a.lines.err).toMatch(/Det finns ingen databas/);
    expect(a.lines.out).toMatch(/Det finns ingen databas att kontrollera här/);
    expect(a.lines.out).not.toMatch(/inte hel/);
    const b = capture();
    expect(await main(['radera-allt'], b.io)).toBe(2);
    expect(b.lines.err).toMatch(/Okänt kommando/);
    const c = capture();
    expect(await main(['check', '--inte-en-flagga'], c.io)).toBe(2);
    expect(c.lines.err).toMatch(/Flaggan --inte-en-flagga känns inte igen/);
  });
});

describe('the bundled varvet command', () => {
  it('runs the JavaScript bundle in dist/cli: no TypeScript source and no tsx is loaded', () => {
    // Built by the test setup (tests/support/buildCli.ts), as `npm install` builds it.
    expect(fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'main.mjs'))).toBe(true);
    // A module hook that prints every module the command resolves.
    const hook = 'export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("LOADED " + r.url + "\\n"); return r; }';
    const register = `import { register } from "node:module"; register(${JSON.stringify(`data:text/javascript,${hook}`)});`;
    for (const args of [['help'], ['check', '--data', path.join(tempDir(), 'saknas')]]) {
      const result = spawnSync(process.execPath, ['--import', `data:text/javascript,${register}`, CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
      const loaded = result.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice(7));
      expect(loaded.some((u) => u.endsWith('/dist/cli/main.mjs')), args[0]).toBe(true);
      expect(loaded.filter((u) => u.endsWith('.ts') || /\/tsx\//.test(u)), args[0]).toEqual([]);
      expect(result.stdout + result.stderr, args[0]).toMatch(args[0] === 'help' ? /Användning: varvet <kommando>/ : /Det finns ingen databas/);
    }
  });

  it('help prints every command with the summary and usage the command itself has, without loading it', async () => {
    const { COMMANDS, HELP } = await import('../../electron/cli/main');
    expect(Object.keys(HELP)).toEqual(Object.keys(COMMANDS));
    for (const [name, load] of Object.entries(COMMANDS)) {
      const command = await load();
      expect(HELP[name], name).toEqual({ summary: command.summary, usage: command.usage });
    }
  });
});
