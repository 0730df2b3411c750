// `npm run bench` at the smallest size, so the benchmark cannot rot. Nothing is timed against a target here.
import { expect, it } from 'vitest';
import { formatReport, formatTable } from '../bench/measure';
import { runBench } from '../bench/run';

it('the bench runs end to end at size s and reports every line with figures', async () => {
  const result = await runBench({ sizes: ['s'], runs: 2, browser: true, log: () => undefined });
  expect(result.machine.cores).toBeGreaterThan(0);
  expect(result.schools[0]?.rows.elev).toBeGreaterThan(50);
  const names = result.lines.map((l) => l.name);
  for (const expected of ['varvet help', 'varvet check', 'generate demo school', 'open database', 'record one evaluation', 'backend RSS', 'cold start', 'agenda on screen after its data']) {
    expect(names.some((n) => n.includes(expected)), expected).toBe(true);
  }
  for (const l of result.lines) {
    expect(l.verdict, l.name).not.toMatch(/^failed/);
    expect(Number.isFinite(l.stats.medianMs), l.name).toBe(true);
    expect(l.stats.p95Ms).toBeGreaterThanOrEqual(l.stats.medianMs);
  }
  expect(formatTable(result.lines)).toContain('verdict');
  expect(formatReport(result.lines)).toMatch(/Targets met: \d+ of \d+\./);
}, 180_000);
