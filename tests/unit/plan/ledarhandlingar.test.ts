// The steps' wording is Skolverket's (seed 001), word for word: a few exact sentences prove it did not drift.
import { describe, expect, it } from 'vitest';
import {
  LEDARHANDLINGAR,
  PLAN_FRAGOR,
  VERKTYG_FORMAGOR,
  dubbelDokumentation,
  funderaPrompts,
  ledarhandling,
  planFraga,
  saknadeFormagor,
} from '../../../shared/domain/index';

describe('ledarhandlingar', () => {
  it('has the eight steps in order with the seed\'s discussion questions', () => {
    expect(LEDARHANDLINGAR.map((l) => l.steg)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ledarhandling(1).diskussionsfragor).toEqual([
      'Utifrån er inventering, vad får ni för nya insikter?',
      'Vad saknar ni? Vad vill ni göra åt det?',
      'Finns det något ni som ni ser att ni följer och dokumenterar på flera ställen? Kan ni framöver göra det i ett verktyg?',
    ]);
    expect(ledarhandling(2).diskussionsfragor).toHaveLength(5);
    expect(ledarhandling(2).diskussionsfragor[4]).toBe('Vad behöver ni för stöd och från vem?');
    expect(ledarhandling(7).diskussionsfragor).toContain(
      'Upplever ni att uppföljningarna har handlat om hur lärarna ska ändra sitt sätt att undervisa för att fler elever ska lyckas?',
    );
    expect(ledarhandling(8).diskussionsfragor).toContain('Samma data i flera dokument? Sortera!');
    expect(ledarhandling(6).diskussionIntro).toBe('När ni har genomfört detta möte, reflektera tillsammans i skolledningen kring följande:');
    expect([5, 6, 7].map((s) => ledarhandling(s as 5).perVarv)).toEqual([true, true, true]);
  });

  it('maps the plan fields to step 3\'s questions, in order', () => {
    expect(PLAN_FRAGOR).toHaveLength(ledarhandling(3).diskussionsfragor.length);
    expect(planFraga('forstelarare')).toBe('Hur ska ni involvera förstelärargruppen?');
    expect(planFraga('bedomningar')).toBe(
      'När ska bedömningarna i verktyget vara gjorda för att resultatuppföljningarna ska kunna genomföras? (lägg in i kalendariet)',
    );
    expect(planFraga('nyaLarare')).toBe('Hur ska nytillkomna lärare introduceras i arbetet?');
    expect(planFraga('plan')).toBe('Utforma er plan');
  });

  it('words Fundera as the seed does, step 1 without the comma the later steps have', () => {
    expect(funderaPrompts(1)[0]?.fraga).toBe(
      'Beskriv kortfattat vad ni gjorde och hur det gick. Vilka effekter fick ledarhandlingen i verksamheten? Uteblivna effekter?',
    );
    expect(funderaPrompts(6)[0]?.fraga).toMatch(/^Beskriv kortfattat vad ni gjorde, och hur det gick\./);
    expect(funderaPrompts(4).map((p) => p.rubrik)).toEqual(['Utfall', 'Varför', 'Nästa steg']);
    expect(funderaPrompts(4)[2]?.fraga).toBe('Hur går ni vidare? Vad gör ni annorlunda från och med nu?');
  });

  it('lists the seven capabilities of a tool in the seed\'s words', () => {
    expect(VERKTYG_FORMAGOR.map((f) => f.text)).toEqual([
      'kontinuerliga omdömen kopplat till samtliga ämnen',
      'kontinuerliga bedömningar kopplat till betyg/betygskriterier',
      'att följa progressionen',
      'att följa resultaten över tid',
      'att skriva kommentarer och ge formativ återkoppling',
      'om vårdnadshavare/elever har tillgång till verktyget',
      'en analysfunktion i verktyget',
    ]);
  });

  it('finds what is documented in two places and what no tool gives', () => {
    const verktyg = [
      { namn: 'Plattformen', formagor: { omdomen: 'ja' as const, analys: 'nej' as const, over_tid: 'delvis' as const } },
      { namn: 'Kalkylarket', formagor: { omdomen: 'delvis' as const, over_tid: 'ja' as const, progression: 'nej' as const } },
    ];
    expect(dubbelDokumentation(verktyg)).toEqual([
      { formaga: 'omdomen', verktyg: ['Plattformen', 'Kalkylarket'] },
      { formaga: 'over_tid', verktyg: ['Plattformen', 'Kalkylarket'] },
    ]);
    // Not yet judged by every tool: nothing is "missing" yet.
    expect(saknadeFormagor(verktyg)).toEqual([]);
    const judged = [
      { namn: 'Plattformen', formagor: { analys: 'nej' as const, atkomst: 'nej' as const } },
      { namn: 'Kalkylarket', formagor: { analys: 'nej' as const, atkomst: 'ja' as const } },
    ];
    expect(saknadeFormagor(judged)).toEqual(['analys']);
    expect(saknadeFormagor([])).toEqual([]);
  });
});
