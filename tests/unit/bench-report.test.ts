// The bench's verdict (tests/bench/measure.ts): a figure past its target by more than its own noise is named.
import { expect, it } from 'vitest';
import { formatReport, line, regressions } from '../bench/measure';

it('names a figure past its target by more than its noise, and not one within its noise', () => {
  const lines = [
    line('steady and far past', { runs: 10, medianMs: 5, p95Ms: 5.5 }, { targetMs: 2 }),
    line('noisy, past by less than its spread', { runs: 10, medianMs: 1, p95Ms: 3 }, { targetMs: 2 }),
    line('met', { runs: 10, medianMs: 1, p95Ms: 1.5 }, { targetMs: 2 }),
    line('no target', { runs: 10, medianMs: 50, p95Ms: 60 }),
  ];
  expect(regressions(lines)).toEqual(['steady and far past: p95 5.5 ms against ≤ 2 (noise 0.5)']);
  const report = formatReport(lines);
  expect(report).toContain('Targets met: 1 of 3.');
  expect(report).toContain('Past target by more than their noise:\n  - steady and far past');
  expect(formatReport([lines[2] as (typeof lines)[number]])).toContain('No figure is past its target by more than its noise.');
});
