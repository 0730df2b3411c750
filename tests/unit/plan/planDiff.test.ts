// What changed between two versions of the plan (step 8: "Gå tillbaka till den ursprungliga planen och se om ni
// följde planeringen").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kalenderVarningar, ordDiff, planDiff, type PlanInnehall } from '../../../shared/domain/index';

const BASE: PlanInnehall = {
  skola: 'Ängsskolan',
  lasar: { namn: '2026/27', startdatum: '2026-08-17', slutdatum: '2027-06-11' },
  lov: [{ typ: 'hostlov', namn: 'Höstlov', fran: '2026-10-26', till: '2026-10-30' }],
  forstaEht: '2026-08-20',
  svar: { syfte: 'På APT.', eht: 'Varje varv.' },
  kalender: [
    { nummer: 1, startdatum: '2026-08-24', slutdatum: '2026-10-02', bedomningSenast: '2026-09-11', resultatdialog: '2026-09-15', eht: '2026-09-24', avstamning: '2026-09-29' },
    { nummer: 2, startdatum: '2026-10-05', slutdatum: '2026-11-20', bedomningSenast: '2026-11-06', resultatdialog: '2026-11-10', eht: '2026-11-12', avstamning: '2026-11-17' },
  ],
};

describe('planDiff', () => {
  it('is empty for the same plan and ignores whitespace-only edits', () => {
    expect(planDiff(BASE, BASE)).toEqual([]);
    expect(planDiff(BASE, { ...BASE, svar: { ...BASE.svar, syfte: '  På APT.  ' } })).toEqual([]);
    expect(planDiff({ ...BASE, svar: {} }, { ...BASE, svar: { analys: '' } })).toEqual([]);
  });

  it('lists changed answers, dates, lov and varv in reading order', () => {
    const b: PlanInnehall = {
      ...BASE,
      svar: { syfte: 'På APT och i arbetslagen.', eht: 'Varje varv.', analys: 'Med förstelärarna.' },
      forstaEht: '2026-06-10',
      lov: [{ typ: 'hostlov', namn: 'Höstlov', fran: '2026-11-02', till: '2026-11-06' }],
      kalender: [BASE.kalender[0]!, { ...BASE.kalender[1]!, eht: '2026-11-13' }, { ...BASE.kalender[1]!, nummer: 3, startdatum: '2026-11-23', slutdatum: '2027-01-29' }],
    };
    const diff = planDiff(BASE, b);
    expect(diff.map((d) => d.nyckel)).toEqual(['svar.syfte', 'svar.analys', 'forstaEht', 'varv.2.eht', 'varv.3', 'lov.Höstlov']);
    expect(diff[1]).toMatchObject({ typ: 'svar', rubrik: 'Träning i analysarbetet', fore: null, efter: 'Med förstelärarna.' });
    expect(diff[3]).toMatchObject({ rubrik: 'Varv 2: EHT-möte', fore: '2026-11-12', efter: '2026-11-13' });
    expect(diff[4]).toMatchObject({ typ: 'varv', fore: null, efter: '2026-11-23 – 2027-01-29' });
    expect(diff[5]).toMatchObject({ fore: '2026-10-26 – 2026-10-30', efter: '2026-11-02 – 2026-11-06' });
    // Reversed, the same keys with before and after swapped.
    const back = planDiff(b, BASE);
    expect(back.map((d) => d.nyckel)).toEqual(diff.map((d) => d.nyckel));
    expect(back[0]).toMatchObject({ fore: 'På APT och i arbetslagen.', efter: 'På APT.' });
  });
});

describe('ordDiff', () => {
  it('marks removed and added words', () => {
    expect(ordDiff('Vi träffas på APT.', 'Vi träffas på APT och i arbetslagen.')).toEqual([
      { typ: 'lika', text: 'Vi träffas på ' },
      { typ: 'bort', text: 'APT.' },
      { typ: 'ny', text: 'APT och i arbetslagen.' },
    ]);
  });

  it('always rebuilds both texts from its parts (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('vi', 'EHT', 'varv', 'och', ' ', '\n', 'å')), fc.array(fc.constantFrom('vi', 'EHT', 'lov', ' ', 'ö')), (a, b) => {
        const fore = a.join('');
        const efter = b.join('');
        const parts = ordDiff(fore, efter);
        expect(parts.filter((p) => p.typ !== 'ny').map((p) => p.text).join('')).toBe(fore);
        expect(parts.filter((p) => p.typ !== 'bort').map((p) => p.text).join('')).toBe(efter);
      }),
    );
  });
});

describe('kalenderVarningar', () => {
  it('warns about a meeting in a lov week and about dates out of order, and is quiet otherwise', () => {
    const ok = { ...BASE, startdatum: BASE.lasar.startdatum, slutdatum: BASE.lasar.slutdatum };
    expect(kalenderVarningar(ok)).toEqual([]);
    const bad = { ...ok, kalender: [{ ...BASE.kalender[0]!, eht: '2026-10-27', resultatdialog: '2026-10-28' }] };
    expect(kalenderVarningar(bad)).toEqual([
      'Varv 1: Resultatdialog (onsdag 28 oktober) ligger i en lovvecka (Höstlov).',
      'Varv 1: Resultatdialog (onsdag 28 oktober) ligger utanför varvet (måndag 24 augusti – fredag 2 oktober).',
      'Varv 1: EHT-möte (tisdag 27 oktober) ligger i en lovvecka (Höstlov).',
      'Varv 1: EHT-möte (tisdag 27 oktober) ligger utanför varvet (måndag 24 augusti – fredag 2 oktober).',
      'Varv 1: EHT-möte (tisdag 27 oktober) kommer före resultatdialog (onsdag 28 oktober).',
      'Varv 1: Avstämning (tisdag 29 september) kommer före EHT-möte (tisdag 27 oktober).',
    ]);
  });

  it('warns about a meeting on a Saturday or Sunday and a date outside its varv, but not about the last day of the varv', () => {
    const ok = { ...BASE, startdatum: BASE.lasar.startdatum, slutdatum: BASE.lasar.slutdatum };
    const helg = { ...ok, forstaEht: '2026-08-22', kalender: [{ ...BASE.kalender[0]!, eht: '2026-09-27', avstamning: '2026-10-02' }] };
    expect(kalenderVarningar(helg)).toEqual([
      'Första EHT-mötet (lördag 22 augusti) är en lördag.',
      'Varv 1: EHT-möte (söndag 27 september) är en söndag.',
    ]);
    const utanfor = { ...ok, kalender: [BASE.kalender[0]!, { ...BASE.kalender[1]!, bedomningSenast: '2026-10-01', avstamning: '2026-11-24' }] };
    expect(kalenderVarningar(utanfor)).toEqual([
      'Varv 2: Bedömningar senast (torsdag 1 oktober) ligger utanför varvet (måndag 5 oktober – fredag 20 november).',
      'Varv 2: Avstämning (tisdag 24 november) ligger utanför varvet (måndag 5 oktober – fredag 20 november).',
    ]);
  });
});
