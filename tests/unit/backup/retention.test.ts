// The retention policy of backups (shared/domain/backupRetention.ts), as properties over random histories.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, selectBackupsToKeep, type RetainedBackup } from '../../../shared/domain/backupRetention';

const NOW = new Date('2026-10-05T12:00:00Z');
const HOUR = 3_600_000;
const REASONS = ['start', 'intervall', 'manuell', 'fore-import', 'fore-migrering', 'fore-aterstallning'];

const history = fc
  .array(fc.record({ ageHours: fc.double({ min: -2, max: 24 * 120, noNaN: true }), reason: fc.constantFrom(...REASONS) }), { maxLength: 120 })
  .map((items) =>
    items.map(
      (b, i): RetainedBackup => ({ file: `b${i}.sqlite`, time: new Date(NOW.getTime() - b.ageHours * HOUR).toISOString(), reason: b.reason }),
    ),
  );

const newestOf = (bs: RetainedBackup[]) => [...bs].sort((a, b) => Date.parse(b.time) - Date.parse(a.time) || (a.file < b.file ? 1 : -1))[0];

describe('selectBackupsToKeep', () => {
  it('always keeps the newest backup, and the newest taken before a restore or a migration', () => {
    fc.assert(
      fc.property(history, (bs) => {
        const keep = selectBackupsToKeep(bs, NOW);
        const newest = newestOf(bs);
        if (newest) expect(keep.has(newest.file)).toBe(true);
        for (const reason of DEFAULT_RETENTION.alwaysKeepNewestOf) {
          const n = newestOf(bs.filter((b) => b.reason === reason));
          if (n) expect(keep.has(n.file)).toBe(true);
        }
      }),
    );
  });

  it('keeps only files it was given, and never more than the policy allows', () => {
    const p = DEFAULT_RETENTION;
    const max = 1 + p.recentMax + p.days + p.weeks + p.alwaysKeepNewestOf.length;
    fc.assert(
      fc.property(history, (bs) => {
        const keep = selectBackupsToKeep(bs, NOW);
        for (const f of keep) expect(bs.some((b) => b.file === f)).toBe(true);
        expect(keep.size).toBeLessThanOrEqual(max);
      }),
    );
  });

  it('is stable: applying it to what it kept keeps all of it', () => {
    fc.assert(
      fc.property(history, (bs) => {
        const keep = selectBackupsToKeep(bs, NOW);
        const again = selectBackupsToKeep(bs.filter((b) => keep.has(b.file)), NOW);
        expect([...again].sort()).toEqual([...keep].sort());
      }),
    );
  });

  it('does not depend on the order of the list', () => {
    fc.assert(
      fc.property(history, fc.integer(), (bs, seed) => {
        const shuffled = [...bs].sort((a, b) => ((a.file.length * seed) ^ a.file.charCodeAt(1)) - ((b.file.length * seed) ^ b.file.charCodeAt(1)));
        expect([...selectBackupsToKeep(shuffled, NOW)].sort()).toEqual([...selectBackupsToKeep(bs, NOW)].sort());
      }),
    );
  });

  it('keeps one backup for each of the last 14 days and each of the last 8 weeks that had any', () => {
    fc.assert(
      fc.property(history, (bs) => {
        const keep = selectBackupsToKeep(bs, NOW);
        const age = (b: RetainedBackup) => Math.max(0, NOW.getTime() - Date.parse(b.time));
        for (let d = 0; d < 14; d++) {
          const that = bs.filter((b) => Math.floor(age(b) / (24 * HOUR)) === d);
          if (that.length) expect(that.some((b) => keep.has(b.file))).toBe(true);
        }
        for (let w = 0; w < 8; w++) {
          const that = bs.filter((b) => Math.floor(age(b) / (7 * 24 * HOUR)) === w);
          if (that.length) expect(that.some((b) => keep.has(b.file))).toBe(true);
        }
      }),
    );
  });

  it('keeps the 10 newest of the last 24 hours and prunes the rest of that day', () => {
    const bs = Array.from({ length: 30 }, (_, i) => ({ file: `h${String(i).padStart(2, '0')}`, time: new Date(NOW.getTime() - i * 0.5 * HOUR).toISOString() }));
    const keep = selectBackupsToKeep(bs, NOW);
    // All 30 are from the last 15 hours (day 0, week 0): exactly the 10 newest stay.
    expect([...keep].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `h0${i}`));
    expect(selectBackupsToKeep([], NOW).size).toBe(0);
  });
});
