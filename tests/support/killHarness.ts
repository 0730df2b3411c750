// The kill -9 harness: a writer process (tests/support/writer.ts, bundled once with esbuild so each start is
// cheap) does random real operations through the backend and is killed with SIGKILL at a random moment; then the
// database is reopened and must pass integrity_check and hold every acknowledged write. Used by
// tests/db/kill9.test.ts and by `npx tsx tests/support/kill9-cli.ts --runs N`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { DatabaseConstructor as BetterSqlite3 } from '../../electron/backend/db/driver';
import { build, type Plugin } from 'esbuild';
import { listBackupsIn } from '../../electron/backend/backup/list';
import { hasAudit } from '../../electron/backend/audit/seal';
import { verifyAuditChain } from '../../electron/backend/audit/verify';
import { backupDir, databasePath } from '../../electron/backend/paths';
import { REPO_ROOT } from './tmp';

export interface HarnessOptions {
  runs: number;
  seed: number;
  /** Folder for the data folders of the lanes. */
  workDir: string;
  /** Parallel writers, each on its own data folder. */
  lanes?: number;
  maxDelayMs?: number;
  log?: (line: string) => void;
}

export interface HarnessReport {
  runs: number;
  acknowledged: number;
  /** Runs killed before the writer said ready (during open, recovery, migrations or the start backup). */
  killedDuringStart: number;
  backupsChecked: number;
  failures: string[];
  ms: number;
}

interface RunOutput {
  lines: string[];
  beforeReady: boolean;
}

/**
 * The writer starts hundreds of times, so its start must be cheap. zod and date-fns are bundled (tree-shaken);
 * better-sqlite3 and Node's built-ins stay external; every other package (PDF, Excel, Word, SVG, CSV libraries of
 * the export and import services, ~0.5 s to load) becomes a stub that throws if used. The writer never uses them;
 * a service that touched one at load time would make the writer fail loudly, not pass silently.
 */
function writerPackages(bundled: string[], external: string[]): Plugin {
  return {
    name: 'writer-packages',
    setup(b) {
      // zod re-exports all of its ~50 locales (~0.6 MB); nothing here uses z.locales, so that index is left empty.
      b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
        args.importer.includes(`${path.sep}zod${path.sep}`) ? { path: args.path, namespace: 'empty' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ loader: 'js', contents: 'export {};' }));
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : (args.path.split('/')[0] ?? '');
        if (bundled.includes(name)) return undefined;
        if (external.includes(name)) return { path: args.path, external: true };
        return { path: args.path, namespace: 'stub' };
      });
      b.onLoad({ filter: /.*/, namespace: 'stub' }, (args) => ({
        loader: 'js',
        contents: `const fail = () => { throw new Error(${JSON.stringify(`${args.path} is stubbed in the kill -9 writer`)}); };
module.exports = new Proxy(function () {}, { apply: fail, construct: fail });`,
      }));
    },
  };
}

/** Bundles the writer into node_modules/.cache (so its imports resolve) and returns the file. */
export async function buildWriter(): Promise<string> {
  const outfile = path.join(REPO_ROOT, 'node_modules', '.cache', 'varvet-kill9', `writer-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(REPO_ROOT, 'tests', 'support', 'writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [writerPackages(['zod', 'date-fns'], ['better-sqlite3', 'better-sqlite3-multiple-ciphers'])],
    outfile,
    minify: true,
    logLevel: 'silent',
  });
  return outfile;
}

function runOnce(writer: string, dataDir: string, seed: number, killAfterMs: number, beforeReady: boolean): Promise<RunOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, path.join(REPO_ROOT, 'migrations'), String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    const kill = () => child.kill('SIGKILL');
    if (beforeReady) timer = setTimeout(kill, killAfterMs);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!timer && out.startsWith('ready\n')) timer = setTimeout(kill, killAfterMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // A writer that hangs is a failure too, not a stuck test.
    const guard = setTimeout(kill, 20_000);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended by itself (code ${code}): ${err.trim()}`));
      // Only complete lines count: a line cut by the kill was never acknowledged.
      resolve({ lines: out.split('\n').slice(0, -1), beforeReady: !out.startsWith('ready\n') });
    });
  });
}

interface Line {
  k: string;
  v?: string;
  insert?: boolean;
}

/** What each lane's database must hold: values of acknowledged writes, and the newest evaluation per insats. */
class Expectations {
  values = new Map<string, string>();
  tokens = new Map<string, string>();

  /** Applies one run's output; returns the update that was in flight when the writer died, if any. */
  apply(lines: string[]): Line | null {
    let inflight: Line | null = null;
    for (const raw of lines) {
      if (raw.startsWith('try ')) inflight = JSON.parse(raw.slice(4)) as Line;
      else if (raw === 'nack') inflight = null;
      else if (raw.startsWith('ack ')) {
        inflight = null;
        const line = JSON.parse(raw.slice(4)) as Line;
        if (line.v !== undefined) (line.k.startsWith('bedomning:') ? this.tokens : this.values).set(line.k, line.v);
      }
    }
    return inflight;
  }
}

const COLUMNS: Record<string, string> = { elev: 'fornamn', insats: 'beskrivning' };

function verify(dataDir: string, exp: Expectations, inflight: Line | null, checkAllBackups: boolean): { problems: string[]; backups: number } {
  const problems: string[] = [];
  // Read-write, like the app: opening replays the WAL exactly as the next start would.
  const db = new BetterSqlite3(databasePath(dataDir));
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    if ((db.pragma('foreign_key_check') as unknown[]).length > 0) problems.push('foreign_key_check found orphans');
    // Audit log (issue 8): every committed change has its sealed entry — the writer's channels are all synchronous.
    if (hasAudit(db)) {
      const chain = verifyAuditChain(db);
      if (!chain.ok) problems.push(`audit chain broken at ${chain.firstBroken?.id}: ${chain.firstBroken?.reason}`);
      if (chain.unsealed > 0) problems.push(`${chain.unsealed} audit entries committed without their seal`);
    }
    const stored = new Map<string, string>();
    for (const [table, column] of Object.entries(COLUMNS)) {
      for (const row of db.prepare(`SELECT id, ${column} AS v FROM ${table}`).all() as { id: number; v: string }[]) {
        stored.set(`${table}:${row.id}:${column}`, row.v);
      }
    }
    for (const [k, v] of exp.values) {
      const actual = stored.get(k);
      const inflightOk = inflight?.k === k && inflight.v === actual;
      if (actual !== v && !inflightOk) problems.push(`${k}: acknowledged "${v}", found ${actual === undefined ? 'nothing' : `"${actual}"`}`);
      else if (actual !== undefined) exp.values.set(k, actual);
    }
    // Evaluations: the newest acknowledged token per insats must be among its rows (or the one in flight).
    const tokens = new Set(
      (db.prepare('SELECT insats_id AS id, underlag FROM effektbedomning').all() as { id: number; underlag: string }[]).map(
        (r) => `bedomning:${r.id}=${r.underlag}`,
      ),
    );
    for (const [k, v] of exp.tokens) {
      if (tokens.has(`${k}=${v}`)) continue;
      if (inflight?.k === k && inflight.v !== undefined && tokens.has(`${k}=${inflight.v}`)) exp.tokens.set(k, inflight.v);
      else problems.push(`${k}: acknowledged evaluation "${v}" is missing`);
    }
  } finally {
    db.close();
  }
  // Every backup that claims to be verified must open and pass quick_check with the counts in its sidecar.
  const verified = listBackupsIn(backupDir(dataDir)).filter((b) => b.verified);
  const sample = checkAllBackups ? verified : verified.slice(0, 1);
  for (const b of sample) {
    const copy = new BetterSqlite3(path.join(backupDir(dataDir), b.file), { readonly: true });
    try {
      if (copy.pragma('quick_check', { simple: true }) !== 'ok') problems.push(`backup ${b.file}: quick_check failed`);
      for (const [table, n] of Object.entries(b.counts)) {
        const actual = copy.prepare(`SELECT count(*) FROM "${table}"`).pluck().get();
        if (actual !== n) problems.push(`backup ${b.file}: ${table} has ${String(actual)} rows, sidecar says ${n}`);
      }
    } finally {
      copy.close();
    }
  }
  return { problems, backups: sample.length };
}

export async function runKillHarness(options: HarnessOptions): Promise<HarnessReport> {
  const started = Date.now();
  const writer = await buildWriter();
  const lanes = Math.max(1, options.lanes ?? 1);
  const maxDelay = options.maxDelayMs ?? 150;
  const report: HarnessReport = { runs: 0, acknowledged: 0, killedDuringStart: 0, backupsChecked: 0, failures: [], ms: 0 };
  let rng = options.seed >>> 0;
  const next = () => {
    rng = (Math.imul(rng, 1664525) + 1013904223) >>> 0;
    return rng / 4294967296;
  };
  let remaining = options.runs;
  try {
    await Promise.all(
      Array.from({ length: lanes }, async (_, lane) => {
        const dataDir = path.join(options.workDir, `lane-${lane}`);
        const exp = new Expectations();
        while (remaining > 0 && report.failures.length === 0) {
          remaining--;
          const run = report.runs++;
          const seed = Math.floor(next() * 2 ** 31);
          // One run in six is killed at a random moment after spawn, often before the writer is ready.
          const early = next() < 1 / 6;
          const delay = Math.floor(next() * (early ? 400 : maxDelay));
          const label = `run ${run} (lane ${lane}, seed ${seed}, ${early ? 'from spawn' : 'after ready'} +${delay} ms)`;
          try {
            const output = await runOnce(writer, dataDir, seed, delay, early);
            if (output.beforeReady) report.killedDuringStart++;
            const inflight = exp.apply(output.lines);
            report.acknowledged += output.lines.filter((l) => l.startsWith('ack ')).length;
            if (!fs.existsSync(databasePath(dataDir))) continue; // killed before the file was created
            const last = remaining <= 0;
            const { problems, backups } = verify(dataDir, exp, inflight, last || run % 50 === 0);
            report.backupsChecked += backups;
            for (const p of problems) report.failures.push(`${label}: ${p}`);
          } catch (error) {
            report.failures.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
          }
          options.log?.(`${label}: ${report.failures.length === 0 ? 'ok' : 'FAILED'}`);
        }
      }),
    );
  } finally {
    fs.rmSync(writer, { force: true });
  }
  report.ms = Date.now() - started;
  return report;
}
