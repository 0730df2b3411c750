import { describe, expect, it } from 'vitest';
import { schemaCommand } from '../../../electron/cli/commands/schema';
import { AppError } from '../../../shared/errors';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

async function refusal(argv: string[]): Promise<AppError> {
  const { io } = capture();
  try {
    await schemaCommand.run(argv, io);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const YEAR = ['--start', '2026-08-17', '--end', '2027-06-11'];

describe('varvet schema', () => {
  it('prints a Swedish table with week numbers, dates and lov weeks', async () => {
    const { io, out } = capture();
    expect(await schemaCommand.run([...YEAR, '--varv', '6'], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('6 varv om 5 skolveckor');
    expect(text).toContain('Första EHT-mötet: v. 34, torsdag 20 augusti (2026-08-20)');
    expect(text).toMatch(/Varv\s+Period\s+Bedömningar senast\s+Resultatdialog\s+EHT-möte\s+Avstämning/);
    expect(text).toMatch(/^2\s+v\. 43–48 \(2026-10-19 – 2026-11-27\)\s+v\. 45 6 nov\.\s+v\. 46 10 nov\.\s+v\. 47 19 nov\.\s+v\. 48 24 nov\.$/m);
    expect(text).toContain('Varv 1:s EHT-möte, den första uppföljningen, ligger 6 veckor efter första EHT-mötet (minst 6: utredningsgränsen 5 veckor plus en vecka; 2 skolveckor före varv 1 hålls fria för det).');
    expect(text).toContain('v. 44  Höstlov');
    expect(text).toContain('v. 13  Påsklov');
    expect(out.filter((l) => /^\d\s+v\./.test(l))).toHaveLength(6);
    expect(text).toContain('6 skolveckor ingår inte i något varv');
  });

  it('prints the same data as JSON with --json', async () => {
    const { io, out } = capture();
    expect(await schemaCommand.run([...YEAR, '--varv', '5', '--langd', '5', '--json'], io)).toBe(0);
    const data = JSON.parse(out.join('\n')) as { ok: boolean; antalVarv: number; varv: { nummer: number; eht: { vecka: number } }[]; lov: unknown[] };
    expect(data.ok).toBe(true);
    expect(data.antalVarv).toBe(5);
    expect(data.varv.map((v) => v.nummer)).toEqual([1, 2, 3, 4, 5]);
    expect(data.varv[0]?.eht.vecka).toBe(40);
    expect(data.lov).toHaveLength(4);
  });

  it('defaults to varv of 5 weeks, as a new school and the demo plan them', async () => {
    const { io, out } = capture();
    expect(await schemaCommand.run([...YEAR, '--varv', '6', '--json'], io)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ ok: true, antalVarv: 6, varvLangdVeckor: 5 });
  });

  it('with --json prints a refusal as JSON on stdout, with what would fit, and exits 1', async () => {
    const { io, out, err } = capture();
    expect(await schemaCommand.run(['--start', '2026-08-17', '--end', '2027-05-11', '--varv', '6', '--langd', '6', '--json'], io)).toBe(1);
    const data = JSON.parse(out.join('\n')) as { ok: boolean; fel: string; ryms: unknown[]; antalVarv: number; varvLangdVeckor: number };
    expect(data).toMatchObject({ ok: false, antalVarv: 6, varvLangdVeckor: 6 });
    expect(data.fel).toMatch(/^Läsåret rymmer inte 6 varv om 6 veckor/);
    expect(data.ryms).toEqual([
      { antalVarv: 6, varvLangdVeckor: 5 },
      { antalVarv: 5, varvLangdVeckor: 6 },
      { antalVarv: 5, varvLangdVeckor: 5 },
    ]);
    expect(err).toEqual([data.fel]);
  });

  it.each([
    ['5', 6, 40],
    ['6', 7, 41],
  ])('with --utredning %s puts varv 1\'s EHT-möte %i weeks after the första (v. %i)', async (troskel, veckor, vecka) => {
    const { io, out } = capture();
    expect(await schemaCommand.run([...YEAR, '--varv', '6', '--utredning', troskel, '--json'], io)).toBe(0);
    const data = JSON.parse(out.join('\n')) as { veckorTillForstaUppfoljning: number; varv: { eht: { vecka: number } }[] };
    expect([data.veckorTillForstaUppfoljning, data.varv[0]?.eht.vecka]).toEqual([veckor, vecka]);
  });

  it('accepts a första EHT-möte date', async () => {
    const { io, out } = capture();
    await schemaCommand.run([...YEAR, '--varv', '5', '--forsta-eht', '2026-06-10'], io);
    expect(out.join('\n')).toContain('Första EHT-mötet: v. 24, onsdag 10 juni (2026-06-10)');
  });

  it.each<[string, string[], string, string]>([
    ['a missing start', ['--end', '2027-06-11', '--varv', '6'], 'invalid_argument', 'Ange läsårets första dag med --start ÅÅÅÅ-MM-DD.'],
    ['a missing --varv', YEAR, 'invalid_argument', 'Ange antalet varv med --varv 5 eller --varv 6.'],
    ['7 varv', [...YEAR, '--varv', '7'], 'invalid_argument', '--varv måste vara 5 eller 6, inte "7".'],
    ['a bad date', ['--start', '2026-13-01', '--end', '2027-06-11', '--varv', '6'], 'invalid_argument', '--start 2026-13-01 är inte ett datum skrivet som ÅÅÅÅ-MM-DD.'],
    [
      'a year too short',
      ['--start', '2026-08-17', '--end', '2027-05-11', '--varv', '6', '--langd', '6'],
      'rule_violation',
      'Läsåret rymmer inte 6 varv om 6 veckor: efter första EHT-mötet finns 32 skolveckor utanför loven, men det behövs 37 (36 för varven och 1 före varv 1, så att varv 1:s EHT-möte – den första uppföljningen av insatserna från första EHT-mötet – ligger minst 6 veckor efter första EHT-mötet: utredningsgränsen 5 veckor plus en vecka). Det som ryms: 6 varv om 5 veckor, 5 varv om 6 veckor eller 5 varv om 5 veckor.',
    ],
  ])('refuses %s with a Swedish AppError', async (_, argv, code, message) => {
    const error = await refusal(argv);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  it('refuses an unknown option', async () => {
    const error = await refusal([...YEAR, '--varv', '6', '--okand']);
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toMatch(/^Okänt eller felaktigt argument .*Använd: varvet schema/);
  });
});
