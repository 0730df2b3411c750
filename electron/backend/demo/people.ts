// Staff, pupils and classes of the demo school. Pupils are drawn per cohort (the year they started förskoleklass),
// so the xl history shows the same pupils moving up through the årskurser.
import type { Database } from 'better-sqlite3';
import type { Roll } from '../../../shared/model';
import { addDaysIso, daysBetween, type LasarRad } from './calendar';
import { ELEV_FORNAMN, NameSource, PERSONAL_FORNAMN } from './names';
import type { Random } from './random';
import type { SizeConfig } from './sizes';

export interface Staff {
  rektor: number;
  bitradande: number[];
  specialpedagoger: number[];
  kuratorer: number[];
  skolskoterskor: number[];
  psykologer: number[];
  forstelarare: number[];
  larare: number[];
  namn: Map<number, string>;
}

export interface ElevInfo {
  id: number;
  /** The calendar year the pupil's cohort started förskoleklass: årskurs = läsårets startår − kull. */
  kull: number;
  bokstav: string;
  /** Latent ability; results are drawn around it. */
  formaga: number;
  nyanland: boolean;
  sarskild: boolean;
  /** First läsår (start year) the pupil attends the school. */
  borjadeAr: number;
  slutat: string | null;
}

export interface GruppInfo {
  id: number;
  namn: string;
  arskurs: number | null;
  typ: 'klass' | 'undervisningsgrupp';
  medlemmar: ElevInfo[];
}

const BOKSTAVER = 'ABCDE';
const KLASSNAMN = (arskurs: number, bokstav: string) => (arskurs === 0 ? `F${bokstav}` : `${arskurs}${bokstav}`);

function epost(fornamn: string, efternamn: string): string {
  const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
  return `${ascii(fornamn)}.${ascii(efternamn)}@demoskolan-varvet.example`;
}

export function insertStaff(db: Database, cfg: SizeConfig, names: NameSource): Staff {
  const insert = db.prepare('INSERT INTO personal (extern_id, fornamn, efternamn, epost) VALUES (?, ?, ?, ?)');
  const insertRoll = db.prepare('INSERT INTO personal_roll (personal_id, roll) VALUES (?, ?)');
  const staff: Staff = {
    rektor: 0, bitradande: [], specialpedagoger: [], kuratorer: [], skolskoterskor: [], psykologer: [],
    forstelarare: [], larare: [], namn: new Map(),
  };
  let n = 0;
  const add = (roller: Roll[]): number => {
    const { fornamn, efternamn } = names.next(PERSONAL_FORNAMN);
    n += 1;
    const id = Number(insert.run(`P${String(n).padStart(4, '0')}`, fornamn, efternamn, epost(fornamn, efternamn)).lastInsertRowid);
    for (const roll of roller) insertRoll.run(id, roll);
    staff.namn.set(id, `${fornamn} ${efternamn}`);
    return id;
  };
  const antal = cfg.ledningOchElevhalsa;
  staff.rektor = add(['rektor']);
  for (let i = 0; i < (antal.bitradande_rektor ?? 0); i++) staff.bitradande.push(add(['bitradande_rektor']));
  for (let i = 0; i < (antal.specialpedagog ?? 0); i++) staff.specialpedagoger.push(add(['specialpedagog']));
  for (let i = 0; i < (antal.kurator ?? 0); i++) staff.kuratorer.push(add(['kurator']));
  for (let i = 0; i < (antal.skolskoterska ?? 0); i++) staff.skolskoterskor.push(add(['skolskoterska']));
  for (let i = 0; i < (antal.skolpsykolog ?? 0); i++) staff.psykologer.push(add(['skolpsykolog']));
  for (let i = 0; i < cfg.larare; i++) {
    // Förstelärare are spread through the list so they land in different arbetslag.
    const forste = i % Math.max(1, Math.floor(cfg.larare / cfg.forstelarare)) === 1 && staff.forstelarare.length < cfg.forstelarare;
    const id = add(forste ? ['larare', 'forstelarare'] : ['larare']);
    staff.larare.push(id);
    if (forste) staff.forstelarare.push(id);
  }
  return staff;
}

/** Mentor role for those who mentor a class in the current läsår. */
export function markMentors(db: Database, mentorIds: Iterable<number>): void {
  const insertRoll = db.prepare("INSERT OR IGNORE INTO personal_roll (personal_id, roll) VALUES (?, 'mentor')");
  for (const id of mentorIds) insertRoll.run(id);
}

/** Cohorts for the current läsår (F–9) and, for the xl history, the cohorts that have left after åk 9. */
export function drawPupils(rng: Random, cfg: SizeConfig, currentYear: number, today: string, lasarStart: string): ElevInfo[] {
  const elever: ElevInfo[] = [];
  const oldestKull = currentYear - 9 - cfg.historikAr;
  const lamnatFrom = addDaysIso(lasarStart, 14);
  const kanLamna = daysBetween(lamnatFrom, today) > 7;
  for (let kull = currentYear; kull >= oldestKull; kull--) {
    for (let k = 0; k < cfg.klasserPerArskurs; k++) {
      const storlek = cfg.klasstorlek + rng.int(-2, 2);
      for (let i = 0; i < storlek; i++) {
        const nyanland = rng.chance(kull <= currentYear - 4 ? 0.06 : 0.03);
        const slutat = kanLamna && kull > currentYear - 10 && rng.chance(0.015)
          ? addDaysIso(lamnatFrom, rng.int(0, daysBetween(lamnatFrom, today) - 1))
          : null;
        elever.push({
          id: 0, kull, bokstav: BOKSTAVER[k] as string, formaga: rng.normal() - (nyanland ? 0.5 : 0), nyanland,
          sarskild: false, borjadeAr: nyanland ? Math.min(kull + 9, Math.max(kull, currentYear - rng.int(0, 1))) : kull, slutat,
        });
      }
    }
  }
  // The särskild undervisningsgrupp: pupils now in åk 7–9 with low results, at least one of them in åk 9.
  const kandidater = elever
    .filter((e) => e.kull >= currentYear - 9 && e.kull <= currentYear - 7 && !e.slutat && !e.nyanland)
    .sort((a, b) => a.formaga - b.formaga);
  const nian = kandidater.find((e) => e.kull === currentYear - 9);
  const valda = [...(nian ? [nian] : []), ...kandidater.filter((e) => e !== nian)].slice(0, cfg.sarskildaElever);
  for (const e of valda) {
    e.sarskild = true;
    e.formaga = Math.min(e.formaga, -1.2);
  }
  // Condition (d): the åk 9 pupil in the group is far from behörighet in most subjects, MA and EN included.
  if (nian) nian.formaga = Math.min(nian.formaga, -2.8);
  return elever;
}

export function arskursIn(elev: ElevInfo, year: number): number {
  return year - elev.kull;
}

export function attends(elev: ElevInfo, lasar: Pick<LasarRad, 'startYear' | 'startdatum'>): boolean {
  const ak = arskursIn(elev, lasar.startYear);
  return ak >= 0 && ak <= 9 && elev.borjadeAr <= lasar.startYear && (elev.slutat === null || elev.slutat > lasar.startdatum);
}

/** The year's classes and, when it has pupils, the särskild undervisningsgrupp. Ids are filled in. */
export function insertGroups(db: Database, lasar: LasarRad, elever: ElevInfo[]): GruppInfo[] {
  const insert = db.prepare('INSERT INTO grupp (lasar_id, namn, typ, arskurs) VALUES (?, ?, ?, ?)');
  const grupper: GruppInfo[] = [];
  const sarskilda = elever.filter((e) => e.sarskild && attends(e, lasar) && arskursIn(e, lasar.startYear) >= 7);
  for (let ak = 0; ak <= 9; ak++) {
    for (const bokstav of BOKSTAVER) {
      const medlemmar = elever.filter((e) => e.bokstav === bokstav && arskursIn(e, lasar.startYear) === ak && attends(e, lasar));
      if (medlemmar.length === 0) continue;
      const namn = KLASSNAMN(ak, bokstav);
      const grupp: GruppInfo = { id: 0, namn, arskurs: ak, typ: 'klass', medlemmar };
      grupp.id = Number(insert.run(lasar.id, namn, 'klass', ak).lastInsertRowid);
      grupper.push(grupp);
    }
  }
  if (sarskilda.length > 0) {
    const grupp: GruppInfo = { id: 0, namn: 'Lilla gruppen 7–9', arskurs: null, typ: 'undervisningsgrupp', medlemmar: sarskilda };
    grupp.id = Number(insert.run(lasar.id, grupp.namn, grupp.typ, null).lastInsertRowid);
    grupper.push(grupp);
  }
  return grupper;
}

/** Pupils are inserted once, pointing at the class they are in now (or left from); ids are filled in. */
export function insertPupils(
  db: Database,
  elever: ElevInfo[],
  klassFor: (elev: ElevInfo) => { klassId: number; mentorId: number | null; arskurs: number },
  names: NameSource,
): void {
  const insert = db.prepare(
    `INSERT INTO elev (extern_id, fornamn, efternamn, arskurs, klass_id, mentor_id, sarskild_undervisningsgrupp,
       nyanland, aktiv, slutat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Oldest first, so external ids grow with the date a pupil joined, as in a school platform.
  const ordning = [...elever].sort((a, b) => a.borjadeAr - b.borjadeAr || a.kull - b.kull);
  ordning.forEach((elev, i) => {
    const { fornamn, efternamn } = names.next(ELEV_FORNAMN);
    const klass = klassFor(elev);
    elev.id = Number(
      insert.run(`E${String(100 + i).padStart(6, '0')}`, fornamn, efternamn, klass.arskurs, klass.klassId, klass.mentorId,
        elev.sarskild ? 1 : 0, elev.nyanland ? 1 : 0, elev.slutat === null ? 1 : 0, elev.slutat).lastInsertRowid,
    );
  });
}

export function insertMemberships(db: Database, grupper: GruppInfo[]): void {
  const insertMedlem = db.prepare('INSERT INTO gruppmedlem (grupp_id, elev_id) VALUES (?, ?)');
  for (const g of grupper) for (const e of g.medlemmar) insertMedlem.run(g.id, e.id);
}
