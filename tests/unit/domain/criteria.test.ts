import { describe, expect, it } from 'vitest';
import { REGEL_KRITERIER, summarizeCriteria, type KriterieResultat } from '../../../shared/domain/index';

const SEED = 'Gör en sammanställning över vilka betygskriterier som eleverna har svårt att nå inom respektive ämne.';
const MA = 2;
const SV = 1;

const r = (elevId: number, gruppId: number, amneId: number, varvNummer: number, kriterierEjNadda: string[]): KriterieResultat => ({
  elevId,
  gruppId,
  amneId,
  varvNummer,
  kriterierEjNadda,
});

const DATA: KriterieResultat[] = [
  // varv 1, MA: problemlösning missed by 3, resonemang by 1
  r(1, 10, MA, 1, ['problemlösning', 'resonemang']),
  r(2, 10, MA, 1, ['problemlösning']),
  r(3, 11, MA, 1, ['problemlösning']),
  r(4, 11, MA, 1, []),
  // varv 2, MA: problemlösning by 1, begrepp by 2, resonemang by nobody
  r(1, 10, MA, 2, ['begrepp']),
  r(2, 10, MA, 2, ['problemlösning', 'begrepp']),
  r(3, 11, MA, 2, []),
  r(4, 11, MA, 2, []),
  // SV only in varv 2
  r(1, 10, SV, 2, ['läsförståelse']),
  r(2, 10, SV, 2, []),
];

describe(`summarizeCriteria — "${SEED}"`, () => {
  it('quotes the seed', () => expect(REGEL_KRITERIER).toBe(SEED));

  it('ranks criteria by pupils not reaching them, across groups, with the change since the previous varv', () => {
    const [sv, ma] = summarizeCriteria({ resultat: DATA });
    expect(sv?.amneId).toBe(SV);
    expect(ma?.amneId).toBe(MA);
    expect(ma?.varvNummer).toBe(2);
    expect(ma?.antalElever).toBe(4);
    expect(ma?.kriterier.map((k) => [k.kriterium, k.antalEjNadda, k.andel, k.foregaendeAntal, k.forandring])).toEqual([
      ['begrepp', 2, 0.5, 0, 2],
      ['problemlösning', 1, 0.25, 3, -2],
      ['resonemang', 0, 0, 1, -1],
    ]);
    expect(ma?.kriterier[1]?.historik).toEqual([
      { varvNummer: 1, antalEjNadda: 3, antalElever: 4 },
      { varvNummer: 2, antalEjNadda: 1, antalElever: 4 },
    ]);
    expect(sv?.kriterier).toEqual([
      {
        kriterium: 'läsförståelse',
        antalEjNadda: 1,
        andel: 0.5,
        grupper: [{ gruppId: 10, antalEjNadda: 1 }],
        foregaendeAntal: null,
        forandring: null,
        historik: [{ varvNummer: 2, antalEjNadda: 1, antalElever: 2 }],
      },
    ]);
  });

  it('breaks counts down per group, for a chosen varv', () => {
    const [ma] = summarizeCriteria({ resultat: DATA, varvNummer: 1 });
    expect(ma?.kriterier[0]).toMatchObject({ kriterium: 'problemlösning', antalEjNadda: 3, foregaendeAntal: null });
    expect(ma?.kriterier[0]?.grupper).toEqual([
      { gruppId: 10, antalEjNadda: 2 },
      { gruppId: 11, antalEjNadda: 1 },
    ]);
  });

  it('counts a pupil once even when listed twice or in two groups, and ignores blank criteria', () => {
    const [ma] = summarizeCriteria({
      resultat: [r(1, 10, MA, 1, ['begrepp', ' begrepp ', '']), r(1, 12, MA, 1, ['begrepp']), r(2, 10, MA, 1, [])],
    });
    expect(ma?.kriterier).toHaveLength(1);
    expect(ma?.kriterier[0]).toMatchObject({ kriterium: 'begrepp', antalEjNadda: 1, andel: 0.5, grupper: [{ gruppId: 10, antalEjNadda: 1 }] });
  });

  it('ties are ordered by name, in Swedish alphabetical order', () => {
    const [ma] = summarizeCriteria({ resultat: [r(1, 1, MA, 1, ['ö-kriterium', 'a-kriterium', 'å-kriterium'])] });
    expect(ma?.kriterier.map((k) => k.kriterium)).toEqual(['a-kriterium', 'å-kriterium', 'ö-kriterium']);
  });

  it('leaves out a subject without results in the chosen varv', () => {
    expect(summarizeCriteria({ resultat: DATA, varvNummer: 1 }).map((a) => a.amneId)).toEqual([MA]);
  });
});
