// Runs the kill -9 harness outside the test suite: npx tsx tests/support/kill9-cli.ts --runs 2000 [--seed N] [--lanes 2]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runKillHarness } from './killHarness';

const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' }, lanes: { type: 'string' } } });
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'varvet-kill9-'));
const seed = Number(values.seed ?? Date.now() % 2 ** 31);
const report = await runKillHarness({
  runs: Number(values.runs ?? 300),
  seed,
  lanes: Number(values.lanes ?? 2),
  workDir,
  log: (line) => console.log(line),
});
console.log(JSON.stringify({ seed, ...report, failures: report.failures.slice(0, 20) }, null, 2));
if (report.failures.length === 0) fs.rmSync(workDir, { recursive: true, force: true });
else console.log(`Data kept in ${workDir}`);
process.exit(report.failures.length === 0 ? 0 : 1);
