// Durability: a process writing through the backend is killed with SIGKILL mid-stream; the reopened database is
// sound and holds every write that had been acknowledged. VARVET_KILL_RUNS raises the number of runs.
import { spawn } from 'node:child_process';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databasePath } from '../../electron/backend/paths';
import { REPO_ROOT, tempDir } from '../support/tmp';

const RUNS = Number(process.env.VARVET_KILL_RUNS ?? 12);
const WRITER = path.join(REPO_ROOT, 'tests', 'support', 'writer.ts');
const TSX = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function runAndKill(dataDir: string, afterMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, WRITER, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready\n') && !child.killed) setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended without being killed: ${err}`));
      // Only complete lines count: a line cut by the kill was never acknowledged.
      const acked = out
        .split('\n')
        .slice(0, -1)
        .filter((l) => l.startsWith('ack '))
        .map((l) => Number(l.slice(4)));
      resolve(acked);
    });
  });
}

describe('kill -9 while writing', () => {
  it(`keeps every acknowledged write and a sound database over ${RUNS} runs`, async () => {
    const dataDir = tempDir();
    const allAcked: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const acked = await runAndKill(dataDir, 5 + Math.floor(Math.random() * 120));
      allAcked.push(...acked);
      const db = new BetterSqlite3(databasePath(dataDir));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set(db.prepare('SELECT id FROM insats').pluck().all() as number[]);
      const lost = allAcked.filter((id) => !stored.has(id));
      expect(lost, `run ${run}: acknowledged but missing`).toEqual([]);
      db.close();
    }
    expect(allAcked.length).toBeGreaterThan(RUNS); // the writer really wrote between kills
  }, 240_000);
});
