// The renderer's one date formatter, the Elev-ID text that tells two pupils apart, and the EHT-möten page's heading.
import { describe, expect, it } from 'vitest';
import { datum, elevIdText, elevValText, fodelsear } from '../../../renderer/src/format';
import { nastaMoteRubrik } from '../../../renderer/src/mote/vy';

describe('datum', () => {
  it('reads "fredag 21 augusti", with the year only when it is not this year, and never throws', () => {
    expect(datum('2026-08-21', '2026-11-02')).toBe('fredag 21 augusti');
    expect(datum('2027-01-08', '2026-11-02')).toBe('fredag 8 januari 2027');
    expect(datum(null)).toBe('');
    expect(datum('2026-02-30', '2026-11-02')).toBe('2026-02-30');
    expect(datum('inte ett datum')).toBe('inte ett datum');
  });
});

describe('Elev-ID', () => {
  it('shows the id, and the year of birth where the id is a personnummer', () => {
    expect(elevIdText({ externId: 'E24030' })).toBe('Elev-ID E24030');
    expect(elevIdText({ externId: '20130412-1234' })).toBe('Elev-ID 20130412-1234, född 2013');
    expect(elevIdText({ externId: null })).toBe('');
    expect(fodelsear('130412-1234', 2026)).toBe(2013);
    expect(fodelsear('20131312-1234')).toBeNull();
    const a = { fornamn: 'Alva', efternamn: 'Karlsson', klass: '7A', externId: 'E1' };
    const b = { ...a, externId: 'E2' };
    expect(elevValText(a)).toBe('Karlsson, Alva (7A, Elev-ID E1)');
    expect(elevValText(a)).not.toBe(elevValText(b));
  });
});

describe('nastaMoteRubrik', () => {
  it('never calls a meeting whose date has passed "Nästa möte"', () => {
    expect(nastaMoteRubrik('2026-11-02', '2026-11-02')).toBe('Nästa möte');
    expect(nastaMoteRubrik('2026-12-01', '2026-11-02')).toBe('Nästa möte');
    expect(nastaMoteRubrik('2026-10-01', '2026-11-02')).not.toMatch(/Nästa/);
  });
});
