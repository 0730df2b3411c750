// The measured operations. Each returns bench lines; cases for later features are added here as they land.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DatabaseConstructor as BetterSqlite3 } from '../../electron/backend/db/driver';
import { createBackend } from '../../electron/backend/backend';
import { openDatabase } from '../../electron/backend/db/open';
import { backupDir } from '../../electron/backend/paths';
import { line, time, type BenchLine } from './measure';
import { BENCH_NOW, type BenchSchool } from './school';
import { REPO_ROOT } from '../support/tmp';

export interface BenchOptions {
  runs: number;
}

export async function openCase(school: BenchSchool, o: BenchOptions): Promise<BenchLine[]> {
  const floor = await time(o.runs, () => {
    const db = new BetterSqlite3(school.file);
    db.pragma('user_version');
    db.close();
  });
  const open = await time(o.runs, async () => {
    const { db } = await openDatabase({ file: school.file, backupDir: backupDir(school.dataDir), now: () => BENCH_NOW });
    db.close();
  });
  return [line(`open database + migrations check (${school.size})`, open, { floor })];
}

export async function evaluationCase(school: BenchSchool, o: BenchOptions): Promise<BenchLine[]> {
  const backend = await createBackend({ dataDir: school.dataDir, mode: 'browser', now: () => BENCH_NOW });
  const db = backend.context.db;
  const insatser = db.prepare("SELECT id FROM insats WHERE status = 'aktiv' ORDER BY id LIMIT ?").pluck().all(o.runs + 1) as number[];
  const moteId = db.prepare("SELECT id FROM mote WHERE typ = 'eht' ORDER BY datum DESC LIMIT 1").pluck().get() as number;
  // Kan ej bedömas → komplettera underlag keeps the insats active, so the bench does not use up its data.
  const record = await time(o.runs, async (i) => {
    const insatsId = insatser[Math.max(0, i) % insatser.length] as number;
    const reply = await backend.dispatch('bedomning:record', {
      insatsId,
      moteId,
      bedomning: 'kan_ej_bedomas',
      beslut: 'komplettera_underlag',
      underlag: 'Bänkmätning',
    });
    if (!reply.ok) throw new Error(reply.error.message);
  });
  const insert = db.prepare(
    `INSERT INTO effektbedomning (insats_id, mote_id, datum, bedomning, rekommendation, beslut, skapad)
     VALUES (?, ?, '2026-11-23', 'kan_ej_bedomas', 'komplettera_underlag', 'komplettera_underlag', '')
     ON CONFLICT (insats_id, mote_id) DO UPDATE SET underlag = excluded.underlag`,
  );
  const floor = await time(o.runs, (i) => {
    db.transaction(() => insert.run(insatser[Math.max(0, i) % insatser.length], moteId))();
  });
  backend.close();
  return [line(`record one evaluation with its audit entry (${school.size})`, record, { floor, targetMs: 2 })];
}

/** Backend RSS with the school open, measured in a fresh process so the bench's own memory does not count. */
export function memoryCase(school: BenchSchool): Promise<BenchLine[]> {
  const script = `
    import { createBackend } from ${JSON.stringify(path.join(REPO_ROOT, 'electron/backend/backend.ts'))};
    const base = process.memoryUsage().rss;
    const b = await createBackend({ dataDir: ${JSON.stringify(school.dataDir)}, mode: 'browser' });
    for (const c of ['oversikt:get', 'elev:list', 'personal:list']) await b.dispatch(c, {});
    console.log(JSON.stringify({ base, rss: process.memoryUsage().rss }));
    b.close();`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), '--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', () => {
      try {
        const { base, rss } = JSON.parse(out.trim().split('\n').pop() ?? '') as { base: number; rss: number };
        const mb = rss / 1024 / 1024;
        const s = { runs: 1, medianMs: Math.round(mb), p95Ms: Math.round(mb) };
        const l = line(`backend RSS with ${school.size} school open`, s, { targetMs: 200, unit: 'MB', note: 'floor = a bare Node + tsx process' });
        l.floorMs = Math.round(base / 1024 / 1024);
        l.ratio = Math.round((rss / base) * 100) / 100;
        resolve([l]);
      } catch (error) {
        reject(new Error(`memory case failed: ${out} ${err.slice(-500)} ${String(error)}`));
      }
    });
  });
}
