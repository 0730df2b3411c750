// shared/domain/status.ts: one definition of held, next and active (issue 15, item 11).
import { describe, expect, it } from 'vitest';
import { arAktiv, arHallet, nastaMote, resultatdialogStatus } from '../../shared/domain/status';

const IDAG = '2026-11-23';

describe('held, next and active', () => {
  it.each([
    [{ status: 'avslutat', datum: '2026-11-20' }, true],
    [{ status: 'avslutat', datum: IDAG }, true],
    [{ status: 'avslutat', datum: '2026-12-10' }, false],
    [{ status: 'pagar', datum: '2026-11-20' }, false],
    [{ status: 'avslutat', datum: null }, false],
  ])('held: %o → %s', (m, held) => expect(arHallet(m, IDAG)).toBe(held));

  it('a varv’s resultatdialog is held when all its dialogues are, under way when some are', () => {
    const d = (status: 'planerad' | 'genomford', datum = '2026-11-20') => ({ status, datum });
    expect(resultatdialogStatus([d('genomford'), d('planerad'), d('planerad'), d('planerad')], IDAG, 'avslutat')).toBe('pagar');
    expect(resultatdialogStatus([d('genomford'), d('genomford')], IDAG, 'planerat')).toBe('avslutat');
    expect(resultatdialogStatus([d('genomford', '2026-12-01')], IDAG, 'planerat')).toBe('planerat');
    expect(resultatdialogStatus([], IDAG, 'avslutat')).toBe('avslutat');
  });

  it('next: the meeting under way before the EHT-möte; else the first not held from today, in varv order', () => {
    const moten = [
      { typ: 'resultatdialog' as const, datum: '2026-11-20', status: 'pagar' },
      { typ: 'eht' as const, datum: '2026-11-26', status: 'planerat' },
    ];
    expect(nastaMote(moten, IDAG)?.typ).toBe('resultatdialog');
    const planerade = [
      { typ: 'avstamning' as const, datum: '2026-12-01', status: 'planerat' },
      { typ: 'eht' as const, datum: '2026-12-01', status: 'planerat' },
      { typ: 'eht' as const, datum: '2026-11-10', status: 'planerat' },
    ];
    expect(nastaMote(planerade, IDAG)?.typ).toBe('eht');
    expect(nastaMote(planerade, IDAG)?.datum).toBe('2026-12-01');
    expect(nastaMote([{ typ: 'eht', datum: '2026-11-10', status: 'avslutat' }], IDAG)).toBeNull();
  });

  it('active: an insats starting tomorrow is not active today', () => {
    expect(arAktiv({ status: 'aktiv', startdatum: '2026-11-24' }, IDAG)).toBe(false);
    expect(arAktiv({ status: 'aktiv', startdatum: IDAG }, IDAG)).toBe(true);
    expect(arAktiv({ status: 'avslutad', startdatum: '2026-11-01' }, IDAG)).toBe(false);
  });
});
