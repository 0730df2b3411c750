// Who teaches what (undervisning = lärare × grupp × ämne) and who mentors each class. Teachers hold "positions":
// a klasslärare in F–3, and per stadium subject clusters over a few classes, so one teacher teaches the same
// subject in several groups — which is what the teacher-pattern rule looks at.
import type { Database } from 'better-sqlite3';
import type { GruppInfo } from './people';
import { SARSKILD_GRUPP_AMNEN, amnenForArskurs } from './sizes';

interface Position {
  grupper: GruppInfo[];
  amnen: (grupp: GruppInfo) => string[];
}

const KLUSTER: { amnen: string[]; perLarare: number }[] = [
  { amnen: ['MA', 'BI', 'FY', 'KE', 'TK'], perLarare: 2 },
  { amnen: ['SV', 'SVA', 'GE', 'HI', 'RE', 'SH'], perLarare: 2 },
  { amnen: ['EN', 'M2'], perLarare: 3 },
  { amnen: ['BL', 'SL', 'HKK'], perLarare: 4 },
];

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface Teaching {
  /** `${gruppId}:${amneKod}` → teacher ids. */
  larare: Map<string, number[]>;
  mentor: Map<number, number>;
  /** The teacher whose MA groups the demo makes stand out (condition c), or null for past years. */
  monsterLarare: number | null;
}

/** Adds SVA wherever SV is read: nyanlända pupils read it in their class. */
function withSva(amnen: string[]): string[] {
  return amnen.includes('SV') ? [...amnen, 'SVA'] : amnen;
}

export function assignTeaching(
  db: Database,
  grupper: GruppInfo[],
  larare: number[],
  amneId: Map<string, number>,
  withPattern: boolean,
): Teaching {
  const klasser = grupper.filter((g) => g.typ === 'klass');
  const positions: Position[] = [];
  for (const g of klasser.filter((k) => (k.arskurs ?? 0) <= 3)) {
    positions.push({ grupper: [g], amnen: (x) => withSva(amnenForArskurs(x.arskurs ?? 0)).filter((a) => a !== 'IDH') });
  }
  positions.push(...chunks(klasser.filter((k) => (k.arskurs ?? 0) >= 1), 6).map((gs) => ({ grupper: gs, amnen: () => ['IDH'] })));
  for (const [fran, till] of [[4, 6], [7, 9]] as const) {
    const stadium = klasser.filter((k) => (k.arskurs ?? 0) >= fran && (k.arskurs ?? 0) <= till);
    for (const kluster of KLUSTER) {
      for (const gs of chunks(stadium, kluster.perLarare)) {
        positions.push({ grupper: gs, amnen: (x) => withSva(amnenForArskurs(x.arskurs ?? 0)).filter((a) => kluster.amnen.includes(a)) });
      }
    }
    positions.push(...chunks(stadium, 6).map((gs) => ({ grupper: gs, amnen: () => ['MU'] })));
  }
  const sarskild = grupper.find((g) => g.typ === 'undervisningsgrupp');
  if (sarskild) positions.push({ grupper: [sarskild], amnen: () => SARSKILD_GRUPP_AMNEN.filter((a) => a !== 'MA') });

  const teaching: Teaching = { larare: new Map(), mentor: new Map(), monsterLarare: null };
  const insert = db.prepare('INSERT INTO undervisning (personal_id, grupp_id, amne_id) VALUES (?, ?, ?)');
  const add = (larareId: number, grupp: GruppInfo, kod: string) => {
    const id = amneId.get(kod);
    const key = `${grupp.id}:${kod}`;
    const list = teaching.larare.get(key) ?? [];
    if (id === undefined || list.includes(larareId)) return;
    insert.run(larareId, grupp.id, id);
    teaching.larare.set(key, [...list, larareId]);
  };
  positions.forEach((p, i) => {
    const larareId = larare[i % larare.length] as number;
    for (const g of p.grupper) for (const kod of p.amnen(g)) add(larareId, g, kod);
  });
  // Teachers left without a position co-teach SV or EN in F–6 (tvålärarsystem), never MA, to keep (c) clean.
  for (let i = positions.length; i < larare.length; i++) {
    const g = klasser[(i * 7) % Math.max(1, klasser.length)];
    if (g && (g.arskurs ?? 0) <= 6) add(larare[i] as number, g, i % 2 === 0 ? 'SV' : 'EN');
    else if (g) add(larare[i] as number, g, 'BL');
  }
  // Mentor: in F–3 the klasslärare, else a teacher of the class who mentors no other class yet.
  const mentorer = new Set<number>();
  for (const g of klasser) {
    const egna = [...teaching.larare.entries()].filter(([k]) => k.startsWith(`${g.id}:`)).flatMap(([, ids]) => ids);
    const mentor = egna.find((id) => !mentorer.has(id)) ?? larare.find((id) => !mentorer.has(id)) ?? egna[0] ?? (larare[0] as number);
    mentorer.add(mentor);
    teaching.mentor.set(g.id, mentor);
  }
  if (withPattern) teaching.monsterLarare = pickPatternTeacher(teaching, grupper);
  // Lilla gruppen's MA is taught by an åk 7–9 MA teacher (the pattern teacher when there is one), as in many
  // schools; a group where every subject is hard then never counts as "another teacher's group" in the pattern.
  if (sarskild) {
    const hogstadiet = klasser.find((k) => (k.arskurs ?? 0) >= 7);
    const maLarare = teaching.monsterLarare ?? (hogstadiet ? teaching.larare.get(`${hogstadiet.id}:MA`)?.[0] : undefined);
    add(maLarare ?? (larare[0] as number), sarskild, 'MA');
  }
  return teaching;
}

/** The MA teacher with the most graded classes (åk 7–9 preferred), provided another teacher has MA groups too. */
function pickPatternTeacher(teaching: Teaching, grupper: GruppInfo[]): number | null {
  const antal = new Map<number, number>();
  for (const g of grupper.filter((x) => x.typ === 'klass' && (x.arskurs ?? 0) >= 6)) {
    for (const id of teaching.larare.get(`${g.id}:MA`) ?? []) antal.set(id, (antal.get(id) ?? 0) + ((g.arskurs ?? 0) >= 7 ? 10 : 1));
  }
  const sorted = [...antal.entries()].filter(([, n]) => n >= 20).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return sorted.length >= 1 && antal.size >= 2 ? (sorted[0]?.[0] ?? null) : null;
}
