// The demo school ("Öppna demoskola" and `varvet demo`): a fictional F–9 school with staff, classes, results,
// insatser, evaluations and utredningar, relative to `now`. Deterministic: the same size and `now` give the same
// database, because every random choice comes from a seeded generator. Everything is one transaction.
import type { Database } from 'better-sqlite3';
import { toIsoDate } from '../../../shared/calendar';
import type { DemoSize } from '../../../shared/contract';
import { createSkola } from '../skola/skola';
import { insertEarlierLasar, lasarDates, lasarStartYear, readLasar } from './calendar';
import { InsatsSimulation, type InsatsState } from './insatser';
import { holdMeetings } from './meetings';
import { NameSource } from './names';
import { addDemoPlan } from './plan';
import { arskursIn, drawPupils, insertGroups, insertMemberships, insertPupils, insertStaff, markMentors, type ElevInfo, type GruppInfo } from './people';
import { Random } from './random';
import { generateYearResults, insertCriteria } from './results';
import { addScenarioA, ehtLike, ensureUtredningar, planScenarioA } from './scenarios';
import { SIZES } from './sizes';
import { assignTeaching, type Teaching } from './teaching';
import { addDemoUppfoljning } from './uppfoljning';
import { UtredningBook } from './utredningar';

export const DEMO_SKOLA_NAMN = 'Demoskolan Varvet';

/** Every table of the schema, in the order the summary lists them. */
export const DEMO_TABLES = [
  'skola', 'lasar', 'varv', 'personal', 'personal_roll', 'amne', 'grupp', 'elev', 'gruppmedlem', 'undervisning', 'mote',
  'mote_deltagare', 'insats', 'effektbedomning', 'utredning', 'utredningsbeslut', 'bedomningstillfalle',
  'betygskriterium', 'resultat', 'resultat_kriterium',
] as const;
export type DemoTable = (typeof DEMO_TABLES)[number];
export type DemoSummary = Record<DemoTable, number>;

export function countTables(db: Database): DemoSummary {
  const summary = {} as DemoSummary;
  // Table names come from the constant list above, never from input, so interpolating them is safe.
  for (const table of DEMO_TABLES) summary[table] = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return summary;
}

interface Year {
  lasar: ReturnType<typeof readLasar>[number];
  grupper: GruppInfo[];
  teaching: Teaching;
  current: boolean;
}

/** Page cache while generating (KiB): enough for the xl school's hot index pages. */
const GENERATE_CACHE_KIB = 64 * 1024;

export function generateDemo(db: Database, opts: { size: DemoSize; now: Date }): DemoSummary {
  const cfg = SIZES[opts.size];
  const today = toIsoDate(opts.now);
  const startYear = lasarStartYear(today);
  const rng = new Random(cfg.seed);

  // The whole school is one transaction; at xl its indexes (results, audit log) outgrow SQLite's default 2 MB page
  // cache and every insert re-reads evicted pages. A larger cache for the generation only, then the usual one again.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${-GENERATE_CACHE_KIB}`);
  try {
    db.transaction(() => {
      createSkola(db, { namn: DEMO_SKOLA_NAMN, lasar: lasarDates(startYear) }, opts.now);
      // In the first days of a läsår no varv has results yet: last läsår is added so the rules have results to read.
      const harResultat = readLasar(db)[0]?.varv.some((v) => v.startdatum < today) ?? false;
      const historikAr = Math.max(cfg.historikAr, harResultat ? 0 : 1);
      for (let k = historikAr; k >= 1; k--) insertEarlierLasar(db, startYear - k);
      const lasarList = readLasar(db);
      const amnen = db.prepare('SELECT id, kod, namn FROM amne').all() as { id: number; kod: string; namn: string }[];
      const amneId = new Map(amnen.map((a) => [a.kod, a.id]));
      const amneNamn = new Map(amnen.map((a) => [a.kod, a.namn]));
      const current = lasarList.find((l) => l.startYear === startYear);
      if (!current) throw new Error('demo: the current läsår was not created');

      const names = new NameSource(rng.fork(1));
      const staff = insertStaff(db, cfg, names);
      const elever = drawPupils(rng.fork(2), { ...cfg, historikAr }, startYear, today, current.startdatum);
      // The teacher pattern (c) lies in the latest results: this läsår's, or last läsår's before the first varv.
      const monsterLasar = harResultat ? current : lasarList.find((l) => l.startYear === startYear - 1);
      // Pupils who finished åk 9 in an earlier läsår left on its last day.
      for (const e of elever) if (e.kull + 9 < startYear) e.slutat = lasarDates(e.kull + 9).slutdatum;
      const criteria = insertCriteria(db, amneId);

      const years: Year[] = lasarList.map((lasar) => {
        const grupper = insertGroups(db, lasar, elever);
        const teaching = assignTeaching(db, grupper, staff.larare, amneId, lasar === monsterLasar);
        return { lasar, grupper, current: lasar === current, teaching };
      });
      const currentYear = years.find((y) => y.current) as Year;
      markMentors(db, currentYear.teaching.mentor.values());

      // A pupil points at the class they are in now, or the last one they were in before leaving.
      const klassFor = (elev: ElevInfo) => {
        for (const y of [...years].reverse()) {
          const klass = y.grupper.find((g) => g.typ === 'klass' && g.medlemmar.includes(elev));
          if (klass) return { klassId: klass.id, mentorId: y.teaching.mentor.get(klass.id) ?? null, arskurs: klass.arskurs ?? 0 };
        }
        throw new Error(`demo: pupil of kull ${elev.kull} has no class`);
      };
      insertPupils(db, elever.filter((e) => years.some((y) => arskursIn(e, y.lasar.startYear) <= 9)), klassFor, names);
      for (const y of years) insertMemberships(db, y.grupper);
      const elevById = new Map(elever.map((e) => [e.id, e]));

      // Scenario (a) lives in the läsår of the latest held EHT-möte, relative to the next one.
      const nasta = current.moten.find((m) => m.typ === 'eht' && m.datum >= today);
      const previous = years.find((y) => y.lasar.startYear === startYear - 1);
      const scenarioYear = ehtLike(current, today).length > 0 || !previous ? currentYear : previous;
      const scenarioA = planScenarioA(scenarioYear.lasar, today, scenarioYear.grupper, nasta);
      const fortsatter = new Set<InsatsState>();

      for (const y of years) {
        const yearRng = rng.fork(y.lasar.startYear);
        // Only the history has omdömen: the current läsår looks like every other size's, one occasion per varv.
        const omdomen = y.current ? 0 : cfg.omdomenPerVarv;
        const results = generateYearResults(db, yearRng, y.lasar, today, y.grupper, y.teaching, amneId, criteria, omdomen);
        const book = new UtredningBook(db, yearRng.fork(7), staff, today);
        const a = y === scenarioYear ? scenarioA : null;
        // Pupil A is left to the scenario in every year, so no random insats or utredning changes the outcome.
        const reserverade = new Set<ElevInfo>(scenarioA ? [scenarioA.elev] : []);
        const sim = new InsatsSimulation(
          { db, rng: yearRng.fork(8), lasar: y.lasar, today, staff, grupper: y.grupper, teaching: y.teaching, results, amneId,
            amneNamn, elevById, nyaPerMote: cfg.nyaInsatserPerMote, reserverade },
          book,
        );
        if (a && !a.beslutsmote) fortsatter.add(addScenarioA(sim, a));
        for (const mote of ehtLike(y.lasar, today)) {
          sim.evaluate(mote);
          book.decide(mote, sim.insatser, reserverade, y.current);
          sim.decideNew(mote, mote.typ === 'forsta_eht');
          if (a && a.beslutsmote === mote) fortsatter.add(addScenarioA(sim, a));
        }
        if (y.current) ensureUtredningar(sim, y.lasar, today, y.grupper, reserverade);
        else sim.closeYear(y.lasar.slutdatum, fortsatter);
        holdMeetings(db, yearRng.fork(9), y.lasar, today, staff, [...y.teaching.mentor.values()]);
      }
      // Förberedelse and the plan: versions with a baseline from the läsår start, and two EHT-möten moved since.
      addDemoPlan(db, opts.now);
      // Steps 5, 7 and 8 for the varv already passed: resultatdialoger, avstämningar, utvecklingsområden.
      addDemoUppfoljning(db, rng.fork(10), today, staff);
    })();
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
  return countTables(db);
}
