// Header recognition in Swedish and English, and the mapping model that stores header text, not positions.
import { describe, expect, it } from 'vitest';
import { fitMapping, missingRequirements, normalizeHeader, proposeMapping, resolveMapping } from '../../../shared/import';

describe('header recognition', () => {
  it('folds case, diacritics and punctuation', () => {
    expect(normalizeHeader(' Elev-ID ')).toBe('elev id');
    expect(normalizeHeader('Årskurs')).toBe('arskurs');
    expect(normalizeHeader('Ej nådda kriterier')).toBe('ej nadda kriterier');
  });

  it.each([
    ['resultat', ['Elev-ID', 'Förnamn', 'Efternamn', 'Klass', 'Ämne', 'Betyg', 'Ej nådda kriterier', 'Datum'],
      { externId: 'Elev-ID', fornamn: 'Förnamn', efternamn: 'Efternamn', klass: 'Klass', amne: 'Ämne', niva: 'Betyg', kriterier: 'Ej nådda kriterier', datum: 'Datum' }],
    ['resultat', ['Student ID', 'First name', 'Last name', 'Class', 'Subject', 'Grade', 'Criteria not met', 'Date'],
      { externId: 'Student ID', fornamn: 'First name', efternamn: 'Last name', klass: 'Class', amne: 'Subject', niva: 'Grade', kriterier: 'Criteria not met', datum: 'Date' }],
    ['elever', ['Namn', 'Klass', 'Årskurs'], { namn: 'Namn', klass: 'Klass', arskurs: 'Årskurs' }],
    ['personal', ['Personal-ID', 'Namn', 'E-post', 'Roll'], { externId: 'Personal-ID', namn: 'Namn', epost: 'E-post', roller: 'Roll' }],
    ['undervisning', ['Lärare', 'Grupp', 'Ämne'], { larare: 'Lärare', grupp: 'Grupp', amne: 'Ämne' }],
  ] as const)('proposes a mapping for %s from %j', (kind, headers, expected) => {
    expect(proposeMapping(kind, headers)).toEqual(expected);
  });

  it('leaves unknown headers unmapped and names what is missing', () => {
    const headers = ['Elev-ID', 'Ämne', 'Kunskapsnivå (varv 2)', 'Datum'];
    const mapping = proposeMapping('resultat', headers);
    expect(mapping.niva).toBeUndefined();
    expect(missingRequirements('resultat', resolveMapping('resultat', mapping, headers))).toEqual(['Betyg eller bedömning']);
  });

  it('applies a saved mapping by header text to a file with reordered columns, dropping headers it lacks', () => {
    const saved = { externId: 'Elev-ID', niva: 'Kunskapsnivå', amne: 'Ämne', datum: 'Datum' };
    const headers = ['Datum', 'Ämne', 'kunskapsnivå ', 'Elev-ID'];
    expect(resolveMapping('resultat', saved, headers)).toEqual({ externId: 3, niva: 2, amne: 1, datum: 0 });
    expect(fitMapping('resultat', { ...saved, kriterier: 'Saknas' }, headers)).toEqual({ externId: 'Elev-ID', niva: 'kunskapsnivå ', amne: 'Ämne', datum: 'Datum' });
  });
});
