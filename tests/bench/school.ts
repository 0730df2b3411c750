// The bench's schools: demo schools of each size, generated once per run into a temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DemoSize } from '../../shared/contract';
import { generateDemo, type DemoSummary } from '../../electron/backend/demo/generate';
import { openDatabase } from '../../electron/backend/db/open';
import { backupDir, databasePath } from '../../electron/backend/paths';

/** A fixed "now" inside a läsår, so every run measures the same data. */
export const BENCH_NOW = new Date('2026-11-23T09:00:00Z');

export interface BenchSchool {
  size: DemoSize;
  dataDir: string;
  file: string;
  summary: DemoSummary;
  generateMs: number;
}

export async function makeSchool(root: string, size: DemoSize): Promise<BenchSchool> {
  const dataDir = path.join(root, size);
  fs.mkdirSync(dataDir, { recursive: true });
  const { db } = await openDatabase({ file: databasePath(dataDir), backupDir: backupDir(dataDir), now: () => BENCH_NOW });
  const start = performance.now();
  const summary = generateDemo(db, { size, now: BENCH_NOW });
  const generateMs = performance.now() - start;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { size, dataDir, file: databasePath(dataDir), summary, generateMs };
}

export function benchRoot(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'varvet-bench-'));
}
