// Timing helpers for `npm run bench`: every figure is a median and p95 over repeated runs, and also a ratio to an
// in-run floor (the bare statement or render the operation cannot beat), so noisy machines still compare.
import { performance } from 'node:perf_hooks';

export interface Stats {
  runs: number;
  medianMs: number;
  p95Ms: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { runs: sorted.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)) };
}

export function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** Runs fn `runs` times after `warmup` untimed runs; fn may be async. */
export async function time(runs: number, fn: (i: number) => unknown, warmup = 1): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

export interface BenchLine {
  name: string;
  stats: Stats;
  /** The floor's median, when the case has one. */
  floorMs?: number;
  ratio?: number;
  targetMs?: number;
  /** 'ms' unless the line measures something else (memory in MB). */
  unit?: 'ms' | 'MB';
  /** met / missed (by how much) / n/a */
  verdict: string;
  note?: string;
}

export function line(
  name: string,
  s: Stats,
  opts: { floor?: Stats; targetMs?: number; note?: string; unit?: 'ms' | 'MB' } = {},
): BenchLine {
  const out: BenchLine = { name, stats: s, verdict: 'n/a' };
  const unit = opts.unit ?? 'ms';
  if (unit !== 'ms') out.unit = unit;
  if (opts.floor) {
    out.floorMs = opts.floor.medianMs;
    out.ratio = opts.floor.medianMs > 0 ? round(s.medianMs / opts.floor.medianMs) : undefined;
  }
  if (opts.targetMs !== undefined) {
    out.targetMs = opts.targetMs;
    out.verdict = s.p95Ms <= opts.targetMs ? 'met' : `missed by ${round(s.p95Ms - opts.targetMs)} ${unit} (p95)`;
  }
  if (opts.note) out.note = opts.note;
  return out;
}

export function formatTable(lines: BenchLine[]): string {
  const header = ['measure', 'median', 'p95', 'floor', 'ratio', 'target', 'verdict'];
  const rows = lines.map((l) => [
    l.name,
    `${l.stats.medianMs} ${l.unit ?? 'ms'}`,
    `${l.stats.p95Ms} ${l.unit ?? 'ms'}`,
    l.floorMs === undefined ? '' : `${l.floorMs} ${l.unit ?? 'ms'}`,
    l.ratio === undefined ? '' : `${l.ratio}×`,
    l.targetMs === undefined ? '' : `≤ ${l.targetMs} ${l.unit ?? 'ms'}`,
    l.verdict + (l.note ? ` (${l.note})` : ''),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

/**
 * The lines whose p95 is past their target by more than their own noise (p95 − median of the same samples): a
 * regression that a busy machine alone does not explain. Named after the table, so it is seen the day it lands.
 */
export function regressions(lines: BenchLine[]): string[] {
  return lines
    .filter((l) => l.targetMs !== undefined && Number.isFinite(l.stats.p95Ms))
    .filter((l) => l.stats.p95Ms - (l.targetMs as number) > Math.max(0, l.stats.p95Ms - l.stats.medianMs))
    .map((l) => `${l.name}: p95 ${l.stats.p95Ms} ${l.unit ?? 'ms'} against ≤ ${l.targetMs} (noise ${round(l.stats.p95Ms - l.stats.medianMs)})`);
}

/** The table, then the verdict: every target met, or the regressions named. */
export function formatReport(lines: BenchLine[]): string {
  const targets = lines.filter((l) => l.targetMs !== undefined);
  const met = targets.filter((l) => l.verdict === 'met').length;
  const named = regressions(lines);
  return [
    formatTable(lines),
    '',
    `Targets met: ${met} of ${targets.length}.`,
    named.length === 0 ? 'No figure is past its target by more than its noise.' : `Past target by more than their noise:\n${named.map((n) => `  - ${n}`).join('\n')}`,
  ].join('\n');
}
