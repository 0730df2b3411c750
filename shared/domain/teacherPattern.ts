// Teacher pattern (seed 001: "På EHT kan det vara så att ett visst ämne utmärker sig. Undersök då om det ser
// likadant ut för samma lärare i en annan elevgrupp. Detta kan visa på att det är läraren som behöver handledning.")
import { isEjNadd, type ResultatNiva } from './scales';

export const REGEL_LARARMONSTER =
  'På EHT kan det vara så att ett visst ämne utmärker sig. Undersök då om det ser likadant ut för samma lärare i en annan elevgrupp. Detta kan visa på att det är läraren som behöver handledning.';

export interface TeacherPatternInput {
  resultat: { elevId: number; gruppId: number; amneId: number; niva: ResultatNiva }[];
  undervisning: { larareId: number; gruppId: number; amneId: number }[];
  /** A subject stands out only when at least this many pupils in the group do not reach. */
  minAntal: number;
  /** …and its share not reaching is at least this much above the median of the group's other subjects (0–1). */
  marginal: number;
  /** Optional display names for the suggestion text. */
  namn?: { larare?: Record<number, string>; amne?: Record<number, string>; grupp?: Record<number, string> };
}

export interface GruppBevis {
  gruppId: number;
  /** The teachers of the group in the subject, ascending. */
  larareIds: number[];
  /** True for the teacher's own groups, false for other teachers' groups in the same subject. */
  egenGrupp: boolean;
  antalElever: number;
  antalEjNadda: number;
  andelEjNadda: number;
  /** Median share not reaching in the group's other subjects; null when the group has no other subject. */
  ovrigaAmnenAndel: number | null;
  utmarker: boolean;
}

export interface TeacherPattern {
  larareId: number;
  amneId: number;
  /** Own groups first, then other teachers' groups; each by gruppId. */
  grupper: GruppBevis[];
  /** True when no other teacher's group in the subject exists to compare with. */
  jamforelseSaknas: boolean;
  /**
   * monster: at least two of the teacher's groups stand out and no other teacher's does. ingen_jamforelse_mojlig: the
   * teacher has one group in the subject and it stands out, so there is no other group of theirs to compare with.
   */
  slag: 'monster' | 'ingen_jamforelse_mojlig';
  /** The teacher's groups in the subject that have more than one teacher (shared teaching), by gruppId. */
  delad: { gruppId: number; medLarareIds: number[] }[];
  forslag: string;
  /** Who may see it: the pattern is about a named teacher. */
  synlighet: 'skolledning';
}

interface Stat {
  antal: number;
  ejNadda: number;
}

function key(a: number, b: number): string {
  return `${a}:${b}`;
}

/** Per group and subject: pupils and pupils not reaching. A pupil listed twice counts once, as not reaching if any says so. */
function countResults(resultat: TeacherPatternInput['resultat']): Map<number, Map<number, Stat>> {
  const perElev = new Map<string, { gruppId: number; amneId: number; ejNadd: boolean }>();
  for (const r of resultat) {
    const k = `${r.gruppId}:${r.amneId}:${r.elevId}`;
    const prev = perElev.get(k);
    perElev.set(k, { gruppId: r.gruppId, amneId: r.amneId, ejNadd: (prev?.ejNadd ?? false) || isEjNadd(r.niva) });
  }
  const stats = new Map<number, Map<number, Stat>>();
  for (const { gruppId, amneId, ejNadd } of perElev.values()) {
    const grupp = stats.get(gruppId) ?? new Map<number, Stat>();
    const stat = grupp.get(amneId) ?? { antal: 0, ejNadda: 0 };
    grupp.set(amneId, { antal: stat.antal + 1, ejNadda: stat.ejNadda + (ejNadd ? 1 : 0) });
    stats.set(gruppId, grupp);
  }
  return stats;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function bevis(stats: Map<number, Map<number, Stat>>, gruppId: number, amneId: number, input: TeacherPatternInput) {
  const grupp = stats.get(gruppId) ?? new Map<number, Stat>();
  const stat = grupp.get(amneId) ?? { antal: 0, ejNadda: 0 };
  const andel = stat.antal === 0 ? 0 : stat.ejNadda / stat.antal;
  const ovriga = [...grupp.entries()].filter(([a, s]) => a !== amneId && s.antal > 0).map(([, s]) => s.ejNadda / s.antal);
  const ovrigaAndel = median(ovriga);
  // A tiny epsilon keeps "exactly the margin" counting as standing out despite floating point.
  const utmarker = stat.ejNadda >= input.minAntal && ovrigaAndel !== null && andel - ovrigaAndel >= input.marginal - 1e-9;
  return { antalElever: stat.antal, antalEjNadda: stat.ejNadda, andelEjNadda: andel, ovrigaAmnenAndel: ovrigaAndel, utmarker };
}

/**
 * A subject's name inside a sentence: "I matematik utmärker sig…". Only the first letter is lowered, so a language
 * written with a capital in the subject list ("Modersmål – Arabiska") keeps it; an abbreviation ("NO") is kept.
 */
export function amneIMening(namn: string): string {
  if (/^\p{Lu}{2}/u.test(namn)) return namn;
  return namn.charAt(0).toLocaleLowerCase('sv') + namn.slice(1);
}

/** Number agreement: "den 1 gruppen", "de 2 grupperna". */
export function grupperText(antal: number): string {
  return antal === 1 ? 'den 1 gruppen' : `de ${antal} grupperna`;
}

function forslagText(input: TeacherPatternInput, p: Omit<TeacherPattern, 'forslag'>): string {
  const namn = input.namn?.amne?.[p.amneId];
  const amne = namn === undefined ? `ämne ${p.amneId}` : amneIMening(namn);
  const larareNamn = (id: number) => input.namn?.larare?.[id];
  const larare = larareNamn(p.larareId) ?? 'läraren';
  const gruppNamn = (id: number) => input.namn?.grupp?.[id] ?? `grupp ${id}`;
  const egna = p.grupper.filter((g) => g.egenGrupp);
  const utm = egna.filter((g) => g.utmarker);
  const lista = utm.map((g) => `${gruppNamn(g.gruppId)}: ${g.antalEjNadda} av ${g.antalElever} når inte målen`).join('; ');
  const andra = p.grupper.length - egna.length;
  const delad = p.delad
    .map((d) => {
      const med = d.medLarareIds.map((id) => larareNamn(id) ?? `lärare ${id}`).join(' och ');
      return `${larare === 'läraren' ? 'Läraren' : larare} delar undervisningen i ${gruppNamn(d.gruppId)} med ${med}, så resultatet speglar inte bara en lärares undervisning.`;
    })
    .join(' ');
  const jamforelse = p.jamforelseSaknas
    ? 'Det finns ingen annan lärares grupp i ämnet att jämföra med.'
    : `I ${grupperText(andra)} i ämnet som ${andra === 1 ? 'en annan lärare' : 'andra lärare'} undervisar utmärker sig ämnet inte.`;
  const slut =
    'Underlaget visar ett mönster i resultaten, inte dess orsak: samtala med läraren om underlaget och överväg handledning ' +
    'som en insats på lärarnivå. Visas endast för skolledningen.';
  if (p.slag === 'ingen_jamforelse_mojlig') {
    return (
      `I ${amne} utmärker sig ämnet i ${grupperText(1)} som ${larare} undervisar (${lista}). ${delad ? `${delad} ` : ''}` +
      `Ingen jämförelse möjlig: ${larare} undervisar ingen annan grupp i ämnet, så det går inte att undersöka om det ser ` +
      'likadant ut för samma lärare i en annan elevgrupp. Följ gruppen i nästa varv och samtala med läraren om resultaten. ' +
      'Visas endast för skolledningen.'
    );
  }
  return (
    `I ${amne} utmärker sig ämnet i ${utm.length} av ${grupperText(egna.length)} som ${larare} undervisar (${lista}). ` +
    `${delad ? `${delad} ` : ''}${jamforelse} ` +
    'Enligt Skolverkets ledarhandling kan detta visa på att det är läraren som behöver handledning. ' +
    slut
  );
}

/**
 * For each teacher and subject: report when at least two of the teacher's groups stand out in the subject and
 * none of the other teachers' groups in that subject does (slag monster), or when the teacher has a single group in
 * the subject and it stands out (slag ingen_jamforelse_mojlig: said rather than left silent). Shared teaching is
 * named. Independent of input order.
 */
export function findTeacherPatterns(input: TeacherPatternInput): TeacherPattern[] {
  const stats = countResults(input.resultat);
  const larareFor = new Map<string, Set<number>>();
  for (const u of input.undervisning) {
    const k = key(u.gruppId, u.amneId);
    larareFor.set(k, (larareFor.get(k) ?? new Set<number>()).add(u.larareId));
  }
  const teacherSubjects = [...new Set(input.undervisning.map((u) => key(u.larareId, u.amneId)))]
    .map((k) => k.split(':').map(Number) as [number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const patterns: TeacherPattern[] = [];
  for (const [larareId, amneId] of teacherSubjects) {
    const grupperMedAmne = [...stats.keys()].filter((g) => (stats.get(g)?.get(amneId)?.antal ?? 0) > 0).sort((a, b) => a - b);
    const grupper: GruppBevis[] = grupperMedAmne.map((gruppId) => {
      const larareIds = [...(larareFor.get(key(gruppId, amneId)) ?? [])].sort((a, b) => a - b);
      return { gruppId, larareIds, egenGrupp: larareIds.includes(larareId), ...bevis(stats, gruppId, amneId, input) };
    });
    const egna = grupper.filter((g) => g.egenGrupp);
    const andra = grupper.filter((g) => !g.egenGrupp);
    const utmarkande = egna.filter((g) => g.utmarker).length;
    // One group of the teacher's in the subject, and it stands out: said, with no comparison possible.
    const ensam = egna.length === 1 && utmarkande === 1;
    if (!ensam && (utmarkande < 2 || andra.some((g) => g.utmarker))) continue;
    const delad = egna
      .filter((g) => g.utmarker && g.larareIds.length > 1)
      .map((g) => ({ gruppId: g.gruppId, medLarareIds: g.larareIds.filter((id) => id !== larareId) }));
    const utan = {
      larareId,
      amneId,
      grupper: [...egna, ...andra],
      jamforelseSaknas: andra.length === 0,
      slag: ensam ? ('ingen_jamforelse_mojlig' as const) : ('monster' as const),
      delad,
      synlighet: 'skolledning' as const,
    };
    patterns.push({ ...utan, forslag: forslagText(input, utan) });
  }
  return patterns;
}
