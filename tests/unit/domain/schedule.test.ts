import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultLov,
  formatDatum,
  formatVecka,
  helgdagar,
  isoWeekOf,
  paskdagen,
  proposeSchedule,
  type Lov,
  type ScheduleInput,
} from '../../../shared/domain/index';

const SEED_KALENDER = 'När och hur ofta ska resultatuppföljningarna genomföras? (lägg in i kalendariet)';
const SEED_BEDOMNINGAR =
  'När ska bedömningarna i verktyget vara gjorda för att resultatuppföljningarna ska kunna genomföras? (lägg in i kalendariet)';
const SEED_VARV = 'Resultatdialoger (steg 5) följs av steg 6–7 och varje varv upprepas fem till sex gånger under ett läsår.';

const LASAR_2026 = { startdatum: '2026-08-17', slutdatum: '2027-06-11' };

describe('dates in Swedish, ISO weeks', () => {
  it.each([
    ['2026-10-29', 'vecka 44', 'torsdag 29 oktober'],
    ['2025-11-04', 'vecka 45', 'tisdag 4 november'],
    ['2027-01-01', 'vecka 53', 'fredag 1 januari'],
    ['2027-06-11', 'vecka 23', 'fredag 11 juni'],
  ])('%s is %s, %s', (date, vecka, datum) => {
    expect(formatVecka(date)).toBe(vecka);
    expect(formatDatum(date)).toBe(datum);
  });

  it('uses the ISO week-year around new year', () => {
    expect(isoWeekOf('2027-01-01')).toEqual({ vecka: 53, isoAr: 2026 });
    expect(isoWeekOf('2024-12-30')).toEqual({ vecka: 1, isoAr: 2025 });
  });

  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
  ])('påskdagen %i is %s', (year, date) => {
    expect(paskdagen(year)).toBe(date);
  });

  it('knows the red days of a school year', () => {
    expect(helgdagar(2027)).toEqual([
      '2027-01-01', '2027-01-06', '2027-03-26', '2027-03-29', '2027-05-01', '2027-05-06', '2027-06-06',
      '2027-06-25', '2027-12-24', '2027-12-25', '2027-12-26', '2027-12-31',
    ]);
  });
});

describe('defaultLov: typical Swedish lov weeks', () => {
  it('gives höstlov v. 44, jullov, sportlov v. 8 and påsklov the week after Easter for 2026/27', () => {
    expect(defaultLov(LASAR_2026.startdatum, LASAR_2026.slutdatum)).toEqual([
      { typ: 'hostlov', namn: 'Höstlov', fran: '2026-10-26', till: '2026-10-30' },
      { typ: 'jullov', namn: 'Jullov', fran: '2026-12-21', till: '2027-01-08' },
      { typ: 'sportlov', namn: 'Sportlov', fran: '2027-02-22', till: '2027-02-26' },
      { typ: 'pasklov', namn: 'Påsklov', fran: '2027-03-29', till: '2027-04-02' },
    ]);
  });

  it('follows Easter: påsklov 2026 is the week of annandag påsk 6 april', () => {
    const pask = defaultLov('2025-08-18', '2026-06-12').find((l) => l.typ === 'pasklov');
    expect(pask).toEqual({ typ: 'pasklov', namn: 'Påsklov', fran: '2026-04-06', till: '2026-04-10' });
  });

  it('returns nothing for dates that do not exist', () => {
    expect(defaultLov('2026-02-30', '2027-06-11')).toEqual([]);
  });
});

describe(`proposeSchedule — "${SEED_KALENDER}" / "${SEED_BEDOMNINGAR}"`, () => {
  const lov = defaultLov(LASAR_2026.startdatum, LASAR_2026.slutdatum);

  it(`fits 6 varv om 5 veckor in 2026/27, varv 1's EHT-möte six weeks after the första (${SEED_VARV})`, () => {
    const p = proposeSchedule({ ...LASAR_2026, lov, antalVarv: 6, varvLangdVeckor: 5 });
    if (!p.ok) throw new Error(p.fel);
    expect(p.forstaEht).toEqual({ datum: '2026-08-20', vecka: 34, isoAr: 2026 });
    const rows = p.varv.map((v) => [v.nummer, v.startdatum, v.slutdatum, v.bedomningSenast, v.resultatdialog.datum, v.eht.datum, v.avstamning.datum]);
    expect(rows).toEqual([
      [1, '2026-09-07', '2026-10-09', '2026-09-18', '2026-09-22', '2026-10-01', '2026-10-06'],
      [2, '2026-10-19', '2026-11-27', '2026-11-06', '2026-11-10', '2026-11-19', '2026-11-24'],
      [3, '2026-12-07', '2027-01-29', '2026-12-18', '2027-01-12', '2027-01-21', '2027-01-26'],
      [4, '2027-02-08', '2027-03-19', '2027-02-19', '2027-03-02', '2027-03-11', '2027-03-16'],
      [5, '2027-04-05', '2027-05-07', '2027-04-16', '2027-04-20', '2027-04-29', '2027-05-04'],
      [6, '2027-05-10', '2027-06-11', '2027-05-21', '2027-05-25', '2027-06-03', '2027-06-08'],
    ]);
    // Two school weeks kept free before varv 1: its EHT-möte (v. 40) is six weeks after the första (v. 34).
    expect(p.pausForeForstaVarv).toBe(2);
    expect(p.veckorTillForstaUppfoljning).toBe(6);
    // Varv 2 counts five school weeks and skips höstlovet (v. 44).
    expect(p.varv[1]?.skolveckor.map((w) => w.vecka)).toEqual([43, 45, 46, 47, 48]);
    expect(p.lovVeckor.map((w) => w.vecka)).toEqual([44, 52, 53, 1, 8, 13]);
    expect(p.restVeckor).toBe(6);
  });

  // Seed 001: insatser are decided at the första EHT-möte "under de närmsta sex veckorna"; the utredning rule
  // (5–6 weeks, the school's setting) must be reachable at the first follow-up: threshold + 1 week apart.
  it.each<[string, Partial<ScheduleInput>, number, number, string]>([
    ['6 varv om 5 veckor, threshold 5', { antalVarv: 6, varvLangdVeckor: 5 }, 2, 6, '2026-10-01'],
    ['5 varv om 6 veckor, threshold 5', { antalVarv: 5, varvLangdVeckor: 6 }, 1, 6, '2026-10-01'],
    ['5 varv om 5 veckor, threshold 5', { antalVarv: 5, varvLangdVeckor: 5 }, 2, 6, '2026-10-01'],
    ['6 varv om 5 veckor, threshold 6', { antalVarv: 6, varvLangdVeckor: 5, utredningTroskelVeckor: 6 }, 3, 7, '2026-10-08'],
    ['första EHT-mötet 1 september', { antalVarv: 5, varvLangdVeckor: 6, forstaEhtDatum: '2026-09-01' }, 1, 6, '2026-10-15'],
    // Höstlovet (v. 44) lies between: an insats runs through a lov, so the lov week counts towards the six.
    ['första EHT-mötet before höstlovet', { antalVarv: 5, varvLangdVeckor: 5, forstaEhtDatum: '2026-10-22' }, 1, 6, '2026-12-03'],
    // Held the term before: far enough from the first follow-up already, no week kept free.
    ['första EHT-mötet the term before', { antalVarv: 5, varvLangdVeckor: 6, forstaEhtDatum: '2026-06-10' }, 0, 14, '2026-09-17'],
  ])('keeps the first follow-up far enough from the första EHT-möte: %s', (_, change, paus, veckor, eht1) => {
    const p = proposeSchedule({ ...LASAR_2026, lov, antalVarv: 6, varvLangdVeckor: 5, ...change });
    if (!p.ok) throw new Error(p.fel);
    expect([p.pausForeForstaVarv, p.veckorTillForstaUppfoljning, p.varv[0]?.eht.datum]).toEqual([paus, veckor, eht1]);
    expect(veckor).toBeGreaterThanOrEqual((change.utredningTroskelVeckor ?? 5) + 1);
  });

  it('spreads left-over weeks as pauses after each varv instead of bunching the varv at the start', () => {
    const p = proposeSchedule({ ...LASAR_2026, lov, antalVarv: 5, varvLangdVeckor: 5 });
    if (!p.ok) throw new Error(p.fel);
    expect(p.restVeckor).toBe(11);
    expect(p.varv.map((v) => v.pausVeckorEfter)).toEqual([2, 2, 2, 2, 1]);
    expect(p.varv[4]?.avstamning.vecka).toBe(22);
  });

  it('says when the year is too short for the first follow-up to come late enough, and what would fit', () => {
    // 36 school weeks hold 6 varv om 6 veckor, but not with the week before varv 1 the utredning rule needs.
    const p = proposeSchedule({ ...LASAR_2026, lov, antalVarv: 6, varvLangdVeckor: 6 });
    expect(p).toEqual({
      ok: false,
      fel:
        'Läsåret rymmer inte 6 varv om 6 veckor: efter första EHT-mötet finns 36 skolveckor utanför loven, men det behövs 37 ' +
        '(36 för varven och 1 före varv 1, så att varv 1:s EHT-möte – den första uppföljningen av insatserna från första ' +
        'EHT-mötet – ligger minst 6 veckor efter första EHT-mötet: utredningsgränsen 5 veckor plus en vecka). ' +
        'Det som ryms: 6 varv om 5 veckor, 5 varv om 6 veckor eller 5 varv om 5 veckor.',
      ryms: [
        { antalVarv: 6, varvLangdVeckor: 5 },
        { antalVarv: 5, varvLangdVeckor: 6 },
        { antalVarv: 5, varvLangdVeckor: 5 },
      ],
    });
  });

  it('says when the year cannot hold the request, and what would fit, rather than squeeze', () => {
    const p = proposeSchedule({ ...LASAR_2026, slutdatum: '2027-05-11', lov, antalVarv: 6, varvLangdVeckor: 6 });
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.fel).toMatch(/^Läsåret rymmer inte 6 varv om 6 veckor: efter första EHT-mötet finns 32 skolveckor utanför loven, men det behövs 37 /);
      expect(p.ryms).toEqual([
        { antalVarv: 6, varvLangdVeckor: 5 },
        { antalVarv: 5, varvLangdVeckor: 6 },
        { antalVarv: 5, varvLangdVeckor: 5 },
      ]);
    }
  });

  it('says so when nothing fits', () => {
    const p = proposeSchedule({ startdatum: '2026-08-17', slutdatum: '2026-12-18', lov: [], antalVarv: 5, varvLangdVeckor: 5 });
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.ryms).toEqual([]);
      expect(p.fel).toContain('Inget av alternativen 5–6 varv om 5–6 veckor ryms');
    }
  });

  it.each<[string, Partial<ScheduleInput>, string]>([
    ['7 varv', { antalVarv: 7 }, 'Antalet varv måste vara 5 eller 6.'],
    ['4-week varv', { varvLangdVeckor: 4 }, 'Ett varv måste vara 5 eller 6 veckor långt.'],
    ['end before start', { slutdatum: '2026-08-01' }, 'Läsårets sista dag måste komma efter den första.'],
    ['a typo making the year 200 years long', { slutdatum: '2227-06-11' }, 'Ett läsår kan vara högst 13 månader långt.'],
    ['a date that does not exist', { startdatum: '2026-02-30' }, 'Läsårets första dag (2026-02-30) är inte ett datum skrivet som ÅÅÅÅ-MM-DD.'],
    ['a lov ending before it starts', { lov: [{ typ: 'annat', namn: 'Studiedag', fran: '2026-09-10', till: '2026-09-09' }] }, 'Studiedag slutar (2026-09-09) före det börjar (2026-09-10).'],
    ['första EHT in höstlovet', { forstaEhtDatum: '2026-10-27' }, 'Första EHT-mötet (2026-10-27) ligger i en lovvecka (Höstlov). Välj en skoldag utanför loven.'],
    ['första EHT on a Saturday', { forstaEhtDatum: '2026-08-22' }, 'Första EHT-mötet (2026-08-22) är ingen skoldag. Välj en skoldag utanför loven.'],
    ['första EHT after the year', { forstaEhtDatum: '2027-06-14' }, 'Första EHT-mötet måste ligga före läsårets sista dag.'],
  ])('refuses %s with a Swedish sentence', (_, change, fel) => {
    expect(proposeSchedule({ ...LASAR_2026, lov, antalVarv: 6, varvLangdVeckor: 6, ...change })).toEqual({ ok: false, fel, ryms: [] });
  });

  it('starts the first varv after the första EHT-möte, also when it was held the term before', () => {
    const before = proposeSchedule({ ...LASAR_2026, lov, antalVarv: 5, varvLangdVeckor: 6, forstaEhtDatum: '2026-06-10' });
    const during = proposeSchedule({ ...LASAR_2026, lov, antalVarv: 5, varvLangdVeckor: 6, forstaEhtDatum: '2026-09-01' });
    if (!before.ok || !during.ok) throw new Error('expected proposals');
    expect(before.forstaEht.datum).toBe('2026-06-10');
    expect(before.varv[0]?.startdatum).toBe('2026-08-17');
    // One school week kept free after it: varv 1's EHT-möte six weeks after the första.
    expect(during.varv[0]?.startdatum).toBe('2026-09-14');
  });

  it('moves a meeting off a red day within its week (Kristi himmelsfärd 29 maj 2025)', () => {
    const p = proposeSchedule({ startdatum: '2024-08-17', slutdatum: '2025-06-11', lov: defaultLov('2024-08-17', '2025-06-11'), antalVarv: 5, varvLangdVeckor: 6 });
    if (!p.ok) throw new Error(p.fel);
    expect(p.varv[4]?.eht).toEqual({ datum: '2025-05-28', vecka: 22, isoAr: 2025 });
  });
});

// Independent of the implementation: a date's week is a lov week when a lov covers one of its weekdays.
function inLovWeek(date: string, lov: Lov[]): boolean {
  const d = new Date(`${date}T12:00:00Z`);
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000);
  for (let i = 0; i < 5; i++) {
    const day = new Date(monday.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    if (lov.some((l) => l.fran <= day && day <= l.till)) return true;
  }
  return false;
}

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

const pad = (n: number) => String(n).padStart(2, '0');
const scheduleInput = fc
  .record({
    year: fc.integer({ min: 2020, max: 2040 }),
    startDay: fc.integer({ min: 10, max: 25 }),
    endDay: fc.integer({ min: 1, max: 20 }),
    antalVarv: fc.constantFrom(5, 6),
    varvLangdVeckor: fc.constantFrom(5, 6),
    extraLov: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 300 }), length: fc.integer({ min: 0, max: 9 }) }), { maxLength: 3 }),
    forstaEht: fc.option(fc.integer({ min: -60, max: 40 }), { nil: undefined }),
  })
  .map(({ year, startDay, endDay, antalVarv, varvLangdVeckor, extraLov, forstaEht }): ScheduleInput => {
    const startdatum = `${year}-08-${pad(startDay)}`;
    const slutdatum = `${year + 1}-06-${pad(endDay)}`;
    const shift = (days: number) => new Date(Date.parse(`${startdatum}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const lov: Lov[] = [
      ...defaultLov(startdatum, slutdatum),
      ...extraLov.map((e, i) => ({ typ: 'annat' as const, namn: `Extra ${i + 1}`, fran: shift(e.offset), till: shift(e.offset + e.length) })),
    ];
    return { startdatum, slutdatum, lov, antalVarv, varvLangdVeckor, ...(forstaEht === undefined ? {} : { forstaEhtDatum: shift(forstaEht) }) };
  });

describe('proposeSchedule properties', () => {
  it('never places anything in a lov week, on a weekend or outside the year; keeps order; no overlap', () => {
    let proposals = 0;
    fc.assert(
      fc.property(scheduleInput, (input) => {
        const p = proposeSchedule(input);
        if (!p.ok) return;
        proposals++;
        const eht = p.forstaEht.datum;
        expect(inLovWeek(eht, input.lov)).toBe(false);
        expect(p.varv).toHaveLength(input.antalVarv);
        let previousEnd = eht;
        for (const v of p.varv) {
          const dates = [v.bedomningSenast, v.resultatdialog.datum, v.eht.datum, v.avstamning.datum];
          for (const d of dates) {
            expect(inLovWeek(d, input.lov)).toBe(false);
            expect(isWeekend(d)).toBe(false);
            expect(helgdagar(Number(d.slice(0, 4)))).not.toContain(d);
            expect(d >= input.startdatum && d <= input.slutdatum).toBe(true);
          }
          expect([...dates].sort()).toEqual(dates);
          expect(new Set(dates.map((d) => isoWeekOf(d).vecka)).size).toBe(4);
          expect(v.startdatum > previousEnd).toBe(true);
          expect(v.startdatum <= v.bedomningSenast && v.avstamning.datum <= v.slutdatum).toBe(true);
          expect(v.skolveckor).toHaveLength(input.varvLangdVeckor);
          for (const w of v.skolveckor) expect(inLovWeek(w.datum, input.lov)).toBe(false);
          previousEnd = v.slutdatum;
        }
      }),
      { numRuns: 300 },
    );
    expect(proposals).toBeGreaterThan(100);
  });

  it('offers only alternatives that fit, and never the one refused', () => {
    let refusals = 0;
    fc.assert(
      fc.property(scheduleInput, (input) => {
        const p = proposeSchedule(input);
        if (p.ok || p.ryms.length === 0) return;
        refusals++;
        expect(p.ryms).not.toContainEqual({ antalVarv: input.antalVarv, varvLangdVeckor: input.varvLangdVeckor });
        for (const alt of p.ryms) expect(proposeSchedule({ ...input, ...alt }).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(refusals).toBeGreaterThan(5);
  });
});

describe('första EHT-mötet given before the läsår', () => {
  // Found by the property test above (seed -156323854): a date before the start in a week that a lov covers.
  const input = {
    startdatum: '2020-08-11',
    slutdatum: '2021-06-01',
    lov: [{ typ: 'annat' as const, namn: 'Extra 1', fran: '2020-08-11', till: '2020-08-11' }],
    antalVarv: 5,
    varvLangdVeckor: 5,
  };
  it('is refused in a lov week, also before the start', () => {
    const p = proposeSchedule({ ...input, forstaEhtDatum: '2020-08-10' });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.fel).toMatch(/lovvecka/);
  });
  it('is kept in the preparation term outside lov weeks', () => {
    const p = proposeSchedule({ ...input, forstaEhtDatum: '2020-06-04' });
    expect(p.ok && p.forstaEht.datum).toBe('2020-06-04');
  });
});
