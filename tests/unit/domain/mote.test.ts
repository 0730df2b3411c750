// Meeting mode's small rules: the prefilled text of a follow-on insats and the day it starts.
import { describe, expect, it } from 'vitest';
import { foljdinsatsBeskrivning, nastaSkoldag, skaparFoljdinsats } from '../../../shared/domain/index';

describe('följdinsats', () => {
  it.each([
    ['Läxhjälp i matematik', 'intensifiera', 'Läxhjälp i matematik – intensifierad'],
    ['Läxhjälp i matematik – intensifierad', 'intensifiera', 'Läxhjälp i matematik – intensifierad'],
    ['Läxhjälp i matematik – intensifierad', 'forandra', 'Läxhjälp i matematik – förändrad'],
    ['Läxhjälp i matematik', 'ta_bort', 'Läxhjälp i matematik'],
  ] as const)('%s + %s → %s', (beskrivning, beslut, text) => {
    expect(foljdinsatsBeskrivning(beskrivning, beslut)).toBe(text);
  });

  it('skapas bara vid intensifiera och förändra ("intensifieras", "förändras eller tas bort")', () => {
    expect(['intensifiera', 'forandra', 'ta_bort', 'avsluta', 'komplettera_underlag'].map((b) => skaparFoljdinsats(b as never))).toEqual([true, true, false, false, false]);
  });

  it('startar nästa skoldag efter mötet: fredag → måndag, skärtorsdag → tisdag efter annandag påsk', () => {
    expect(nastaSkoldag('2027-01-14')).toBe('2027-01-15');
    expect(nastaSkoldag('2027-01-15')).toBe('2027-01-18');
    expect(nastaSkoldag('2027-03-25')).toBe('2027-03-30');
  });
});
