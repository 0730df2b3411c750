// Results per varv: one bedömningstillfälle per varv that has started, a level per pupil × subject, and for the
// levels not reached the betygskriterier not reached. Levels are drawn around each pupil's ability, so a pupil
// stays recognisable from varv to varv and an insats can be judged against the change. The xl history also has
// formative occasions (omdömen) inside each varv, before its own occasion, so five läsår hold about a million rows.
import type { Database } from 'better-sqlite3';
import { BatchInsert } from './batch';
import { addDaysIso, daysBetween, weekdayOnOrBefore, type LasarRad } from './calendar';
import { KRITERIER, kriteriumVikt } from './kriterier';
import { arskursIn, attends, type ElevInfo, type GruppInfo } from './people';
import type { Random } from './random';
import { SARSKILD_GRUPP_AMNEN, amnenForArskurs } from './sizes';
import type { Teaching } from './teaching';

/** The levels the resultat table accepts (0002_resultat.sql). */
export type ResultatNiva = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | '-' | 'ej_natt' | 'pa_vag' | 'natt';

export interface Tillfalle {
  id: number;
  datum: string;
  nummer: number;
  /** Progress through the läsår in varv (0 = the first varv's occasion); an omdöme lies between two varv. */
  steg: number;
}

export interface YearResults {
  tillfallen: Tillfalle[];
  /** `${elevId}:${amneKod}` → level per tillfälle index (undefined when the pupil had no result then). */
  niva: Map<string, (ResultatNiva | undefined)[]>;
  /** `${elevId}:${amneKod}` → the group the result belongs to. */
  grupp: Map<string, number>;
}

export interface Criteria {
  perAmne: Map<string, number[]>;
}

export function insertCriteria(db: Database, amneId: Map<string, number>): Criteria {
  const insert = db.prepare('INSERT INTO betygskriterium (amne_id, kod, text) VALUES (?, ?, ?)');
  const perAmne = new Map<string, number[]>();
  for (const [kod, texter] of Object.entries(KRITERIER)) {
    const id = amneId.get(kod);
    if (id === undefined) continue;
    perAmne.set(kod, texter.map((text, i) => Number(insert.run(id, `${kod}${i + 1}`, text).lastInsertRowid)));
  }
  return { perAmne };
}

const SPRAKTUNGA = new Set(['SV', 'SVA', 'EN', 'GE', 'HI', 'RE', 'SH']);

function betyg(z: number, rng: Random): ResultatNiva {
  if (rng.chance(0.004)) return '-';
  if (z < -1.95) return 'F';
  if (z < -0.7) return 'E';
  if (z < -0.05) return 'D';
  if (z < 0.6) return 'C';
  if (z < 1.25) return 'B';
  return 'A';
}

function tidig(z: number): ResultatNiva {
  if (z < -1.75) return 'ej_natt';
  if (z < -0.6) return 'pa_vag';
  return 'natt';
}

/** The subjects a pupil reads in a year and the group each result belongs to. */
export function pupilSubjects(elev: ElevInfo, klass: GruppInfo, sarskild: GruppInfo | undefined, arskurs: number): [string, number][] {
  return amnenForArskurs(arskurs)
    .filter((kod) => !(elev.sarskild && kod === 'M2'))
    .map((kod) => (kod === 'SV' && elev.nyanland ? 'SVA' : kod))
    .map((kod) => [kod, sarskild && SARSKILD_GRUPP_AMNEN.includes(kod) ? sarskild.id : klass.id]);
}

/**
 * A year's occasions and results. The occasions are those of the varv that have started, oldest first: `omdomenPerVarv`
 * formative ones spread over the start of each varv (not the last, which ends in betyg), then the varv's own on its
 * last day for assessments. An omdöme lies before its varv's own occasion and after the previous varv's EHT-möte, so
 * the latest occasion at an EHT-möte is still the varv's own.
 */
export function generateYearResults(
  db: Database,
  rng: Random,
  lasar: LasarRad,
  today: string,
  grupper: GruppInfo[],
  teaching: Teaching,
  amneId: Map<string, number>,
  criteria: Criteria,
  omdomenPerVarv = 0,
): YearResults {
  const insertTillfalle = db.prepare('INSERT INTO bedomningstillfalle (lasar_id, varv_id, namn, datum) VALUES (?, ?, ?, ?)');
  const out: YearResults = { tillfallen: [], niva: new Map(), grupp: new Map() };
  const started = lasar.varv.filter((x) => x.startdatum < today);
  started.forEach((v, index) => {
    const datum = v.bedomningSenast <= today ? v.bedomningSenast : today;
    const omdomen = index < lasar.varv.length - 1 ? omdomenPerVarv : 0;
    const span = daysBetween(v.startdatum, datum);
    for (let k = 1; k <= omdomen; k++) {
      const dag = weekdayOnOrBefore(addDaysIso(v.startdatum, Math.round((k * span) / (omdomen + 1))));
      if (dag <= v.startdatum || dag >= datum) continue;
      const id = Number(insertTillfalle.run(lasar.id, v.id, `Varv ${v.nummer}, omdöme ${k}`, dag).lastInsertRowid);
      out.tillfallen.push({ id, datum: dag, nummer: v.nummer, steg: index - 1 + k / (omdomen + 1) });
    }
    const id = Number(insertTillfalle.run(lasar.id, v.id, `Varv ${v.nummer}`, datum).lastInsertRowid);
    out.tillfallen.push({ id, datum, nummer: v.nummer, steg: index });
  });
  if (out.tillfallen.length === 0) return out;

  const sarskild = grupper.find((g) => g.typ === 'undervisningsgrupp');
  const monster = teaching.monsterLarare;
  const pupils: { elev: ElevInfo; amnen: [string, number][]; offset: number[]; betygsar: boolean }[] = [];
  for (const klass of grupper.filter((g) => g.typ === 'klass')) {
    const ak = klass.arskurs ?? 0;
    for (const elev of klass.medlemmar) {
      if (!attends(elev, lasar) || arskursIn(elev, lasar.startYear) !== ak) continue;
      const egen = elev.sarskild && sarskild?.medlemmar.includes(elev) ? sarskild : undefined;
      const amnen = pupilSubjects(elev, klass, egen, ak);
      const offset = amnen.map(([kod, gruppId]) => {
        // Condition (c): one teacher's MA groups have clearly more pupils not reaching than their other subjects.
        // Elsewhere MA follows the pupil's general level closely, so no other MA group stands out by chance.
        const monsterGrupp = monster !== null && kod === 'MA' && gruppId === klass.id
          && (teaching.larare.get(`${gruppId}:MA`) ?? []).includes(monster);
        let o = rng.normal() * (kod === 'MA' ? 0.25 : 0.6);
        if (elev.nyanland && SPRAKTUNGA.has(kod)) o -= 0.7;
        return monsterGrupp ? o - 2.7 : o;
      });
      pupils.push({ elev, amnen, offset, betygsar: ak >= 6 });
    }
  }

  // Ids are given explicitly (the next free ones), so a result's kriterier can be written in the same batches.
  let resultatId = (db.prepare('SELECT coalesce(max(id), 0) FROM resultat').pluck().get() as number) + 1;
  const resultat = new BatchInsert(db, 'resultat', ['id', 'elev_id', 'amne_id', 'tillfalle_id', 'grupp_id', 'niva']);
  const kriterier = new BatchInsert(db, 'resultat_kriterium', ['resultat_id', 'kriterium_id'], () => resultat.flush());
  const trend = rng.normal() * 0.05;
  out.tillfallen.forEach((t, index) => {
    for (const p of pupils) {
      if (p.elev.slutat !== null && p.elev.slutat <= t.datum) continue;
      p.amnen.forEach(([kod, gruppId], i) => {
        const z = p.elev.formaga + (p.offset[i] as number) + trend * t.steg + rng.normal() * 0.35;
        const niva = p.betygsar ? betyg(z, rng) : tidig(z);
        const id = resultatId++;
        resultat.add([id, p.elev.id, amneId.get(kod) ?? null, t.id, gruppId, niva]);
        const key = `${p.elev.id}:${kod}`;
        const list = out.niva.get(key) ?? [];
        list[index] = niva;
        out.niva.set(key, list);
        out.grupp.set(key, gruppId);
        const antal = niva === 'F' || niva === 'ej_natt' ? rng.int(1, 3) : niva === 'pa_vag' ? 1 : 0;
        const ids = criteria.perAmne.get(kod) ?? [];
        const valda = new Set<number>();
        const vikter = ids.map((_, k) => kriteriumVikt(k));
        while (valda.size < Math.min(antal, ids.length)) valda.add(ids[rng.weighted(vikter)] as number);
        for (const kriteriumId of valda) kriterier.add([id, kriteriumId]);
      });
    }
  });
  kriterier.flush();
  return out;
}
