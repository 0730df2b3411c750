// Årshjul geometry: the läsår as a circle, every date an angle, months/lov/varv as arcs that never leave the circle.
import { describe, expect, it } from 'vitest';
import { arshjulGeometri, polar, ringSegment, type ArshjulInput } from '../../../shared/domain/index';

const INPUT: ArshjulInput = {
  startdatum: '2026-08-17',
  slutdatum: '2027-06-11',
  lov: [
    { typ: 'hostlov', namn: 'Höstlov', fran: '2026-10-26', till: '2026-10-30' },
    { typ: 'annat', namn: 'Förra året', fran: '2025-10-27', till: '2025-10-31' },
  ],
  forstaEht: '2026-08-20',
  varv: [
    { nummer: 1, startdatum: '2026-08-24', slutdatum: '2026-10-02', bedomningSenast: '2026-09-11', resultatdialog: '2026-09-15', eht: '2026-09-24', avstamning: '2026-09-29' },
    { nummer: 2, startdatum: '2026-10-05', slutdatum: '2026-11-20', bedomningSenast: null, resultatdialog: '2026-11-10', eht: '2026-11-12', avstamning: '2026-11-17' },
  ],
  idag: '2027-02-01',
};

describe('arshjulGeometri', () => {
  it('starts at the top on the first day and covers the year with one arc per month', () => {
    const g = arshjulGeometri(INPUT);
    expect(g.fran).toBe('2026-08-17');
    expect(g.manader.map((m) => m.etikett)).toEqual(['aug', 'sep', 'okt', 'nov', 'dec', 'jan', 'feb', 'mar', 'apr', 'maj', 'jun']);
    expect(g.manader[0]?.a0).toBe(0);
    expect(g.manader.at(-1)?.a1).toBeCloseTo(360, 6);
    // Arcs follow each other without gaps.
    g.manader.slice(1).forEach((m, i) => expect(m.a0).toBeCloseTo(g.manader[i]?.a1 ?? -1, 6));
  });

  it('places lov, varv and meetings by date, skipping what lies outside the year', () => {
    const g = arshjulGeometri(INPUT);
    expect(g.lov.map((l) => l.namn)).toEqual(['Höstlov']);
    expect(g.varv.map((v) => v.nummer)).toEqual([1, 2]);
    expect(g.varv[0]!.a1).toBeLessThan(g.varv[1]!.a0);
    expect(g.handelser.map((h) => h.typ)).toEqual(['forstaEht', 'bedomningSenast', 'resultatdialog', 'eht', 'avstamning', 'resultatdialog', 'eht', 'avstamning']);
    const angles = g.handelser.map((h) => h.vinkel);
    expect([...angles].sort((a, b) => a - b)).toEqual(angles);
    expect(g.idag).toBeGreaterThan(180);
    expect(arshjulGeometri({ ...INPUT, idag: '2028-01-01' }).idag).toBeNull();
  });

  it('starts the wheel earlier when the första EHT-möte is held the term before', () => {
    const g = arshjulGeometri({ ...INPUT, forstaEht: '2026-06-10' });
    expect(g.fran).toBe('2026-06-10');
    expect(g.handelser[0]).toMatchObject({ typ: 'forstaEht', vinkel: 0 });
    expect(g.manader[0]?.etikett).toBe('jun');
  });

  it('draws points and ring segments clockwise from the top', () => {
    expect(polar(100, 100, 50, 0)).toEqual({ x: 100, y: 50 });
    expect(polar(100, 100, 50, 90)).toEqual({ x: 150, y: 100 });
    expect(ringSegment(100, 100, 40, 50, 0, 90)).toBe('M 100 50 A 50 50 0 0 1 150 100 L 140 100 A 40 40 0 0 0 100 60 Z');
    expect(ringSegment(100, 100, 40, 50, 0, 270)).toMatch(/A 50 50 0 1 1/);
  });
});
