// Issue 15, items 1–9: the rules against Skolverket's codes, the law and seed 001, case by case. Each table quotes the
// rule or seed sentence it checks.
import { describe, expect, it } from 'vitest';
import {
  behorighetPrognos,
  behorighetRiskList,
  DEFAULT_INSTALLNINGAR,
  findTeacherPatterns,
  grupperText,
  meritvarde,
  overklagandeSenast,
  overklagandeText,
  recommendDecision,
  REGEL_EFFEKT,
  REGEL_INGEN_EFFEKT,
  REGEL_LARARMONSTER,
  REGEL_UTREDNING,
  skolInstallningarSchema,
  suggestUtredningDeadline,
  utredningDeadlineSkal,
  utredningDecisionsDue,
  VALJ_BEDOMNING_TEXT,
  type Betyg,
  type KedjeBedomning,
  type ResultatNiva,
} from '../../../shared/domain/index';
import { insatsCreateArgs } from '../../../shared/channels/core';
import { parseAmne } from '../../../shared/import/values';

const SEXTON = ['SV', 'EN', 'MA', 'BI', 'FY', 'KE', 'TK', 'GE', 'HI', 'RE', 'SH', 'BL', 'HKK', 'IDH', 'MU', 'SL'];
function b(spec: string): Record<string, Betyg> {
  const out: Record<string, Betyg> = {};
  for (const part of spec.split(/\s+/).filter(Boolean)) {
    const [kod, betyg] = part.split(':') as [string, Betyg];
    if (kod === '*') for (const k of SEXTON) out[k] = betyg;
    else out[kod] = betyg;
  }
  return out;
}

describe('1. "M1 = moderna språk som elevens val, M2 = moderna språk som språkval" (Skolverkets betygskatalog)', () => {
  // Only the språkval can be the 17th meritvärde subject; elevens val counts among the 16 best.
  it.each<[string, string, number]>([
    ['sixteen A and språkval (M2) A: the 17th', '*:A M2:A', 340],
    ['sixteen A and elevens val (M1) A: among the 16, no 17th', '*:A M1:A', 320],
    ['sixteen E and M1 A: M1 replaces an E among the 16', '*:E M1:A', 170],
    ['sixteen E and M2 A: 160 + 20', '*:E M2:A', 180],
    ['sixteen E, M1 A and M2 C', '*:E M1:A M2:C', 185],
    ['teckenspråk för hörande (TN) counts among the 16', '*:E TN:A', 170],
    ['M2 F adds nothing', '*:C M2:F', 240],
  ])('%s → %d', (_, spec, merit) => expect(meritvarde(b(spec))).toBe(merit));
});

describe("2. Skolverket's compact codes as platforms export them, and full names", () => {
  it.each<[string, { kod: string; sprak: string } | null]>([
    ['M2TY', { kod: 'M2', sprak: 'Tyska' }],
    ['M1SP', { kod: 'M1', sprak: 'Spanska' }],
    ['m2fr', { kod: 'M2', sprak: 'Franska' }],
    ['MLARA', { kod: 'ML', sprak: 'Arabiska' }],
    ['MLSOM', { kod: 'ML', sprak: 'Somaliska' }],
    ['TN', { kod: 'TN', sprak: '' }],
    ['Teckenspråk för hörande', { kod: 'TN', sprak: '' }],
    ['Moderna språk som språkval – tyska', { kod: 'M2', sprak: 'Tyska' }],
    ['Moderna språk, elevens val – spanska', { kod: 'M1', sprak: 'Spanska' }],
    ['Moderna språk, språkval', { kod: 'M2', sprak: '' }],
    ['M2XX', null],
  ])('reads %s', (raw, out) => expect(parseAmne(raw)).toEqual(out));

  it('TN counts for behörighet as a further subject', () => {
    const utan = behorighetPrognos(b('SV:E EN:E MA:E BL:E HKK:E IDH:E MU:E SL:F'));
    const med = behorighetPrognos(b('SV:E EN:E MA:E BL:E HKK:E IDH:E MU:E SL:F TN:E'));
    expect(utan.saknas.yrkesprogram).not.toEqual([]);
    expect(med.saknas.yrkesprogram).toEqual([]);
  });
});

describe('3. "Ett betyg som saknas är underlag saknas, aldrig ett F; F och streck (-) hålls isär."', () => {
  it.each<[string, string, 'behorig' | 'risk' | 'underlag_saknas', 'ej_behorig' | 'endast_yrkesprogram' | null]>([
    ['six subjects imported, all E', 'SV:E EN:E MA:E BI:E FY:E KE:E', 'underlag_saknas', null],
    ['six subjects, MA F', 'SV:E EN:E MA:F BI:E FY:E KE:E', 'risk', 'ej_behorig'],
    ['six subjects, EN streck', 'SV:E EN:- MA:E BI:E FY:E KE:E', 'risk', 'ej_behorig'],
    ['no grades at all', '', 'underlag_saknas', null],
    ['all sixteen E', '*:E', 'behorig', null],
    ['eight F among sixteen: no högskoleförberedande even with all the rest', '*:E BI:F FY:F KE:F GE:F HI:F RE:F SH:F TK:F', 'risk', 'endast_yrkesprogram'],
  ])('%s → %s', (_, spec, status, risk) => {
    const p = behorighetPrognos(b(spec));
    expect(p.status).toBe(status);
    expect(p.risk).toBe(risk);
  });

  it('tells F from streck and names missing grades', () => {
    const p = behorighetPrognos(b('SV:E EN:- MA:F BI:E'));
    expect(p.betygF).toEqual(['MA']);
    expect(p.betygStreck).toEqual(['EN']);
    expect(p.saknas.yrkesprogram.slice(0, 2)).toEqual(['E i engelska (nu streck)', 'E i matematik (nu F)']);
    // The further subjects are short only because grades are missing: said as such, not as "E i ytterligare N ämnen".
    expect(p.saknas.yrkesprogram[2]).toMatch(/^betyg saknas i /);
    expect(p.saknas.yrkesprogram.some((s) => s.includes('ytterligare'))).toBe(false);
    expect(p.saknadeBetyg).toContain('FY');
  });

  it('a school whose file holds six subjects per pupil: nobody is risk for subjects never imported', () => {
    const sex = ['SV:C EN:B MA:E BI:D FY:E KE:C', 'SV:A EN:A MA:A BI:A FY:A KE:A', 'SVA:E EN:E MA:E BI:E FY:E KE:E'];
    const list = behorighetRiskList(sex.map((spec, i) => ({ elevId: i + 1, arskurs: 9, klass: '9A', sarskildUndervisningsgrupp: i === 2, betyg: b(spec) })));
    expect(list.map((e) => e.status)).toEqual(['underlag_saknas', 'underlag_saknas', 'underlag_saknas']);
    expect(list.every((e) => !e.saknas.yrkesprogram.some((s) => s.includes('ytterligare')))).toBe(true);
    expect(list[2]?.flagga).toMatch(/särskild undervisningsgrupp/);
  });

  it('sorts by årskurs and klass, and covers the årskurser given (the settings), not a constant', () => {
    const elever = [
      { elevId: 1, arskurs: 9, klass: '9B', sarskildUndervisningsgrupp: false, betyg: {} },
      { elevId: 2, arskurs: 8, klass: '8A', sarskildUndervisningsgrupp: false, betyg: {} },
      { elevId: 3, arskurs: 9, klass: '9A', sarskildUndervisningsgrupp: false, betyg: {} },
      { elevId: 4, arskurs: 10, klass: '10A', sarskildUndervisningsgrupp: false, betyg: {} },
    ];
    expect(behorighetRiskList(elever).map((e) => e.elevId)).toEqual([2, 3, 1]);
    expect(behorighetRiskList(elever, [8, 9, 10]).map((e) => e.elevId)).toEqual([2, 3, 1, 4]);
  });
});

describe('4. Sista dag att överklaga: tre veckor, flyttad till nästa vardag (lag 1930:173)', () => {
  it.each<[string, string, string]>([
    ['decided on the Friday three weeks before midsommarafton 2027', '2027-06-04', '2027-06-28'],
    ['decided in Christmas week (+21 = nyårsafton, then nyårsdagen and a weekend)', '2026-12-10', '2027-01-04'],
    ['decided on 3 December (+21 = julafton)', '2026-12-03', '2026-12-28'],
    ['decided three weeks before Kristi himmelsfärd 2027 (6 May)', '2027-04-15', '2027-05-07'],
    ['ending on a Saturday', '2026-10-17', '2026-11-09'],
    ['an ordinary Monday stays', '2026-11-23', '2026-12-14'],
    ['ending on trettondedag jul 2027 (Wednesday)', '2026-12-16', '2027-01-07'],
  ])('%s: %s → %s', (_, fran, senast) => expect(overklagandeSenast(fran)).toBe(senast));

  it('is said for a decision on åtgärdsprogram too, naming Skolväsendets överklagandenämnd', () => {
    expect(overklagandeText('atgardsprogram')).toMatch(/^Beslutet om åtgärdsprogram kan överklagas till Skolväsendets överklagandenämnd/);
    expect(overklagandeText('inget_atgardsprogram')).toMatch(/^Beslutet att inte upprätta ett åtgärdsprogram kan överklagas till Skolväsendets överklagandenämnd/);
    expect(overklagandeText('atgardsprogram')).toContain('midsommarafton, julafton eller nyårsafton');
  });
});

describe('5. Särskilt stöd is an individual insats', () => {
  const bas = { beskrivning: 'Enskild undervisning', forvantadEffekt: 'Når E', startdatum: '2026-10-01' };
  it.each<[string, object, boolean]>([
    ['individ', { niva: 'individ', elevId: 1 }, true],
    ['grupp', { niva: 'grupp', gruppId: 1 }, false],
    ['organisation', { niva: 'organisation' }, false],
    ['lärare', { niva: 'larare', larareId: 1 }, false],
  ])('särskilt stöd at nivå %s: accepted %s', (_, niva, ok) => {
    const r = insatsCreateArgs.safeParse({ ...bas, ...niva, typ: 'sarskilt_stod' });
    expect(r.success).toBe(ok);
    if (!r.success) expect(r.error.issues[0]?.message).toBe('Särskilt stöd ges till en enskild elev: välj nivån individ.');
  });
  it('extra anpassning at grupp is still fine', () => {
    expect(insatsCreateArgs.safeParse({ ...bas, niva: 'grupp', gruppId: 1, typ: 'extra_anpassning' }).success).toBe(true);
  });
});

describe(`6. The decision rule's corners — "${REGEL_EFFEKT} ${REGEL_INGEN_EFFEKT}"`, () => {
  const k = (bedomning: KedjeBedomning['bedomning'], beslut: KedjeBedomning['beslut']): KedjeBedomning => ({ bedomning, beslut });
  it.each<[string, Parameters<typeof recommendDecision>[0], string | null]>([
    ['ingen effekt after an earlier ingen effekt the team intensified instead of changing → ta bort', { bedomning: 'ingen_effekt', maletNatt: false, kedja: [k('ingen_effekt', 'intensifiera')] }, 'ta_bort'],
    ['negativ after an earlier negativ the team kept (komplettera underlag) → ta bort', { bedomning: 'negativ_utveckling', maletNatt: false, kedja: [k('negativ_utveckling', 'komplettera_underlag')] }, 'ta_bort'],
    ['ingen effekt after effect in between → förändra', { bedomning: 'ingen_effekt', maletNatt: false, kedja: [k('ingen_effekt', 'intensifiera'), k('viss_effekt', 'intensifiera')] }, 'forandra'],
    ['kan ej bedömas the second time → komplettera underlag', { bedomning: 'kan_ej_bedomas', maletNatt: false, kedja: [k('kan_ej_bedomas', 'komplettera_underlag')] }, 'komplettera_underlag'],
    ['undefined bedömning (a blank form) → välj en bedömning', { bedomning: undefined }, null],
    ['empty bedömning → välj en bedömning', { bedomning: '', maletNatt: false, kedja: [] }, null],
    ['an unknown value → välj en bedömning', { bedomning: 'TYDLIG', maletNatt: true, kedja: null }, null],
  ])('%s', (_, input, rek) => {
    const r = recommendDecision(input);
    expect(r.rekommendation).toBe(rek);
    if (rek === null) expect(r.skal).toEqual([VALJ_BEDOMNING_TEXT]);
    else expect(r.skal.some((s) => s.includes(`"${REGEL_EFFEKT}"`) || s.includes(`"${REGEL_INGEN_EFFEKT}"`))).toBe(true);
  });

  it('kan ej bedömas twice in a row recommends what to do about the underlag', () => {
    const r = recommendDecision({ bedomning: 'kan_ej_bedomas', maletNatt: false, kedja: [k('kan_ej_bedomas', 'komplettera_underlag')] });
    expect(r.skal.join(' ')).toMatch(/utse vem som tar fram underlaget och till vilket datum/);
    expect(r.skal.join(' ')).toMatch(/förändra insatsen så att dess effekt kan följas/);
  });

  it('a goal reached with kan ej bedömas is flagged, and avsluta quotes the seed', () => {
    const r = recommendDecision({ bedomning: 'kan_ej_bedomas', maletNatt: true, kedja: [] });
    expect(r.rekommendation).toBe('avsluta');
    expect(r.flagga).toMatch(/effekten kunde inte bedömas/);
    expect(r.skal.join(' ')).toContain(`"${REGEL_EFFEKT}"`);
  });
});

describe('7. Grades from åk 6, or åk 4–5 by the rektor (prop. 2020/21:58); never åk 1–3', () => {
  it.each<[number, boolean]>([[1, false], [2, false], [3, false], [4, true], [5, true], [6, true], [7, false]])('betyg från åk %d: %s', (ak, ok) => {
    expect(skolInstallningarSchema.safeParse({ betygFranArskurs: ak }).success).toBe(ok);
  });
  it('the prognosis årskurser are a setting (default 7–9; a tioårig grundskola sets 8–10)', () => {
    expect(DEFAULT_INSTALLNINGAR.prognosArskurser).toEqual([7, 8, 9]);
    expect(skolInstallningarSchema.parse({ prognosArskurser: [8, 9, 10] }).prognosArskurser).toEqual([8, 9, 10]);
  });
});

describe(`8. Utredning deadline — "${REGEL_UTREDNING}"`, () => {
  const lasar = {
    slutdatum: '2027-06-11',
    lov: [
      { fran: '2026-10-26', till: '2026-10-30' }, // höstlov v. 44
      { fran: '2026-12-21', till: '2027-01-08' }, // jullov
      { fran: '2027-02-22', till: '2027-02-26' }, // sportlov v. 8
    ],
  };
  it.each<[string, string, string]>([
    ['meeting 2026-10-05 (+21 = höstlov) → first school day after', '2026-10-05', '2026-11-02'],
    ['meeting 2026-12-03 (+21 = julafton, jullov) → first school day after jullov', '2026-12-03', '2027-01-11'],
    ['meeting 2027-02-01 (+21 = sportlov) → 1 March', '2027-02-01', '2027-03-01'],
    ['meeting 2027-06-01 (+21 after the läsår) → last school day, 11 June', '2027-06-01', '2027-06-11'],
    ['meeting 2026-10-15 → plain three weeks', '2026-10-15', '2026-11-05'],
  ])('%s', (_, mote, deadline) => {
    expect(suggestUtredningDeadline(mote, DEFAULT_INSTALLNINGAR, lasar)).toBe(deadline);
  });
  it('says why it moved', () => {
    expect(utredningDeadlineSkal('2026-10-05', DEFAULT_INSTALLNINGAR, lasar)).toMatch(/första skoldagen efter lovet/);
    expect(utredningDeadlineSkal('2027-06-01', DEFAULT_INSTALLNINGAR, lasar)).toMatch(/sista skoldagen före läsårets slut/);
    expect(utredningDeadlineSkal('2026-10-15', DEFAULT_INSTALLNINGAR, lasar)).toBeNull();
  });
  it('explains why a pupil with only viss effekt after 5 weeks is on the list', () => {
    const [due] = utredningDecisionsDue({
      motesdatum: '2026-10-15',
      troskelVeckor: 5,
      elever: [{ elevId: 1, harOppenUtredning: false, insatser: [{ insatsId: 1, niva: 'individ', startdatum: '2026-09-03', status: 'aktiv', bedomningar: [{ datum: '2026-10-01', bedomning: 'viss_effekt' }] }] }],
    });
    expect(due?.skal).toMatch(/senaste bedömning: viss effekt/);
    expect(due?.skal).toMatch(/Viss effekt räcker inte/);
  });
});

describe(`9. Teacher pattern — "${REGEL_LARARMONSTER}"`, () => {
  const SV = 1;
  const MA = 2;
  const grupp = (gruppId: number, ej: Record<number, number>) =>
    Object.entries(ej).flatMap(([amne, antal]) =>
      Array.from({ length: 10 }, (_, i) => ({ elevId: gruppId * 100 + i, gruppId, amneId: Number(amne), niva: (i < antal ? 'F' : 'C') as ResultatNiva })),
    );
  const namn = { larare: { 1: 'Anna Berg', 2: 'Bo Ek', 3: 'Cia Dahl' }, amne: { [MA]: 'Matematik', [SV]: 'Svenska' }, grupp: { 1: '7A', 2: '7B', 3: '7C' } };

  it('a teacher with one group that stands out gets "ingen jämförelse möjlig", in the singular', () => {
    const [p] = findTeacherPatterns({
      resultat: [...grupp(1, { [SV]: 1, [MA]: 6 }), ...grupp(2, { [SV]: 1, [MA]: 1 })],
      undervisning: [{ larareId: 1, gruppId: 1, amneId: MA }, { larareId: 2, gruppId: 2, amneId: MA }],
      minAntal: 3, marginal: 0.2, namn,
    });
    expect(p?.slag).toBe('ingen_jamforelse_mojlig');
    expect(p?.forslag).toMatch(/^I matematik utmärker sig ämnet i den 1 gruppen som Anna Berg undervisar \(7A: 6 av 10 når inte målen\)\./);
    expect(p?.forslag).toContain('Ingen jämförelse möjlig');
  });

  it('says shared teaching, and agrees in number ("i den 1 gruppen" / "i de 2 grupperna")', () => {
    const [p] = findTeacherPatterns({
      resultat: [...grupp(1, { [SV]: 1, [MA]: 6 }), ...grupp(2, { [SV]: 1, [MA]: 5 }), ...grupp(3, { [SV]: 1, [MA]: 1 })],
      undervisning: [
        { larareId: 1, gruppId: 1, amneId: MA }, { larareId: 1, gruppId: 2, amneId: MA }, { larareId: 3, gruppId: 2, amneId: MA },
        { larareId: 2, gruppId: 3, amneId: MA },
      ],
      minAntal: 3, marginal: 0.2, namn,
    });
    expect(p?.slag).toBe('monster');
    expect(p?.forslag).toMatch(/utmärker sig ämnet i 2 av de 2 grupperna som Anna Berg undervisar/);
    expect(p?.forslag).toContain('Anna Berg delar undervisningen i 7B med Cia Dahl');
    expect(p?.forslag).toContain('I den 1 gruppen i ämnet som en annan lärare undervisar utmärker sig ämnet inte.');
    expect(grupperText(1)).toBe('den 1 gruppen');
    expect(grupperText(3)).toBe('de 3 grupperna');
  });
});
