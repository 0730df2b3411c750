// The gallring rule: which pupils who left are due, given their leaving date, today and the school's years.
import { describe, expect, it } from 'vitest';
import { arGallringsbar, gallringsbaraElever, gallringsgrans } from '../../../shared/domain/gallring';
import { DEFAULT_INSTALLNINGAR, skolInstallningarSchema } from '../../../shared/domain/settings';

describe('gallring rule', () => {
  it('defaults to 3 years and accepts 1–10', () => {
    expect(DEFAULT_INSTALLNINGAR.gallringAr).toBe(3);
    expect(skolInstallningarSchema.safeParse({ gallringAr: 0 }).success).toBe(false);
    expect(skolInstallningarSchema.safeParse({ gallringAr: 11 }).success).toBe(false);
    expect(skolInstallningarSchema.parse({ gallringAr: 10 }).gallringAr).toBe(10);
  });

  it('is due exactly on the day the years have passed, not a day before', () => {
    expect(gallringsgrans('2026-11-23', 3)).toBe('2023-11-23');
    expect(arGallringsbar({ id: 1, aktiv: false, slutat: '2023-11-23' }, '2026-11-23', 3)).toBe(true);
    expect(arGallringsbar({ id: 1, aktiv: false, slutat: '2023-11-24' }, '2026-11-23', 3)).toBe(false);
    expect(arGallringsbar({ id: 1, aktiv: false, slutat: '2023-11-24' }, '2026-11-24', 3)).toBe(true);
  });

  it('never removes an active pupil or one without a leaving date', () => {
    expect(arGallringsbar({ id: 1, aktiv: true, slutat: '2010-01-01' }, '2026-11-23', 1)).toBe(false);
    expect(arGallringsbar({ id: 1, aktiv: false, slutat: null }, '2026-11-23', 1)).toBe(false);
  });

  it('handles a leap day and lists due pupils in id order', () => {
    expect(gallringsgrans('2028-02-29', 1)).toBe('2027-02-28');
    const elever = [
      { id: 9, aktiv: false, slutat: '2020-06-10' },
      { id: 2, aktiv: false, slutat: '2022-06-10' },
      { id: 5, aktiv: false, slutat: '2025-06-10' },
      { id: 7, aktiv: true, slutat: null },
    ];
    expect(gallringsbaraElever(elever, '2026-11-23', 3)).toEqual([2, 9]);
    expect(gallringsbaraElever(elever, '2026-11-23', 1)).toEqual([2, 5, 9]);
  });
});
