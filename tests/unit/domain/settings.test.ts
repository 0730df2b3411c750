import { describe, expect, it } from 'vitest';
import { describeZodError } from '../../../shared/validation';
import {
  AMNE_KODER,
  amneNamn,
  DEFAULT_INSTALLNINGAR,
  GRUNDSKOLA_AMNEN,
  isEjNadd,
  RESULTAT_NIVAER,
  regelInstallningarAndring,
  skalaForArskurs,
  skolInstallningarSchema,
  tidigNivaText,
  type ResultatNiva,
} from '../../../shared/domain/index';

describe('skolInstallningarSchema', () => {
  it('parses {} to every default', () => {
    expect(skolInstallningarSchema.parse({})).toEqual({
      utredningTroskelVeckor: 5,
      utredningDeadlineDagar: 21,
      antalVarv: 6,
      varvLangdVeckor: 5,
      lararmonsterMinAntal: 3,
      lararmonsterMarginal: 0.2,
      lov: null,
      betygFranArskurs: 6,
      prognosArskurser: [7, 8, 9],
      tidigSkala: { ej_natt: 'Ej nått', pa_vag: 'På väg', natt: 'Nått' },
      kriterierPerAmne: 5,
      lasEfterMinuter: 10,
      gallringAr: 3,
    });
    expect(DEFAULT_INSTALLNINGAR).toEqual(skolInstallningarSchema.parse({}));
  });

  it('keeps given values and fills the rest', () => {
    const s = skolInstallningarSchema.parse({ utredningTroskelVeckor: 6, tidigSkala: { pa_vag: 'Nästan' } });
    expect(s.utredningTroskelVeckor).toBe(6);
    expect(s.tidigSkala).toEqual({ ej_natt: 'Ej nått', pa_vag: 'Nästan', natt: 'Nått' });
    expect(s.antalVarv).toBe(6);
  });

  it.each<[string, unknown, string]>([
    ['a threshold of 4 weeks', { utredningTroskelVeckor: 4 }, 'Fältet "utredningTroskelVeckor": Veckor innan beslut om utredning måste vara minst 5.'],
    ['a threshold of 7 weeks', { utredningTroskelVeckor: 7 }, 'Fältet "utredningTroskelVeckor": Veckor innan beslut om utredning får vara högst 6.'],
    ['7 varv', { antalVarv: 7 }, 'Fältet "antalVarv": Antal varv får vara högst 6.'],
    ['a fractional count', { lararmonsterMinAntal: 2.5 }, 'Fältet "lararmonsterMinAntal": Minsta antal elever för lärarmönster måste vara ett heltal.'],
    ['a margin above 1', { lararmonsterMarginal: 1.5 }, 'Fältet "lararmonsterMarginal": Marginalen får vara högst 1 (100 procentenheter).'],
    ['a text where a number belongs', { utredningDeadlineDagar: '21' }, 'Fältet "utredningDeadlineDagar": Dagar till utredningens deadline måste vara ett tal.'],
    ['a lov ending before it starts', { lov: [{ typ: 'hostlov', namn: 'Höstlov', fran: '2026-10-30', till: '2026-10-26' }] }, 'Fältet "lov.0.till": Lovet kan inte sluta före det börjar.'],
    ['an empty early-years label', { tidigSkala: { pa_vag: '  ' } }, 'Fältet "tidigSkala.pa_vag": Benämningen för "på väg" får inte vara tom.'],
    ['two early-years levels with the same label', { tidigSkala: { pa_vag: 'nått' } }, 'Fältet "tidigSkala": De tre nivåerna i den tidiga skalan behöver olika benämningar.'],
    ['betyg from årskurs 10', { betygFranArskurs: 10 }, 'Fältet "betygFranArskurs": Betyg ges från årskurs 6 eller tidigare (från årskurs 4 eller 5 om rektorn beslutar det), inte senare.'],
    ['betyg from årskurs 3 (prop. 2020/21:58)', { betygFranArskurs: 3 }, 'Fältet "betygFranArskurs": Betyg ges från årskurs 6, eller från årskurs 4 eller 5 om rektorn beslutar det, aldrig i årskurs 1–3.'],
    ['betyg from årskurs 1', { betygFranArskurs: 1 }, 'Fältet "betygFranArskurs": Betyg ges från årskurs 6, eller från årskurs 4 eller 5 om rektorn beslutar det, aldrig i årskurs 1–3.'],
    ['a prognosis without årskurser', { prognosArskurser: [] }, 'Fältet "prognosArskurser": Prognosen behöver minst en årskurs.'],
    ['a prognosis årskurs twice', { prognosArskurser: [8, 8] }, 'Fältet "prognosArskurser": En årskurs får bara stå en gång i prognosen.'],
    ['an unknown lov type', { lov: [{ typ: 'sommarlov', namn: 'Sommar', fran: '2026-06-15', till: '2026-08-14' }] }, 'Fältet "lov.0.typ": Okänd typ av lov.'],
  ])('refuses %s in Swedish', (_, value, message) => {
    const result = skolInstallningarSchema.safeParse(value);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeZodError(result.error)).toBe(message);
  });

  it('keeps the stored varv length of an existing school: only a missing field takes the new default of 5 weeks', () => {
    expect(skolInstallningarSchema.parse({ varvLangdVeckor: 6 }).varvLangdVeckor).toBe(6);
    expect(skolInstallningarSchema.parse({}).varvLangdVeckor).toBe(5);
  });

  it.each<[string, unknown, string]>([
    ['the lov (edited on Förberedelse, steg 3)', { lov: [] }, 'Inställningen lov kan inte ändras här: lov, antal varv och varvens längd ändras under Förberedelse, steg 3'],
    ['the lock time', { lasEfterMinuter: 5 }, 'Inställningen lasEfterMinuter kan inte ändras här'],
    ['an unknown level', { tidigSkala: { bra: 'Bra' } }, 'Fältet "tidigSkala": Nivån bra kan inte ändras här: den tidiga skalan har nivåerna ej_natt, pa_vag och natt.'],
    ['a threshold of 7 weeks', { utredningTroskelVeckor: 7 }, 'Fältet "utredningTroskelVeckor": Veckor innan beslut om utredning får vara högst 6.'],
  ])('a change of the rule settings refuses %s in Swedish', (_, value, message) => {
    const result = regelInstallningarAndring.safeParse(value);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeZodError(result.error)).toContain(message);
  });

  it('a change of the rule settings may name only some fields and trims labels', () => {
    expect(regelInstallningarAndring.parse({})).toEqual({});
    expect(regelInstallningarAndring.parse({ utredningTroskelVeckor: 6, tidigSkala: { natt: ' Klart ' } })).toEqual({ utredningTroskelVeckor: 6, tidigSkala: { natt: 'Klart' } });
  });

  it('labels early-years levels with the school\'s names and leaves grades alone', () => {
    const skala = skolInstallningarSchema.parse({ tidigSkala: { pa_vag: 'Nästan där' } }).tidigSkala;
    expect(['ej_natt', 'pa_vag', 'natt', 'C', '-'].map((n) => tidigNivaText(n, skala))).toEqual(['Ej nått', 'Nästan där', 'Nått', 'C', '-']);
  });

  it('uses grades from the configured årskurs', () => {
    expect(skalaForArskurs(5, DEFAULT_INSTALLNINGAR)).toBe('tidig');
    expect(skalaForArskurs(6, DEFAULT_INSTALLNINGAR)).toBe('betyg');
    expect(skalaForArskurs(5, skolInstallningarSchema.parse({ betygFranArskurs: 4 }))).toBe('betyg');
  });
});

describe('result scales and subjects', () => {
  it.each<[ResultatNiva, boolean]>([
    ['A', false], ['B', false], ['C', false], ['D', false], ['E', false], ['F', true], ['-', true],
    ['ej_natt', true], ['pa_vag', false], ['natt', false],
  ])('%s counts as not reaching: %s', (niva, ej) => {
    expect(isEjNadd(niva)).toBe(ej);
  });

  it('covers every level', () => expect(RESULTAT_NIVAER).toHaveLength(10));

  it('lists the grundskola subjects with their codes and Swedish names', () => {
    expect(AMNE_KODER).toEqual(['SV', 'SVA', 'EN', 'MA', 'BI', 'FY', 'KE', 'TK', 'GE', 'HI', 'RE', 'SH', 'BL', 'HKK', 'IDH', 'MU', 'SL', 'M1', 'M2', 'ML', 'TN']);
    // Skolverket's betygskatalog: M1 = moderna språk som elevens val, M2 = moderna språk som språkval.
    expect(amneNamn('M1')).toBe('Moderna språk, elevens val');
    expect(amneNamn('M2')).toBe('Moderna språk, språkval');
    expect(amneNamn('TN')).toBe('Teckenspråk för hörande');
    expect(new Set(GRUNDSKOLA_AMNEN.map((a) => a.namn)).size).toBe(GRUNDSKOLA_AMNEN.length);
    expect(amneNamn('HKK')).toBe('Hem- och konsumentkunskap');
    expect(amneNamn('SVA')).toBe('Svenska som andraspråk');
    expect(amneNamn('XX')).toBe('XX');
  });
});
