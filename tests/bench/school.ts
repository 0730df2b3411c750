// The bench's schools: demo schools of each size, generated once per run into a temp folder. Each is built in a child
// process, as "Öppna demoskola" builds it (generated, then its audit entries sealed), so the bench process measures a
// school a rektor would have open: none of the xl school's ~1.3 million entries are left for the first measured
// call to seal, and none of the sealing's garbage is left in this process's heap for a measured call to collect.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DemoSize } from '../../shared/contract';
import { sealAudit, whoAmI } from '../../electron/backend/audit/seal';
import { generateDemo, type DemoSummary } from '../../electron/backend/demo/generate';
import { openDatabase } from '../../electron/backend/db/open';
import { backupDir, databasePath } from '../../electron/backend/paths';
import { REPO_ROOT } from '../support/tmp';

/** A fixed "now" inside a läsår, so every run measures the same data. */
export const BENCH_NOW = new Date('2026-11-23T09:00:00Z');

export interface BenchSchool {
  size: DemoSize;
  dataDir: string;
  file: string;
  summary: DemoSummary;
  /** The generation alone (generateDemo). */
  generateMs: number;
  /** Sealing the generation's audit entries afterwards, as demo:open does in the same call. */
  sealMs: number;
}

type Built = Pick<BenchSchool, 'summary' | 'generateMs' | 'sealMs'>;

async function build(size: DemoSize, dataDir: string): Promise<Built> {
  fs.mkdirSync(dataDir, { recursive: true });
  const { db } = await openDatabase({ file: databasePath(dataDir), backupDir: backupDir(dataDir), now: () => BENCH_NOW });
  const start = performance.now();
  const summary = generateDemo(db, { size, now: BENCH_NOW });
  const generateMs = performance.now() - start;
  const sealStart = performance.now();
  sealAudit(db, { kanal: 'demo:open', vem: whoAmI('browser'), tid: BENCH_NOW.toISOString() });
  const sealMs = performance.now() - sealStart;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { summary, generateMs, sealMs };
}

export async function makeSchool(root: string, size: DemoSize): Promise<BenchSchool> {
  const dataDir = path.join(root, size);
  const out = execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), import.meta.filename, size, dataDir], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const built = JSON.parse(out.trim().split('\n').pop() ?? '') as Built;
  return { size, dataDir, file: databasePath(dataDir), ...built };
}

export function benchRoot(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'varvet-bench-'));
}

// The child: `tsx tests/bench/school.ts SIZE DIR` builds one school and prints its figures as JSON.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const [size, dataDir] = process.argv.slice(2) as [DemoSize, string];
  console.log(JSON.stringify(await build(size, dataDir)));
}
