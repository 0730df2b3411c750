import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNELS, contract, isChannel } from '../../shared/contract';
import { mergeChannels, returns } from '../../shared/channels/define';

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
