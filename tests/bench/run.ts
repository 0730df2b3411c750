// `npm run bench`: builds the demo schools in a temp folder, measures, prints a table and writes
// bench/results.json. A benchmark, not a test: nothing here fails on a slow figure; tests/db/bench-smoke.test.ts
// runs it small so it cannot rot. Options: --sizes s,m,l,xl  --runs N  --out FILE  --no-browser
// --only CASE[,CASE] (cli, open, evaluation, agenda, analysis, import, documents, memory, browser: the rest is skipped)
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DemoSize } from '../../shared/contract';
import { REPO_ROOT } from '../support/tmp';
import { agendaOnScreenCase, coldStartCase } from './browser';
import { cliCase, evaluationCase, memoryCase, openCase } from './cases';
import { importCase } from './importCase';
import { agendaCase, analysisCase, documentsCase } from './meetingCases';
import { formatReport, line, stats, type BenchLine } from './measure';
import { benchRoot, makeSchool, type BenchSchool } from './school';

export interface BenchResult {
  date: string;
  commit: string;
  machine: { cpu: string; cores: number; memoryGb: number; node: string; platform: string };
  schools: { size: DemoSize; generateMs: number; rows: Record<string, number> }[];
  lines: BenchLine[];
}

function gitCommit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** One failing case is reported as a line with its reason; the rest of the bench still runs. */
async function safely(name: string, run: () => Promise<BenchLine[]>): Promise<BenchLine[]> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return [{ name, stats: { runs: 0, medianMs: NaN, p95Ms: NaN }, verdict: `failed: ${message}` }];
  }
}

export const BENCH_CASES = ['cli', 'open', 'evaluation', 'agenda', 'analysis', 'import', 'documents', 'memory', 'browser'] as const;
export type BenchCase = (typeof BENCH_CASES)[number];

export async function runBench(options: { sizes: DemoSize[]; runs: number; browser: boolean; only?: readonly BenchCase[]; log?: (s: string) => void }): Promise<BenchResult> {
  const log = options.log ?? ((s: string) => console.log(s));
  const wanted = (c: BenchCase) => !options.only || options.only.length === 0 || options.only.includes(c);
  const root = benchRoot();
  const lines: BenchLine[] = [];
  const schools: BenchSchool[] = [];
  try {
    for (const size of options.sizes) {
      log(`Skapar demoskola ${size}…`);
      const school = await makeSchool(root, size);
      schools.push(school);
      lines.push(line(`generate demo school (${size})`, stats([school.generateMs]), { note: `${school.summary.resultat} resultat` }));
    }
    const largest = schools[schools.length - 1];
    if (!largest) throw new Error('no sizes');
    const smallestSchool = schools[0];
    if (smallestSchool && wanted('cli')) lines.push(...(await safely('cli', () => cliCase(smallestSchool, { runs: options.runs }))));
    const growth: { size: DemoSize; agenda: number; analysis: number; insatser: number }[] = [];
    for (const school of schools) {
      log(`Mäter ${school.size}…`);
      if (wanted('open')) lines.push(...(await openCase(school, { runs: options.runs })));
      if (wanted('evaluation')) lines.push(...(await evaluationCase(school, { runs: options.runs * 5 })));
      const agenda = wanted('agenda') ? await agendaCase(school, options.runs) : [];
      const analysis = wanted('analysis') ? await analysisCase(school, Math.max(3, Math.round(options.runs / 2))) : [];
      lines.push(...agenda, ...analysis);
      // The agenda's note says how many insatser it holds: the work a current varv really has.
      const insatser = Number(/(\d+) insatser/.exec(agenda[1]?.note ?? '')?.[1] ?? NaN);
      growth.push({ size: school.size, agenda: agenda[1]?.stats.medianMs ?? NaN, analysis: analysis[0]?.stats.medianMs ?? NaN, insatser });
    }
    const smallest = growth[0];
    if (smallest && growth.length > 1 && wanted('agenda') && wanted('analysis')) {
      for (const g of growth.slice(1)) {
        lines.push(
          line(`growth ${smallest.size} → ${g.size}: agenda`, stats([g.agenda]), {
            note:
              `${Math.round((g.agenda / smallest.agenda) * 10) / 10}× the ${smallest.size} figure; per insats of the current varv ` +
              `${Math.round(((g.agenda / g.insatser) / (smallest.agenda / smallest.insatser)) * 10) / 10}× (${smallest.insatser} → ${g.insatser} insatser)`,
          }),
          line(`growth ${smallest.size} → ${g.size}: criteria summary`, stats([g.analysis]), { note: `${Math.round((g.analysis / smallest.analysis) * 10) / 10}× the ${smallest.size} figure` }),
        );
      }
    }
    log('Mäter import, dokument och minne…');
    if (wanted('import')) lines.push(...(await safely('import', () => importCase(largest, options.runs))));
    if (wanted('documents')) lines.push(...(await safely('documents', () => documentsCase(largest, Math.max(2, Math.min(options.runs, 5))))));
    if (wanted('memory')) lines.push(...(await safely('memory', () => memoryCase(largest))));
    if (options.browser && wanted('browser')) {
      log('Mäter i Chromium…');
      const browserRuns = Math.max(1, Math.min(options.runs, 5));
      lines.push(...(await safely('cold start', () => coldStartCase(largest, browserRuns))));
      lines.push(...(await safely('agenda on screen', () => agendaOnScreenCase(largest, browserRuns))));
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return {
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGb: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
      platform: `${process.platform} ${os.release()}`,
    },
    schools: schools.map((s) => ({ size: s.size, generateMs: Math.round(s.generateMs), rows: s.summary })),
    lines,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: 's,m,l,xl' },
      runs: { type: 'string', default: '20' },
      out: { type: 'string', default: path.join(REPO_ROOT, 'bench', 'results.json') },
      'no-browser': { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  const sizes = (values.sizes ?? '').split(',') as DemoSize[];
  const only = values.only ? values.only.split(',') : [];
  const unknown = only.filter((c) => !(BENCH_CASES as readonly string[]).includes(c));
  if (unknown.length > 0) throw new Error(`--only: unknown case ${unknown.join(', ')} (one of ${BENCH_CASES.join(', ')})`);
  const result = await runBench({ sizes, runs: Number(values.runs), browser: !values['no-browser'], only: only as BenchCase[] });
  console.log(`\nVarvet bench ${result.date} · ${result.commit} · ${result.machine.cpu} × ${result.machine.cores}\n`);
  console.log(formatReport(result.lines));
  fs.mkdirSync(path.dirname(values.out ?? ''), { recursive: true });
  fs.writeFileSync(values.out ?? '', `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nSkrev ${path.relative(process.cwd(), values.out ?? '')}`);
}
