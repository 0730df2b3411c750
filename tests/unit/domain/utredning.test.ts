import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bedomning, InsatsStatus, Niva } from '../../../shared/model';
import {
  DEFAULT_INSTALLNINGAR,
  OVERKLAGANDE_TEXT,
  overdueUtredningar,
  overklagandeMening,
  overklagandeSenast,
  REGEL_UTREDNING,
  skolInstallningarSchema,
  suggestUtredningDeadline,
  utredningDecisionsDue,
  type UtredningElev,
  type UtredningInsats,
} from '../../../shared/domain/index';

const SEED =
  'Fatta beslut om ni ska inleda en utredning av elevs behov av särskilt stöd för de elever vars insatser redan har pågått i 5-6 veckor. Tydliggör vem som ska göra utredningen och sätt en deadline.';
const MOTE = '2026-10-15';

function insats(insatsId: number, startdatum: string, bedomningar: [string, Bedomning][] = [], extra: Partial<UtredningInsats> = {}): UtredningInsats {
  return { insatsId, niva: 'individ', startdatum, status: 'aktiv', bedomningar: bedomningar.map(([datum, bedomning]) => ({ datum, bedomning })), ...extra };
}

function due(elever: UtredningElev[], troskelVeckor = 5) {
  return utredningDecisionsDue({ motesdatum: MOTE, troskelVeckor, elever });
}

describe(`utredningDecisionsDue — "${SEED}"`, () => {
  it('quotes the seed', () => expect(REGEL_UTREDNING).toBe(SEED));

  it.each<[string, UtredningInsats[], number, number[]]>([
    ['exactly 5 weeks, no evaluation yet', [insats(1, '2026-09-10')], 5, [1]],
    ['4 weeks and 6 days is not yet 5', [insats(1, '2026-09-11')], 5, []],
    ['7 weeks, ingen effekt', [insats(1, '2026-08-27', [['2026-09-24', 'ingen_effekt']])], 5, [1]],
    ['7 weeks, viss effekt is not sufficient', [insats(1, '2026-08-27', [['2026-09-24', 'viss_effekt']])], 5, [1]],
    ['7 weeks, tydlig effekt is sufficient', [insats(1, '2026-08-27', [['2026-09-24', 'tydlig_effekt']])], 5, []],
    ['the latest evaluation counts', [insats(1, '2026-08-27', [['2026-09-24', 'tydlig_effekt'], ['2026-10-08', 'ingen_effekt']])], 5, [1]],
    ['an evaluation after the meeting is ignored', [insats(1, '2026-08-27', [['2026-09-24', 'ingen_effekt'], ['2026-10-20', 'tydlig_effekt']])], 5, [1]],
    ['threshold 6: 5 weeks is not enough', [insats(1, '2026-09-10')], 6, []],
    ['a group insats does not count', [insats(1, '2026-08-01', [], { niva: 'grupp' })], 5, []],
    ['an avslutad insats does not count', [insats(1, '2026-08-01', [], { status: 'avslutad' })], 5, []],
    ['an insats starting after the meeting does not count', [insats(1, '2026-10-20')], 5, []],
    [
      'a replaced insats counts toward the chain (links unknown)',
      [insats(1, '2026-08-27', [['2026-09-24', 'ingen_effekt']], { status: 'ersatt' }), insats(2, '2026-09-24')],
      5,
      [2],
    ],
    [
      'a replaced insats counts toward the chain (explicit link)',
      [insats(1, '2026-08-27', [['2026-09-24', 'ingen_effekt']], { status: 'ersatt', ersatterInsatsId: null }), insats(2, '2026-09-24', [], { ersatterInsatsId: 1 })],
      5,
      [2],
    ],
    [
      'an explicit chain keeps an unrelated new insats short',
      [insats(1, '2026-08-27', [], { status: 'ersatt', ersatterInsatsId: null }), insats(2, '2026-10-01', [], { ersatterInsatsId: null })],
      5,
      [],
    ],
    [
      'intensified after tydlig effekt: the follow-on inherits the effect until evaluated',
      [insats(1, '2026-08-27', [['2026-09-24', 'tydlig_effekt']], { status: 'ersatt' }), insats(2, '2026-09-24')],
      5,
      [],
    ],
    ['several qualifying insatser, ids sorted', [insats(9, '2026-08-20'), insats(4, '2026-09-01')], 5, [4, 9]],
  ])('%s', (_, insatser, troskel, insatsIds) => {
    const result = due([{ elevId: 7, harOppenUtredning: false, insatser }], troskel);
    expect(result.map((r) => r.insatsIds)).toEqual(insatsIds.length ? [insatsIds] : []);
  });

  it('reports the weeks and a Swedish reason', () => {
    const [r] = due([{ elevId: 3, harOppenUtredning: false, insatser: [insats(1, '2026-08-27', [['2026-09-24', 'ingen_effekt']])] }]);
    expect(r).toEqual({
      elevId: 3,
      insatsIds: [1],
      veckor: 7,
      skal:
        'Individuella insatser har pågått i 7 veckor (sedan 2026-08-27) utan tydlig effekt (senaste bedömning: ingen effekt). ' +
        'Fatta beslut om utredning av elevens behov av särskilt stöd: inled utredning med ansvarig och deadline, eller inte nu med motivering.',
    });
  });

  it('does not list a pupil who already has an open utredning', () => {
    expect(due([{ elevId: 3, harOppenUtredning: true, insatser: [insats(1, '2026-08-01')] }])).toEqual([]);
  });
});

// Repeated values weight the draw towards the cases the rule is about.
const STATUSAR: InsatsStatus[] = ['aktiv', 'aktiv', 'aktiv', 'avslutad', 'borttagen', 'ersatt', 'ersatt'];
const NIVAER: Niva[] = ['individ', 'individ', 'individ', 'grupp'];
const BED: Bedomning[] = ['tydlig_effekt', 'viss_effekt', 'ingen_effekt', 'negativ_utveckling', 'kan_ej_bedomas'];
const day = (offset: number) => new Date(Date.UTC(2026, 7, 17 + offset)).toISOString().slice(0, 10);

const insatsArb = fc.record({
  insatsId: fc.integer({ min: 1, max: 40 }),
  niva: fc.constantFrom(...NIVAER),
  startdatum: fc.integer({ min: 0, max: 70 }).map(day),
  status: fc.constantFrom(...STATUSAR),
  bedomningar: fc.array(fc.record({ datum: fc.integer({ min: 0, max: 80 }).map(day), bedomning: fc.constantFrom(...BED) }), { maxLength: 3 }),
});
const eleverArb = fc.array(
  fc.record({ elevId: fc.integer({ min: 1, max: 15 }), harOppenUtredning: fc.integer({ min: 0, max: 4 }).map((n) => n === 0), insatser: fc.array(insatsArb, { maxLength: 4 }) }),
  { maxLength: 12 },
);

// Oracle without links: an active individual insats qualifies when the earliest start among it and the pupil's
// replaced individual insatser is ≥ threshold weeks back, and the latest evaluation among them is not tydlig effekt.
function oracle(elever: UtredningElev[], motesdatum: string, troskel: number): Set<number> {
  const ids = new Set<number>();
  for (const elevId of new Set(elever.map((e) => e.elevId))) {
    const mine = elever.filter((e) => e.elevId === elevId);
    if (mine.some((e) => e.harOppenUtredning)) continue;
    const ind = mine.flatMap((e) => e.insatser).filter((i) => i.niva === 'individ' && i.startdatum <= motesdatum);
    const qualifies = ind
      .filter((i) => i.status === 'aktiv')
      .some((a) => {
        const chain = [a, ...ind.filter((i) => i.status === 'ersatt')];
        const start = Math.min(...chain.map((i) => Date.parse(i.startdatum)));
        const weeks = Math.floor((Date.parse(motesdatum) - start) / (7 * 86_400_000));
        const evals = chain.flatMap((i) => i.bedomningar).filter((b) => b.datum <= motesdatum);
        const lastDate = evals.map((b) => b.datum).sort().at(-1);
        const sufficient = lastDate !== undefined && evals.filter((b) => b.datum === lastDate).every((b) => b.bedomning === 'tydlig_effekt');
        return weeks >= troskel && !sufficient;
      });
    if (qualifies) ids.add(elevId);
  }
  return ids;
}

describe('utredningDecisionsDue properties', () => {
  it('lists every pupil who meets the condition exactly once, sorted by elevId, and no one else', () => {
    let listed = 0;
    fc.assert(
      fc.property(eleverArb, fc.integer({ min: 30, max: 110 }).map(day), fc.constantFrom(5, 6), (elever, motesdatum, troskel) => {
        const result = utredningDecisionsDue({ motesdatum, troskelVeckor: troskel, elever });
        const ids = result.map((r) => r.elevId);
        listed += ids.length;
        expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
        expect(new Set(ids)).toEqual(oracle(elever, motesdatum, troskel));
        for (const r of result) expect(r.veckor).toBeGreaterThanOrEqual(troskel);
      }),
      { numRuns: 500 },
    );
    expect(listed).toBeGreaterThan(150);
  });
});

describe('overdue utredningar and deadlines (the law says skyndsamt and sets no number)', () => {
  it('shows open utredningar past their deadline, oldest first; the deadline day itself is not overdue', () => {
    const list = overdueUtredningar(
      [
        { id: 1, deadline: '2026-10-10', status: 'pagar' },
        { id: 2, deadline: '2026-10-01', status: 'pagar' },
        { id: 3, deadline: '2026-10-01', status: 'avslutad' },
        { id: 4, deadline: '2026-10-15', status: 'pagar' },
      ],
      '2026-10-15',
    );
    expect(list).toEqual([
      { id: 2, deadline: '2026-10-01', dagarForsenad: 14 },
      { id: 1, deadline: '2026-10-10', dagarForsenad: 5 },
    ]);
  });

  it.each([
    ['2026-10-15', 21, '2026-11-05'],
    ['2026-10-16', 21, '2026-11-06'],
    ['2026-10-17', 21, '2026-11-09'], // a Saturday moves to Monday
    ['2026-12-03', 21, '2026-12-28'], // julafton, juldagen, annandag → Monday 28 December
    ['2026-10-15', 10, '2026-10-26'],
  ])('from %s with %i days: %s', (mote, dagar, deadline) => {
    const installningar = skolInstallningarSchema.parse({ utredningDeadlineDagar: dagar });
    expect(suggestUtredningDeadline(mote, installningar)).toBe(deadline);
  });

  it('defaults to three weeks', () => {
    expect(suggestUtredningDeadline('2026-10-15', DEFAULT_INSTALLNINGAR)).toBe('2026-11-05');
  });

  it('tells the UI that a beslut att inte upprätta åtgärdsprogram can be appealed within three weeks', () => {
    expect(OVERKLAGANDE_TEXT).toContain('Beslutet att inte upprätta ett åtgärdsprogram kan överklagas');
    expect(OVERKLAGANDE_TEXT).toContain('inom tre veckor');
    expect(overklagandeSenast('2026-10-15')).toBe('2026-11-05');
  });

  it('says where the outcome is shown that it can be appealed within three weeks, and the last day', () => {
    expect(overklagandeMening(overklagandeSenast('2026-11-23'))).toBe(
      'Beslutet kan överklagas till Skolväsendets överklagandenämnd inom tre veckor från den dag eleven eller vårdnadshavaren fick del av det: ' +
        'senast måndag 14 december 2026 om de fick del av beslutet samma dag som det fattades.',
    );
  });
});
