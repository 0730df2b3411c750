import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BEDOMNINGAR, BESLUT, type Bedomning, type Beslut } from '../../../shared/model';
import {
  checkDecision,
  motivationRequired,
  recommendDecision,
  REGEL_EFFEKT,
  REGEL_INGEN_EFFEKT,
  type KedjeBedomning,
} from '../../../shared/domain/index';

const SEED =
  'De insatser som har haft effekt på elevens utveckling intensifieras. De insatser som inte har haft effekt förändras eller tas bort.';

const k = (bedomning: Bedomning, beslut: Beslut): KedjeBedomning => ({ bedomning, beslut });

describe(`recommendDecision — "${SEED}"`, () => {
  it('cites the seed sentences word for word', () => {
    expect(SEED).toBe(`${REGEL_EFFEKT} ${REGEL_INGEN_EFFEKT}`);
  });

  it.each<[string, Bedomning, boolean, KedjeBedomning[], Beslut, string | null]>([
    ['tydlig effekt → intensifiera', 'tydlig_effekt', false, [], 'intensifiera', REGEL_EFFEKT],
    ['viss effekt counts as effect → intensifiera', 'viss_effekt', false, [], 'intensifiera', REGEL_EFFEKT],
    ['ingen effekt, first time → förändra', 'ingen_effekt', false, [], 'forandra', REGEL_INGEN_EFFEKT],
    ['negativ utveckling, first time → förändra', 'negativ_utveckling', false, [k('viss_effekt', 'intensifiera')], 'forandra', REGEL_INGEN_EFFEKT],
    ['ingen effekt after a change without effect → ta bort', 'ingen_effekt', false, [k('ingen_effekt', 'forandra')], 'ta_bort', REGEL_INGEN_EFFEKT],
    ['negativ after change, then kan ej bedömas → ta bort', 'negativ_utveckling', false, [k('ingen_effekt', 'forandra'), k('kan_ej_bedomas', 'komplettera_underlag')], 'ta_bort', REGEL_INGEN_EFFEKT],
    ['ingen effekt after a change that then worked → förändra again', 'ingen_effekt', false, [k('ingen_effekt', 'forandra'), k('tydlig_effekt', 'intensifiera')], 'forandra', REGEL_INGEN_EFFEKT],
    ['målet nått → avsluta', 'tydlig_effekt', true, [], 'avsluta', null],
    ['målet nått wins over ingen effekt', 'ingen_effekt', true, [k('ingen_effekt', 'forandra')], 'avsluta', null],
    ['kan ej bedömas → komplettera underlag', 'kan_ej_bedomas', false, [], 'komplettera_underlag', REGEL_EFFEKT],
  ])('%s', (_, bedomning, maletNatt, kedja, rekommendation, regel) => {
    const r = recommendDecision({ bedomning, maletNatt, kedja });
    expect(r.rekommendation).toBe(rekommendation);
    if (regel) expect(r.skal.join(' ')).toContain(`"${regel}"`);
  });

  it('flags kan ej bedömas twice in a row, and not when something came between', () => {
    const twice = recommendDecision({ bedomning: 'kan_ej_bedomas', maletNatt: false, kedja: [k('kan_ej_bedomas', 'komplettera_underlag')] });
    expect(twice.flagga).toContain('två gånger i rad');
    const notInARow = recommendDecision({
      bedomning: 'kan_ej_bedomas',
      maletNatt: false,
      kedja: [k('kan_ej_bedomas', 'komplettera_underlag'), k('viss_effekt', 'intensifiera')],
    });
    expect(notInARow.flagga).toBeNull();
  });

  it('flags a goal reached with no effect as contradictory', () => {
    expect(recommendDecision({ bedomning: 'negativ_utveckling', maletNatt: true, kedja: [] }).flagga).toContain('Kontrollera bedömningen');
    expect(recommendDecision({ bedomning: 'tydlig_effekt', maletNatt: true, kedja: [] }).flagga).toBeNull();
  });
});

// An independent statement of the rule, used as the oracle.
function expected(bedomning: Bedomning, maletNatt: boolean, kedja: KedjeBedomning[]): Beslut {
  if (maletNatt) return 'avsluta';
  if (bedomning === 'tydlig_effekt' || bedomning === 'viss_effekt') return 'intensifiera';
  if (bedomning === 'kan_ej_bedomas') return 'komplettera_underlag';
  const effekt = (e: KedjeBedomning) => e.bedomning === 'tydlig_effekt' || e.bedomning === 'viss_effekt';
  // Repeated lack of effect since the last effect, whatever the team decided then (issue 15, item 6).
  const lastEffect = kedja.map(effekt).lastIndexOf(true);
  const repeated = kedja.slice(lastEffect + 1).some((e) => e.bedomning === 'ingen_effekt' || e.bedomning === 'negativ_utveckling');
  const lastChange = kedja.map((e) => e.beslut).lastIndexOf('forandra');
  const changedWithoutEffect = lastChange >= 0 && !kedja.slice(lastChange + 1).some(effekt);
  return repeated || changedWithoutEffect ? 'ta_bort' : 'forandra';
}

const bedomningArb = fc.constantFrom(...BEDOMNINGAR);
const beslutArb = fc.constantFrom(...BESLUT);
const kedjaArb = fc.array(fc.record({ bedomning: bedomningArb, beslut: beslutArb }), { maxLength: 8 });

describe('recommendDecision is total', () => {
  it('gives one valid recommendation with Swedish reasons for every judgement, goal state and chain', () => {
    fc.assert(
      fc.property(bedomningArb, fc.boolean(), kedjaArb, (bedomning, maletNatt, kedja) => {
        const r = recommendDecision({ bedomning, maletNatt, kedja });
        expect(BESLUT).toContain(r.rekommendation);
        expect(r.rekommendation).toBe(expected(bedomning, maletNatt, kedja));
        expect(r.skal.length).toBeGreaterThan(0);
        for (const s of r.skal) expect(s.trim()).not.toBe('');
        const twice = !maletNatt && bedomning === 'kan_ej_bedomas' && kedja[kedja.length - 1]?.bedomning === 'kan_ej_bedomas';
        expect(r.flagga !== null && r.flagga.includes('två gånger i rad')).toBe(twice);
        // Every output quotes a seed sentence.
        expect(r.skal.some((s) => s.includes(`"${REGEL_EFFEKT}"`) || s.includes(`"${REGEL_INGEN_EFFEKT}"`))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a decision other than the recommendation requires a motivation', () => {
  it('requires it exactly when the decision departs', () => {
    for (const rek of BESLUT) for (const beslut of BESLUT) expect(motivationRequired(rek, beslut)).toBe(rek !== beslut);
  });

  it.each<[Beslut, Beslut, string | null, boolean]>([
    ['forandra', 'forandra', null, true],
    ['forandra', 'intensifiera', null, false],
    ['forandra', 'intensifiera', '   ', false],
    ['forandra', 'intensifiera', 'Eleven har just bytt klass; vi ger insatsen tre veckor till.', true],
    ['ta_bort', 'ta_bort', 'onödig men tillåten', true],
  ])('%s → %s with motivering %j is accepted: %s', (rek, beslut, motivering, ok) => {
    const fel = checkDecision(rek, beslut, motivering);
    if (ok) expect(fel).toBeNull();
    else expect(fel).toBe(`Beslutet "Intensifiera" avviker från rekommendationen "Förändra". Skriv en motivering till varför ni beslutar annorlunda.`);
  });
});

describe('recommendDecision reads as natural Swedish', () => {
  it('never says "Bedömningen är ingen effekt, alltså ingen effekt", and every reason keeps its seed sentence', () => {
    for (const bedomning of BEDOMNINGAR) {
      for (const maletNatt of [false, true]) {
        for (const kedja of [[], [k('ingen_effekt', 'forandra')]]) {
          const r = recommendDecision({ bedomning, maletNatt, kedja });
          const text = [...r.skal, r.flagga ?? ''].join(' ');
          expect(text).not.toMatch(/Bedömningen är|alltså|bedöms som (ingen|negativ|tydlig|viss)/);
          if (!maletNatt && r.rekommendation === 'intensifiera') expect(text).toContain(`"${REGEL_EFFEKT}"`);
          if (!maletNatt && (r.rekommendation === 'forandra' || r.rekommendation === 'ta_bort')) expect(text).toContain(`"${REGEL_INGEN_EFFEKT}"`);
        }
      }
    }
    expect(recommendDecision({ bedomning: 'ingen_effekt', maletNatt: false, kedja: [] }).skal[0]).toBe(
      'Insatsen bedöms inte ha haft någon effekt på elevens utveckling.',
    );
    expect(recommendDecision({ bedomning: 'viss_effekt', maletNatt: false, kedja: [] }).skal[0]).toBe(
      'Insatsen bedöms ha haft viss effekt på elevens utveckling, men målet är ännu inte nått. Därför rekommenderas att insatsen intensifieras.',
    );
  });
});
