import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessBehorighet,
  BETYG,
  behorighetRiskList,
  meritvarde,
  REGEL_SARSKILD_GRUPP,
  REGEL_YRKESPROGRAM,
  type Betyg,
} from '../../../shared/domain/index';

const SEED_YRKES =
  'För behörighet till gymnasieskolans yrkesprogram krävs minst godkänt betyg i engelska, matematik, svenska eller svenska som andraspråk och ytterligare fem ämnen.';
const SEED_SARSKILD =
  'Vid intervjuerna la vi märke till att det inte var självklart för alla att resultaten från skolornas särskilda undervisningsgrupper skulle ingå i prognosen inför åk 9.';

const SEXTON = ['SV', 'EN', 'MA', 'BI', 'FY', 'KE', 'TK', 'GE', 'HI', 'RE', 'SH', 'BL', 'HKK', 'IDH', 'MU', 'SL'];

/** "SV:E EN:E" → record; "*:A" sets all sixteen ordinary subjects first. */
function b(spec: string): Record<string, Betyg> {
  const out: Record<string, Betyg> = {};
  for (const part of spec.split(/\s+/).filter(Boolean)) {
    const [kod, betyg] = part.split(':') as [string, Betyg];
    if (kod === '*') for (const k of SEXTON) out[k] = betyg;
    else out[kod] = betyg;
  }
  return out;
}

const ALLA = 'YP ES EK HU SA NA TE';

// Hand-checked: behöriga programmes, what yrkesprogram lacks, meritvärde.
const TABELL: [string, string, string, string[], number][] = [
  ['all sixteen at E', '*:E', ALLA, [], 160],
  ['all A plus språkval A (max)', '*:A M2:A', ALLA, [], 340],
  ['all A but F in matematik', '*:A MA:F', '', ['E i matematik'], 300],
  ['SVA instead of SV, five more', 'SVA:E EN:E MA:E BL:E HKK:E IDH:E MU:E SL:E', 'YP', [], 80],
  ['core and only four more', 'SV:E EN:E MA:E BL:E HKK:E IDH:E MU:E', '', ['E i ytterligare 1 ämne'], 70],
  ['SV F but SVA E counts', 'SV:F SVA:E EN:E MA:E BL:E HKK:E IDH:E MU:E SL:E', 'YP', [], 80],
  ['streck in svenska, no SVA', '*:A SV:-', '', ['E i svenska eller svenska som andraspråk'], 300],
  ['nine more without SO subjects', 'SV:E EN:E MA:E BL:E HKK:E IDH:E MU:E SL:E TK:E BI:E FY:E KE:E', 'YP ES NA TE', [], 120],
  ['nine more without SH and NO', 'SV:E EN:E MA:E BL:E HKK:E IDH:E MU:E SL:E TK:E GE:E HI:E RE:E', 'YP ES', [], 120],
  ['SO subjects and four more: eight', 'SV:E EN:E MA:E GE:E HI:E RE:E SH:E BL:E MU:E IDH:E SL:E', 'YP', [], 110],
  ['SO and NO subjects and two more', 'SV:E EN:E MA:E GE:E HI:E RE:E SH:E BI:E FY:E KE:E BL:E MU:E', ALLA, [], 120],
  ['M1 (elevens val) and modersmål count as subjects', 'SV:E EN:E MA:E M1:C ML:B BL:E MU:E SL:E', 'YP', [], 92.5],
  ['språkval counts for behörighet and as 17th grade', 'SV:E EN:E MA:E BL:E MU:E SL:E IDH:E M2:A', 'YP', [], 90],
  ['no grades at all', '', '', ['E i svenska eller svenska som andraspråk', 'E i engelska', 'E i matematik', 'E i ytterligare 5 ämnen'], 0],
  ['SV and SVA both A: only one counts', '*:A SVA:A M1:A ML:A M2:A', ALLA, [], 340],
  ['sixteen E, M1 and ML A, språkval C', '*:E M1:A ML:A M2:C', ALLA, [], 195],
  ['språkval F adds nothing', '*:C M2:F', ALLA, [], 240],
  ['all B, streck in engelska', '*:B EN:-', '', ['E i engelska'], 262.5],
  ['all D', '*:D', ALLA, [], 200],
  ['NO subjects and five more: eight', 'SV:E EN:E MA:E BI:E FY:E KE:E TK:E BL:E HKK:E IDH:E MU:E', 'YP', [], 110],
  ['core A, everything else F', '*:F SV:A EN:A MA:A', '', ['E i ytterligare 5 ämnen'], 60],
  ['an unknown code does not count', 'SV:E EN:E MA:E BL:E MU:E SL:E IDH:E XX:E', '', ['E i ytterligare 1 ämne'], 70],
  ['core B with SO, NO and two more', 'SV:B EN:B MA:B GE:E HI:E RE:E SH:E BI:E FY:E KE:E TK:E BL:E', ALLA, [], 142.5],
  ['missing engelska and matematik', 'SV:C BL:E MU:E SL:E IDH:E HKK:E', '', ['E i engelska', 'E i matematik'], 65],
];

describe(`assessBehorighet — "${SEED_YRKES}"`, () => {
  it('quotes the seed', () => expect(REGEL_YRKESPROGRAM).toBe(SEED_YRKES));
  it('has a table of at least 20 pupils', () => expect(TABELL.length).toBeGreaterThanOrEqual(20));

  it.each(TABELL)('%s', (_, spec, behoriga, saknasYrkes, merit) => {
    const r = assessBehorighet(b(spec));
    expect(r.program.filter((p) => p.behorig).map((p) => p.kod).join(' ')).toBe(behoriga);
    expect(r.program.find((p) => p.kod === 'YP')?.saknas).toEqual(saknasYrkes);
    expect(r.meritvarde).toBe(merit);
    expect(meritvarde(b(spec))).toBe(merit);
    expect(r.yrkesprogram).toBe(behoriga.includes('YP'));
    expect(r.hogskoleforberedande).toBe(behoriga.replace('YP', '').trim() !== '');
  });

  it('says what a högskoleförberedande programme lacks', () => {
    const r = assessBehorighet(b('SV:E EN:E MA:E GE:E HI:E RE:E SH:E BL:E MU:E IDH:E SL:E'));
    const na = r.program.find((p) => p.kod === 'NA');
    expect(na?.saknas).toEqual(['E i biologi', 'E i fysik', 'E i kemi']);
    expect(r.program.find((p) => p.kod === 'EK')?.saknas).toEqual(['E i ytterligare 1 ämne']);
  });
});

const betygArb = fc.dictionary(fc.constantFrom(...SEXTON, 'SVA', 'M1', 'M2', 'ML', 'TN'), fc.constantFrom(...BETYG));

describe('behörighet properties', () => {
  it('raising one grade to at least E never loses a behörighet, and meritvärde stays within 0–340', () => {
    fc.assert(
      fc.property(betygArb, fc.constantFrom(...SEXTON, 'SVA', 'M2'), fc.constantFrom<Betyg>('A', 'C', 'E'), (betyg, kod, nytt) => {
        const fore = assessBehorighet(betyg);
        const efter = assessBehorighet({ ...betyg, [kod]: nytt });
        for (const p of fore.program) {
          if (p.behorig) expect(efter.program.find((q) => q.kod === p.kod)?.behorig).toBe(true);
        }
        expect(fore.meritvarde).toBeGreaterThanOrEqual(0);
        expect(fore.meritvarde).toBeLessThanOrEqual(340);
      }),
    );
  });
});

describe(`behorighetRiskList — "${SEED_SARSKILD}"`, () => {
  it('quotes the seed', () => expect(REGEL_SARSKILD_GRUPP).toBe(SEED_SARSKILD));

  const elever = [
    { elevId: 5, arskurs: 9, sarskildUndervisningsgrupp: true, betyg: {} },
    { elevId: 2, arskurs: 8, sarskildUndervisningsgrupp: false, betyg: b('*:E MA:F') },
    { elevId: 3, arskurs: 9, sarskildUndervisningsgrupp: false, betyg: b('*:C') },
    { elevId: 4, arskurs: 7, sarskildUndervisningsgrupp: false, betyg: b('SVA:E EN:E MA:E BL:E HKK:E IDH:E MU:E SL:E') },
    { elevId: 1, arskurs: 6, sarskildUndervisningsgrupp: false, betyg: {} },
    { elevId: 6, arskurs: 8, sarskildUndervisningsgrupp: true, betyg: b('SV:E EN:E MA:E BL:E HKK:E IDH:E MU:E SL:E') },
  ];

  it('lists pupils in åk 7–9 not behöriga, sorted by årskurs, tells risk from underlag saknas, keeps särskilda undervisningsgrupper in, flagged', () => {
    const list = behorighetRiskList(elever);
    // Pupils 4 and 6 have eight subjects with E and nothing else: grades missing, not failed.
    expect(list.map((e) => [e.elevId, e.status, e.risk, e.flagga !== null])).toEqual([
      [4, 'underlag_saknas', null, false],
      [2, 'risk', 'ej_behorig', false],
      [6, 'underlag_saknas', null, true],
      [5, 'underlag_saknas', null, true],
    ]);
    expect(list[1]?.saknas.yrkesprogram).toEqual(['E i matematik (nu F)']);
    expect(list[1]?.betygF).toEqual(['MA']);
    expect(list[3]?.flagga).toBe('Eleven går i en särskild undervisningsgrupp och ska ingå i prognosen som alla andra elever.');
  });

  it('never filters out an at-risk pupil in a särskild undervisningsgrupp', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ elevId: fc.integer({ min: 1, max: 500 }), arskurs: fc.integer({ min: 7, max: 9 }), sarskildUndervisningsgrupp: fc.boolean(), betyg: betygArb })),
        (cohort) => {
          const list = behorighetRiskList(cohort);
          for (const elev of cohort) {
            const atRisk = !assessBehorighet(elev.betyg).hogskoleforberedande && elev.arskurs >= 7;
            if (atRisk && elev.sarskildUndervisningsgrupp) {
              expect(list.some((e) => e.elevId === elev.elevId && e.sarskildUndervisningsgrupp && e.flagga !== null)).toBe(true);
            }
          }
          expect(list.length).toBe(cohort.filter((e) => !assessBehorighet(e.betyg).hogskoleforberedande).length);
        },
      ),
    );
  });
});
