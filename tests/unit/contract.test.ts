import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNELS, contract, isChannel } from '../../shared/contract';
import { mergeChannels, returns } from '../../shared/channels/define';
import { describeZodError, id, isoDate, text } from '../../shared/validation';

describe('the contract', () => {
  it('refuses a channel declared in two areas', () => {
    const spec = { summary: 'x', args: z.object({}), result: returns<null>() };
    expect(() => mergeChannels({ 'a:b': spec }, { 'a:b': spec })).toThrow(/declared twice/);
  });

  it('names every channel area:verb, with a summary and a zod schema for its arguments', () => {
    expect(CHANNELS.length).toBeGreaterThan(5);
    for (const channel of CHANNELS) {
      expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
      expect(contract[channel].summary.length).toBeGreaterThan(10);
      expect(contract[channel].args).toBeInstanceOf(z.ZodType);
    }
    expect(isChannel('toString')).toBe(false);
    expect(isChannel('__proto__')).toBe(false);
  });
});

describe('argument errors name what is wrong', () => {
  const schema = z.object({ insatsId: id, namn: text('Namnet'), datum: isoDate });
  it.each([
    ['a missing id', { namn: 'A', datum: '2026-11-23' }, 'Fältet "insatsId": Id saknas.'],
    ['an id of the wrong type', { insatsId: 'x', namn: 'A', datum: '2026-11-23' }, 'Fältet "insatsId": Id måste vara ett tal.'],
    ['a name of the wrong type', { insatsId: 1, namn: 3, datum: '2026-11-23' }, 'Fältet "namn": Namnet ska vara text.'],
    ['a date of the wrong type', { insatsId: 1, namn: 'A', datum: 20261123 }, 'Fältet "datum": Datumet ska skrivas som text, ÅÅÅÅ-MM-DD.'],
    ['a missing date', { insatsId: 1, namn: 'A' }, 'Fältet "datum": Datum saknas.'],
  ])('%s', (_what, value, message) => {
    const result = schema.safeParse(value);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeZodError(result.error)).toBe(message);
  });
});
