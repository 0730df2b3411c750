// Reading cells: grades and the early-years scale, dates (impossible ones reported), årskurs with decimal commas,
// subjects by code or Swedish name with a language, criteria lists, names and roles.
import { describe, expect, it } from 'vitest';
import { arskursFromKlass, parseAmne, parseArskurs, parseDatum, parseFlag, parseNiva, parseRoller, splitKriterier, splitNamn } from '../../../shared/import';

describe('cell values', () => {
  it.each([['A', 'A'], ['e', 'E'], ['-', '-'], ['–', '-'], ['Ej nått', 'ej_natt'], ['ej natt', 'ej_natt'], ['På väg', 'pa_vag'], ['NÅTT', 'natt'], ['pa_vag', 'pa_vag']])(
    'reads the level %s', (raw, niva) => expect(parseNiva(raw)).toBe(niva));
  it.each(['G', 'VG', 'MVG', '', 'A+', '5'])('refuses %j as a level', (raw) => expect(parseNiva(raw)).toBeNull());

  it.each([['2026-10-05', '2026-10-05'], ['2026-10-5', '2026-10-05'], ['2026/10/05', '2026-10-05'], ['20261005', '2026-10-05'],
    ['5/10/2026', '2026-10-05'], ['5.10.2026', '2026-10-05'], ['2026-10-05 00:00:00', '2026-10-05'], ['2026-02-30', 'invalid'], ['2026-13-01', 'invalid'], ['igår', null]])(
    'reads the date %s', (raw, out) => expect(parseDatum(raw)).toBe(out));

  it.each([['7', 7], ['7,0', 7], ['7.0', 7], ['åk 7', 7], ['F', 0], ['fk', 0], ['12', null], ['7,5', null], ['sju', null]])(
    'reads the årskurs %s', (raw, out) => expect(parseArskurs(raw)).toBe(out));
  it.each([['7A', 7], ['9 B', 9], ['F-A', 0], ['Fk', 0], ['Matte 7', null], ['Fysik', null]])('reads årskurs from the class %s', (k, out) =>
    expect(arskursFromKlass(k)).toBe(out));

  it.each([
    ['MA', { kod: 'MA', sprak: '' }], ['ma', { kod: 'MA', sprak: '' }], ['Matematik', { kod: 'MA', sprak: '' }],
    ['Svenska som andraspråk', { kod: 'SVA', sprak: '' }], ['Idrott och hälsa', { kod: 'IDH', sprak: '' }],
    ['M2 Spanska', { kod: 'M2', sprak: 'Spanska' }], ['M2-spanska', { kod: 'M2', sprak: 'Spanska' }],
    ['Moderna språk – tyska', { kod: 'M2', sprak: 'Tyska' }], ['Modersmål, arabiska', { kod: 'ML', sprak: 'Arabiska' }],
    ['Modersmål (somaliska)', { kod: 'ML', sprak: 'Somaliska' }],
  ])('reads the subject %s', (raw, out) => expect(parseAmne(raw)).toEqual(out));
  it.each(['XY', '', 'MA Spanska', 'NO', 'Matte'])('refuses the subject %j', (raw) => expect(parseAmne(raw)).toBeNull());

  it('splits criteria on semicolons and line breaks, without empties or repeats', () => {
    expect(splitKriterier('Problemlösning; Resonemang;;')).toEqual(['Problemlösning', 'Resonemang']);
    expect(splitKriterier('Problemlösning\r\nBegrepp\nProblemlösning')).toEqual(['Problemlösning', 'Begrepp']);
    expect(splitKriterier('')).toEqual([]);
  });

  it('splits full names written either way', () => {
    expect(splitNamn('Elsa Lindberg')).toEqual({ fornamn: 'Elsa', efternamn: 'Lindberg' });
    expect(splitNamn('Anna Maria Sjöberg')).toEqual({ fornamn: 'Anna Maria', efternamn: 'Sjöberg' });
    expect(splitNamn('Lindberg, Elsa')).toEqual({ fornamn: 'Elsa', efternamn: 'Lindberg' });
    expect(splitNamn('Elsa')).toBeNull();
  });

  it('reads roles and yes/no, reporting unknown words', () => {
    expect(parseRoller('Lärare, mentor')).toEqual({ roller: ['larare', 'mentor'], okanda: [] });
    expect(parseRoller('Biträdande rektor; Vaktmästare')).toEqual({ roller: ['bitradande_rektor'], okanda: ['Vaktmästare'] });
    expect([parseFlag('Ja'), parseFlag('nej'), parseFlag(''), parseFlag('x'), parseFlag('kanske')]).toEqual([true, false, false, true, null]);
  });
});
