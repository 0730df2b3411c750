// `varvet start`: when to launch Electron and when to fall back to browser mode, and the time-boxed lookup.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decideLaunch,
  explainElectronError,
  fallbackMessage,
  hasDisplay,
  lookUpElectron,
  parseStartArgs,
} from '../../../electron/cli/commands/start';

describe('decideLaunch', () => {
  const found = { path: '/opt/electron/electron' };
  it.each([
    [{ electron: found, mainBuilt: true, hasDisplay: true }, 'electron'],
    [{ electron: { error: 'Electron-programmet är inte nedladdat' }, mainBuilt: true, hasDisplay: true }, 'browser'],
    [{ electron: found, mainBuilt: false, hasDisplay: true }, 'browser'],
    [{ electron: found, mainBuilt: true, hasDisplay: false }, 'browser'],
    [{ electron: { error: 'x' }, mainBuilt: false, hasDisplay: false }, 'browser'],
  ] as const)('%j → %s', (input, kind) => {
    expect(decideLaunch(input).kind).toBe(kind);
  });

  it('gives the reason Electron could not be used', () => {
    const decision = decideLaunch({ electron: { error: 'Electron-programmet är inte nedladdat' }, mainBuilt: true, hasDisplay: true });
    expect(decision).toEqual({ kind: 'browser', reason: 'Electron-programmet är inte nedladdat' });
    expect(decideLaunch({ electron: found, mainBuilt: false, hasDisplay: true })).toMatchObject({ reason: /npm run build/ });
  });

  it('launches the binary it found', () => {
    expect(decideLaunch({ electron: found, mainBuilt: true, hasDisplay: true })).toEqual({ kind: 'electron', electronPath: found.path });
  });
});

describe('messages and arguments', () => {
  it('says in Swedish that it falls back to browser mode, with the reason', () => {
    expect(fallbackMessage('ingen skärm')).toBe(
      'Electron kunde inte startas här (ingen skärm). Varvet startar i webbläsarläge i stället.',
    );
  });

  it("translates Electron's download failure", () => {
    expect(explainElectronError('Electron failed to install correctly. Please delete …')).toBe(
      'Electron-programmet är inte nedladdat och kunde inte hämtas',
    );
    expect(explainElectronError('EACCES')).toBe('Electron gav felet: EACCES');
  });

  it.each([
    ['linux', {}, false],
    ['linux', { DISPLAY: ':0' }, true],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0' }, true],
    ['win32', {}, true],
    ['darwin', {}, true],
  ] as const)('hasDisplay(%s, %j) → %s', (platform, env, expected) => {
    expect(hasDisplay(platform, env)).toBe(expected);
  });

  it.each([
    [['--data', '/tmp/x', '--port', '5000'], { data: '/tmp/x', port: '5000' }],
    [['--port', '5000', '--data=/tmp/y'], { data: '/tmp/y', port: '5000' }],
    [[], {}],
  ])('parseStartArgs(%j) → %j', (argv, expected) => {
    expect({ ...parseStartArgs(argv) }).toEqual(expected);
  });

  it('refuses an unknown flag before launching anything', () => {
    expect(() => parseStartArgs(['--bogus'])).toThrow(expect.objectContaining({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' }));
  });
});

describe('lookUpElectron (real child processes, fake electron modules)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'varvet-start-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fakeModule = (name: string, body: string): string => {
    const file = path.join(dir, `${name}.cjs`);
    writeFileSync(file, body);
    return file;
  };

  it('returns the path the module exports when the binary is there', async () => {
    const binary = fakeModule('binary', '');
    const modulePath = fakeModule('found', `module.exports = ${JSON.stringify(binary)};`);
    expect(await lookUpElectron({ modulePath })).toEqual({ path: binary });
  });

  it("reports Electron's install failure as a Swedish reason", async () => {
    const modulePath = fakeModule(
      'throws',
      "console.log('Downloading Electron binary...'); throw new Error('Electron failed to install correctly. Please delete');",
    );
    expect(await lookUpElectron({ modulePath })).toEqual({ error: 'Electron-programmet är inte nedladdat och kunde inte hämtas' });
  });

  it('reports a path that does not exist', async () => {
    const modulePath = fakeModule('missing', `module.exports = ${JSON.stringify(path.join(dir, 'nope'))};`);
    expect(await lookUpElectron({ modulePath })).toMatchObject({ error: /saknas/ });
  });

  it('gives up on a hanging download after the time limit', async () => {
    // Like Electron's downloader: a synchronous child process that blocks the require.
    const modulePath = fakeModule(
      'hangs',
      "require('child_process').spawnSync(process.execPath, ['-e', 'setTimeout(() => {}, 30000)', 'varvet-hang-marker']);",
    );
    const started = Date.now();
    expect(await lookUpElectron({ modulePath, timeoutMs: 500 })).toMatchObject({ error: /tidsgränsen \(0\.5 s\)/ });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
