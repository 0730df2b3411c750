import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amneIMening, findTeacherPatterns, REGEL_LARARMONSTER, type ResultatNiva, type TeacherPatternInput } from '../../../shared/domain/index';

const SEED =
  'På EHT kan det vara så att ett visst ämne utmärker sig. Undersök då om det ser likadant ut för samma lärare i en annan elevgrupp. Detta kan visa på att det är läraren som behöver handledning.';

const SV = 1;
const MA = 2;
const EN = 3;

/** Ten pupils per group; `ejNadda` of them miss the subject. Pupil ids are unique per group. */
function grupp(gruppId: number, ejNadda: Record<number, number>): TeacherPatternInput['resultat'] {
  return Object.entries(ejNadda).flatMap(([amne, antal]) =>
    Array.from({ length: 10 }, (_, i) => ({ elevId: gruppId * 100 + i, gruppId, amneId: Number(amne), niva: (i < antal ? 'F' : 'C') as ResultatNiva })),
  );
}

// Teacher 1 teaches MA in groups 1 and 2, teacher 2 in groups 3 and 4; teacher 9 teaches SV and EN everywhere.
const UNDERVISNING = [
  { larareId: 1, gruppId: 1, amneId: MA },
  { larareId: 1, gruppId: 2, amneId: MA },
  { larareId: 2, gruppId: 3, amneId: MA },
  { larareId: 2, gruppId: 4, amneId: MA },
  ...[1, 2, 3, 4].flatMap((g) => [
    { larareId: 9, gruppId: g, amneId: SV },
    { larareId: 9, gruppId: g, amneId: EN },
  ]),
];

function run(groups: Record<number, number>[], extra: Partial<TeacherPatternInput> = {}) {
  const resultat = groups.flatMap((ej, i) => grupp(i + 1, ej));
  return findTeacherPatterns({ resultat, undervisning: UNDERVISNING, minAntal: 3, marginal: 0.2, ...extra });
}

describe(`findTeacherPatterns — "${SEED}"`, () => {
  it('quotes the seed', () => expect(REGEL_LARARMONSTER).toBe(SEED));

  it('finds MA standing out in both of teacher 1’s groups and in none of teacher 2’s', () => {
    const patterns = run([
      { [SV]: 1, [MA]: 5, [EN]: 1 },
      { [SV]: 0, [MA]: 4, [EN]: 1 },
      { [SV]: 1, [MA]: 2, [EN]: 1 },
      { [SV]: 2, [MA]: 2, [EN]: 2 },
    ]);
    expect(patterns).toHaveLength(1);
    const [p] = patterns;
    expect(p?.larareId).toBe(1);
    expect(p?.amneId).toBe(MA);
    expect(p?.synlighet).toBe('skolledning');
    expect(p?.jamforelseSaknas).toBe(false);
    expect(p?.grupper.map((g) => [g.gruppId, g.egenGrupp, g.antalEjNadda, g.antalElever, g.utmarker])).toEqual([
      [1, true, 5, 10, true],
      [2, true, 4, 10, true],
      [3, false, 2, 10, false],
      [4, false, 2, 10, false],
    ]);
    expect(p?.grupper[0]?.ovrigaAmnenAndel).toBeCloseTo(0.1);
    expect(p?.forslag).toContain('kan detta visa på att det är läraren som behöver handledning');
    expect(p?.forslag).toContain('Visas endast för skolledningen.');
  });

  it('uses names when given', () => {
    const [p] = run(
      [{ [SV]: 1, [MA]: 5, [EN]: 1 }, { [SV]: 0, [MA]: 4, [EN]: 1 }, { [SV]: 1, [MA]: 1, [EN]: 1 }],
      { namn: { amne: { [MA]: 'matematik' }, larare: { 1: 'Anna Berg' }, grupp: { 1: '8A', 2: '8B' } } },
    );
    expect(p?.forslag).toMatch(/^I matematik utmärker sig ämnet i 2 av de 2 grupperna som Anna Berg undervisar \(8A: 5 av 10 når inte målen; 8B: 4 av 10 når inte målen\)\./);
  });

  it('writes the subject name in lower case inside the sentence, as the subject list names it in the database', () => {
    const [p] = run(
      [{ [SV]: 1, [MA]: 5, [EN]: 1 }, { [SV]: 0, [MA]: 4, [EN]: 1 }, { [SV]: 1, [MA]: 1, [EN]: 1 }],
      { namn: { amne: { [MA]: 'Matematik' }, larare: { 1: 'Anna Berg' } } },
    );
    expect(p?.forslag).toMatch(/^I matematik utmärker sig ämnet i 2 av de 2 grupperna som Anna Berg undervisar/);
  });

  it.each<[string, string]>([
    ['Matematik', 'matematik'],
    ['Hem- och konsumentkunskap', 'hem- och konsumentkunskap'],
    ['Svenska som andraspråk', 'svenska som andraspråk'],
    ['Modersmål – Arabiska', 'modersmål – Arabiska'],
    ['Moderna språk, språkval – spanska', 'moderna språk, språkval – spanska'],
    ['NO', 'NO'],
    ['matematik', 'matematik'],
  ])('amneIMening(%s) = %s', (namn, mening) => {
    expect(amneIMening(namn)).toBe(mening);
  });

  it.each<[string, Record<number, number>[], Partial<TeacherPatternInput>]>([
    ['only one of the teacher’s groups stands out', [{ [SV]: 1, [MA]: 5, [EN]: 1 }, { [SV]: 1, [MA]: 1, [EN]: 1 }, { [SV]: 1, [MA]: 1, [EN]: 1 }], {}],
    ['another teacher’s group shows it too', [{ [SV]: 1, [MA]: 5, [EN]: 1 }, { [SV]: 0, [MA]: 4, [EN]: 1 }, { [SV]: 1, [MA]: 5, [EN]: 1 }], {}],
    ['below the minimum count', [{ [SV]: 0, [MA]: 2, [EN]: 0 }, { [SV]: 0, [MA]: 2, [EN]: 0 }, { [SV]: 0, [MA]: 0, [EN]: 0 }], {}],
    ['the whole group struggles in every subject', [{ [SV]: 5, [MA]: 6, [EN]: 5 }, { [SV]: 5, [MA]: 6, [EN]: 5 }, { [SV]: 1, [MA]: 1, [EN]: 1 }], {}],
    ['margin just missed (0.3 needed, 0.2 above)', [{ [SV]: 1, [MA]: 3, [EN]: 1 }, { [SV]: 1, [MA]: 3, [EN]: 1 }, { [SV]: 1, [MA]: 1, [EN]: 1 }], { marginal: 0.3 }],
  ])('no pattern when %s', (_, groups, extra) => {
    // A teacher with a single group that stands out gets "ingen jämförelse möjlig" (issue 15), never a pattern.
    expect(run(groups, extra).filter((p) => p.slag === 'monster')).toEqual([]);
  });

  it('a share exactly at the margin stands out (0.2 above with margin 0.2)', () => {
    expect(run([{ [SV]: 1, [MA]: 3, [EN]: 1 }, { [SV]: 1, [MA]: 3, [EN]: 1 }, { [SV]: 1, [MA]: 1, [EN]: 1 }])).toHaveLength(1);
  });

  it('reports a missing comparison when no other teacher teaches the subject', () => {
    const resultat = [...grupp(1, { [SV]: 1, [MA]: 5 }), ...grupp(2, { [SV]: 1, [MA]: 5 })];
    const undervisning = [{ larareId: 1, gruppId: 1, amneId: MA }, { larareId: 1, gruppId: 2, amneId: MA }];
    const [p] = findTeacherPatterns({ resultat, undervisning, minAntal: 3, marginal: 0.2 });
    expect(p?.jamforelseSaknas).toBe(true);
    expect(p?.forslag).toContain('Det finns ingen annan lärares grupp i ämnet att jämföra med.');
  });

  it('counts a pupil listed twice once, as not reaching if either entry says so', () => {
    const resultat = [...grupp(1, { [SV]: 0, [MA]: 2 }), { elevId: 105, gruppId: 1, amneId: MA, niva: 'F' as const }];
    const patterns = findTeacherPatterns({
      resultat: [...resultat, ...grupp(2, { [SV]: 0, [MA]: 3 })],
      undervisning: [{ larareId: 1, gruppId: 1, amneId: MA }, { larareId: 1, gruppId: 2, amneId: MA }],
      minAntal: 1,
      marginal: 0.1,
    });
    expect(patterns[0]?.grupper[0]).toMatchObject({ gruppId: 1, antalElever: 10, antalEjNadda: 3 });
  });
});

const NIVAER: ResultatNiva[] = ['A', 'C', 'E', 'F', '-', 'ej_natt', 'pa_vag', 'natt'];
const GRUPPER = [1, 2, 3, 4, 5];
const AMNEN = [1, 2, 3];

// Structured data (8 pupils per group, a teacher and a failure count per group × subject) so that patterns occur,
// plus random extra rows (duplicates, other levels) so that merging is exercised too.
const inputArb = fc
  .record({
    larare: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 15, maxLength: 15 }),
    ejNadda: fc.array(fc.constantFrom(0, 1, 1, 2, 5, 6), { minLength: 15, maxLength: 15 }),
    extra: fc.array(
      fc.record({ elevId: fc.integer({ min: 100, max: 507 }), gruppId: fc.constantFrom(...GRUPPER), amneId: fc.constantFrom(...AMNEN), niva: fc.constantFrom(...NIVAER) }),
      { maxLength: 10 },
    ),
    minAntal: fc.integer({ min: 2, max: 4 }),
    marginal: fc.constantFrom(0.1, 0.2, 0.3),
  })
  .map(({ larare, ejNadda, extra, minAntal, marginal }): TeacherPatternInput => {
    const cells = GRUPPER.flatMap((gruppId) => AMNEN.map((amneId) => ({ gruppId, amneId })));
    const resultat = cells.flatMap(({ gruppId, amneId }, c) =>
      Array.from({ length: 8 }, (_, i) => ({ elevId: gruppId * 100 + i, gruppId, amneId, niva: (i < (ejNadda[c] ?? 0) ? 'F' : 'C') as ResultatNiva })),
    );
    const undervisning = cells.map(({ gruppId, amneId }, c) => ({ larareId: larare[c] ?? 1, gruppId, amneId }));
    return { resultat: [...resultat, ...extra], undervisning, minAntal, marginal };
  });

describe('findTeacherPatterns properties', () => {
  it('does not change when the input is shuffled', () => {
    let found = 0;
    fc.assert(
      fc.property(
        inputArb.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray(input.resultat, { minLength: input.resultat.length }),
            fc.shuffledSubarray(input.undervisning, { minLength: input.undervisning.length }),
          ),
        ),
        ([input, resultat, undervisning]) => {
          const original = findTeacherPatterns(input);
          found += original.length;
          expect(findTeacherPatterns({ ...input, resultat, undervisning })).toEqual(original);
        },
      ),
      { numRuns: 400 },
    );
    expect(found).toBeGreaterThan(30);
  });
});
