// `npm run build:electron`: builds better-sqlite3-multiple-ciphers (better-sqlite3 with SQLite3MultipleCiphers, the
// encryption at rest) for Electron's ABI into dist/native/electron/better_sqlite3.node.
// It works on a copy of the package sources in a temp folder, so node_modules/better-sqlite3/build (the Node build
// that tests, the CLI and browser mode use) is never touched. Offline it skips with a message and exits 0;
// pass --strict (e.g. for `npm run dist`) to fail instead.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const strict = process.argv.includes('--strict');
const outDir = path.join(root, 'dist', 'native', 'electron');
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'build.json');
const PREBUILD_TIMEOUT_MS = 60_000;
const HEADERS_TIMEOUT_MS = 10_000;
const COMPILE_TIMEOUT_MS = 15 * 60_000;

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const electronVersion = readJson(path.join(root, 'node_modules', 'electron', 'package.json')).version;
const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers');
const sqliteVersion = readJson(path.join(sqliteDir, 'package.json')).version;
const stamp = { electron: electronVersion, betterSqlite3MultipleCiphers: sqliteVersion, platform: process.platform, arch: process.arch };

function finish(ok, message) {
  if (ok) {
    console.log(message);
    process.exit(0);
  }
  console.warn(`Hoppar över Electron-bygget av better-sqlite3: ${message}`);
  console.warn('Electron-appen kan inte öppna databasen utan den; webbläsarläget, CLI:t och testerna påverkas inte.');
  process.exit(strict ? 1 : 0);
}

// npm exports the user's config to scripts; a nodedir (this machine's npmrc sets one) or target there would make
// node-gyp build against Node's headers instead of Electron's.
const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch)$/i.test(key)),
);

/** Runs a command with a time limit; resolves to { ok, output } and never throws. */
function run(command, args, cwd, timeoutMs) {
  return new Promise((resolve) => {
    const detached = process.platform !== 'win32';
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached, env: childEnv });
    let output = '';
    const collect = (chunk) => {
      output = (output + chunk).slice(-4000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      try {
        // The negative pid ends the whole group (node-gyp's compiler processes too).
        process.kill(detached ? -child.pid : child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      resolve({ ok: false, output: `${output}\n(avbröts efter ${Math.round(timeoutMs / 1000)} s)` });
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, output: error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0, output });
    });
  });
}

async function reachable(url) {
  try {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(HEADERS_TIMEOUT_MS) });
    return response.ok ? null : `svaret var HTTP ${response.status}`;
  } catch (error) {
    return error?.cause?.code ?? error?.message ?? String(error);
  }
}

const lastLine = (text) => text.trim().split('\n').filter(Boolean).slice(-1)[0] ?? '';

if (existsSync(outFile) && existsSync(stampFile) && JSON.stringify(readJson(stampFile)) === JSON.stringify(stamp)) {
  finish(true, `better-sqlite3 ${sqliteVersion} för Electron ${electronVersion} är redan byggd (${path.relative(root, outFile)}).`);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'varvet-native-'));
// finish() ends the process with process.exit, so the temp copy is removed on exit rather than in a finally.
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const pkg = path.join(work, 'better-sqlite3-multiple-ciphers');
for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
  cpSync(path.join(sqliteDir, entry), path.join(pkg, entry), { recursive: true });
}
const built = path.join(pkg, 'build', 'Release', 'better_sqlite3.node');
const common = [`--target=${electronVersion}`, '--runtime=electron', `--arch=${process.arch}`];

// 1. A prebuilt binary from the better-sqlite3 releases: seconds, no compiler needed.
const prebuild = await run(
  process.execPath,
  [path.join(root, 'node_modules', 'prebuild-install', 'bin.js'), ...common, `--platform=${process.platform}`],
  pkg,
  PREBUILD_TIMEOUT_MS,
);
let how = 'förbyggd från better-sqlite3-multiple-ciphers releaser';
if (!prebuild.ok || !existsSync(built)) {
  // 2. Compile against Electron's headers, which node-gyp downloads; check first that they can be reached.
  const headersUrl = `https://electronjs.org/headers/v${electronVersion}/node-v${electronVersion}-headers.tar.gz`;
  const unreachable = await reachable(headersUrl);
  if (unreachable !== null) {
    finish(
      false,
      `ingen förbyggd binär (${lastLine(prebuild.output) || 'okänt fel'}) och Electrons headers kunde inte hämtas från ${headersUrl} (${unreachable}).`,
    );
  }
  const gyp = await run(
    process.execPath,
    [
      path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
      'rebuild',
      '--release',
      ...common,
      '--dist-url=https://electronjs.org/headers',
      `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
    ],
    pkg,
    COMPILE_TIMEOUT_MS,
  );
  if (!gyp.ok || !existsSync(built)) finish(false, `node-gyp misslyckades: ${lastLine(gyp.output)}`);
  how = 'kompilerad med node-gyp';
}
mkdirSync(outDir, { recursive: true });
copyFileSync(built, outFile);
writeFileSync(stampFile, `${JSON.stringify(stamp)}\n`);
finish(true, `Byggde ${path.relative(root, outFile)} för Electron ${electronVersion} (${how}).`);
