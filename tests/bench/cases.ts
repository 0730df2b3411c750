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
  // The year's last EHT-möte for bedomning:record, the one before it for meeting mode: neither is the next meeting,
  // whose agenda the agenda case measures afterwards.
  const [moteId, moteslageId] = db
    .prepare("SELECT id FROM mote WHERE typ = 'eht' AND status <> 'avslutat' ORDER BY datum DESC LIMIT 2")
    .pluck()
    .all() as number[];
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
  // The same in meeting mode (mote:evaluate): also the meeting log entry for undo and the insats's result change.
  const evaluate = await time(o.runs, async (i) => {
    const reply = await backend.dispatch('mote:evaluate', {
      moteId: moteslageId ?? moteId,
      insatsId: insatser[Math.max(0, i) % insatser.length] as number,
      nyckel: `bench-evaluate-${i}`,
      bedomning: 'kan_ej_bedomas',
      maletNatt: false,
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
  // Floor: one row written and committed; its p95 is the disk's fsync tail, which no evaluation can beat.
  const floor = await time(o.runs, (i) => {
    db.transaction(() => insert.run(insatser[Math.max(0, i) % insatser.length], moteId))();
  });
  backend.close();
  const note = `floor p95 ${floor.p95Ms} ms`;
  return [
    line(`record one evaluation with its audit entry (${school.size})`, record, { floor, targetMs: 2, note }),
    line(`record one evaluation in meeting mode, mote:evaluate (${school.size})`, evaluate, { floor, targetMs: 2, note }),
  ];
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
        const l = line(`backend RSS with ${school.size} school open`, s, { targetMs: 150, unit: 'MB', note: 'floor = a bare Node + tsx process' });
        l.floorMs = Math.round(base / 1024 / 1024);
        l.ratio = Math.round((rss / base) * 100) / 100;
        resolve([l]);
      } catch (error) {
        reject(new Error(`memory case failed: ${out} ${err.slice(-500)} ${String(error)}`));
      }
    });
  });
}

/**
 * The `varvet` command as a user runs it (the bundle in dist/cli): `help`, and `check` on the school, each beside a
 * bare `node -e 0` in the same run. Targets: ≤ 300 ms and ≤ 4× the floor.
 */
export async function cliCase(school: BenchSchool, o: BenchOptions): Promise<BenchLine[]> {
  const { spawnSync } = await import('node:child_process');
  const cli = path.join(REPO_ROOT, 'electron', 'cli', 'varvet.mjs');
  const runs = Math.max(3, Math.min(o.runs, 10));
  const run = (args: string[]) => () => {
    const r = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status} ${r.stderr.slice(0, 200)}`);
  };
  const floor = await time(runs, run(['-e', '0']));
  const help = await time(runs, run([cli, 'help']));
  const check = await time(runs, run([cli, 'check', '--data', school.dataDir]));
  const ratioVerdict = (l: BenchLine) => {
    if (l.ratio !== undefined && l.ratio > 4) l.verdict = l.verdict === 'met' ? `missed: ${l.ratio}× the floor (target ≤ 4×)` : `${l.verdict}; ${l.ratio}× the floor (target ≤ 4×)`;
    return l;
  };
  return [
    ratioVerdict(line(`varvet help (${school.size})`, help, { floor, targetMs: 300, note: 'floor = node -e 0; ≤ 4× it' })),
    ratioVerdict(line(`varvet check (${school.size})`, check, { floor, targetMs: 300, note: 'floor = node -e 0; ≤ 4× it' })),
  ];
}
