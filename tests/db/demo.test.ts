// The demo school on real SQLite files: deterministic, complete, sound, and holding the situations the domain
// rules must find (utredning due, utredning overdue, teacher pattern, behörighet risk) — checked by those rules.
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/open';
import { DEMO_TABLES, generateDemo, type DemoSummary } from '../../electron/backend/demo/generate';
import { toIsoDate } from '../../shared/calendar';
import type { DemoSize } from '../../shared/contract';
import {
  DEFAULT_INSTALLNINGAR,
  behorighetRiskList,
  findTeacherPatterns,
  isBetyg,
  overdueUtredningar,
  recommendDecision,
  utredningDecisionsDue,
  type Betyg,
  type ResultatNiva,
  type UtredningElev,
} from '../../shared/domain/index';
import type { Bedomning, Beslut, InsatsStatus, Niva, UtredningStatus } from '../../shared/model';
import { tempDir } from '../support/tmp';

const NOW = new Date('2026-03-10T09:00:00Z');
const dir = tempDir('varvet-demo-');
let fileNo = 0;

async function generate(size: DemoSize, now: Date): Promise<{ db: Database; summary: DemoSummary; ms: number }> {
  fileNo += 1;
  const base = path.join(dir, `${size}-${fileNo}`);
  const { db } = await openDatabase({ file: `${base}.sqlite`, backupDir: `${base}-backups` });
  const start = performance.now();
  const summary = generateDemo(db, { size, now });
  return { db, summary, ms: performance.now() - start };
}

/** Every row of every table, in a fixed order (WITHOUT ROWID tables by their primary key). */
function dump(db: Database): Record<string, unknown[]> {
  const order: Record<string, string> = {
    personal_roll: 'personal_id, roll', gruppmedlem: 'grupp_id, elev_id', resultat_kriterium: 'resultat_id, kriterium_id',
  };
  return Object.fromEntries(DEMO_TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY ${order[t] ?? 'id'}`).all()]));
}

function currentLasarId(db: Database, today: string): number {
  return db.prepare('SELECT id FROM lasar WHERE startdatum <= ? ORDER BY startdatum DESC LIMIT 1').pluck().get(today) as number;
}

function nextEht(db: Database, today: string): string {
  const datum = db
    .prepare("SELECT datum FROM mote WHERE typ = 'eht' AND lasar_id = ? AND datum >= ? ORDER BY datum LIMIT 1")
    .pluck()
    .get(currentLasarId(db, today), today) as string | undefined;
  if (!datum) throw new Error('no upcoming EHT-möte');
  return datum;
}

/** The rule's input as the app would build it from the database. */
function utredningInput(db: Database): UtredningElev[] {
  const insatser = db
    .prepare(
      `SELECT i.id, i.elev_id AS elevId, i.niva, i.startdatum, i.status, i.ersatter_insats_id AS ersatter,
         EXISTS (SELECT 1 FROM utredning u WHERE u.elev_id = i.elev_id AND u.status = 'pagar') AS oppen
       FROM insats i WHERE i.niva = 'individ' ORDER BY i.id`,
    )
    .all() as { id: number; elevId: number; niva: Niva; startdatum: string; status: InsatsStatus; ersatter: number | null; oppen: number }[];
  const bedomningar = db.prepare('SELECT datum, bedomning FROM effektbedomning WHERE insats_id = ? ORDER BY datum');
  const perElev = new Map<number, UtredningElev>();
  for (const i of insatser) {
    const elev = perElev.get(i.elevId) ?? { elevId: i.elevId, harOppenUtredning: i.oppen === 1, insatser: [] };
    elev.insatser.push({
      insatsId: i.id, niva: i.niva, startdatum: i.startdatum, status: i.status, ersatterInsatsId: i.ersatter,
      bedomningar: bedomningar.all(i.id) as { datum: string; bedomning: Bedomning }[],
    });
    perElev.set(i.elevId, elev);
  }
  return [...perElev.values()];
}

/** The latest assessment occasion: this läsår's, or last läsår's in the first days before any varv has results. */
function latestTillfalle(db: Database): { id: number; lasarId: number } {
  return db.prepare('SELECT id, lasar_id AS lasarId FROM bedomningstillfalle ORDER BY datum DESC, id DESC LIMIT 1').get() as
    { id: number; lasarId: number };
}

function teacherPatterns(db: Database) {
  const tillfalle = latestTillfalle(db);
  const resultat = db
    .prepare('SELECT elev_id AS elevId, grupp_id AS gruppId, amne_id AS amneId, niva FROM resultat WHERE tillfalle_id = ?')
    .all(tillfalle.id) as { elevId: number; gruppId: number; amneId: number; niva: ResultatNiva }[];
  const undervisning = db
    .prepare(
      `SELECT u.personal_id AS larareId, u.grupp_id AS gruppId, u.amne_id AS amneId FROM undervisning u
       JOIN grupp g ON g.id = u.grupp_id WHERE g.lasar_id = ?`,
    )
    .all(tillfalle.lasarId) as { larareId: number; gruppId: number; amneId: number }[];
  return findTeacherPatterns({
    resultat, undervisning, minAntal: DEFAULT_INSTALLNINGAR.lararmonsterMinAntal, marginal: DEFAULT_INSTALLNINGAR.lararmonsterMarginal,
  });
}

function riskList(db: Database) {
  const rows = db
    .prepare(
      `SELECT e.id AS elevId, e.arskurs, e.sarskild_undervisningsgrupp AS sarskild, a.kod, r.niva
       FROM resultat r JOIN elev e ON e.id = r.elev_id JOIN amne a ON a.id = r.amne_id
       WHERE r.tillfalle_id = ? AND e.aktiv = 1 AND e.arskurs BETWEEN 7 AND 9`,
    )
    .all(latestTillfalle(db).id) as { elevId: number; arskurs: number; sarskild: number; kod: string; niva: string }[];
  const elever = new Map<number, { elevId: number; arskurs: number; sarskildUndervisningsgrupp: boolean; betyg: Record<string, Betyg> }>();
  for (const r of rows) {
    const e = elever.get(r.elevId) ?? { elevId: r.elevId, arskurs: r.arskurs, sarskildUndervisningsgrupp: r.sarskild === 1, betyg: {} };
    if (isBetyg(r.niva)) e.betyg[r.kod] = r.niva;
    elever.set(r.elevId, e);
  }
  return behorighetRiskList([...elever.values()]);
}

function checkRequiredConditions(db: Database, now: Date): void {
  const today = toIsoDate(now);
  const motesdatum = nextEht(db, today);

  // (a) An utredning decision is due at the next EHT-möte, for a pupil whose latest evaluation shows no effect.
  const due = utredningDecisionsDue({ motesdatum, troskelVeckor: DEFAULT_INSTALLNINGAR.utredningTroskelVeckor, elever: utredningInput(db) });
  const latest = db.prepare(
    `SELECT b.bedomning FROM effektbedomning b JOIN insats i ON i.id = b.insats_id
     WHERE i.elev_id = ? AND i.niva = 'individ' ORDER BY b.datum DESC, b.id DESC LIMIT 1`,
  );
  const utanEffekt = due.filter((d) => ['ingen_effekt', 'negativ_utveckling'].includes(String(latest.pluck().get(d.elevId))));
  expect(due.filter((d) => d.veckor >= 6).length, `due at ${motesdatum}`).toBeGreaterThanOrEqual(1);
  expect(utanEffekt.length).toBeGreaterThanOrEqual(1);

  // (b) An open utredning past its deadline; and closed ones with each outcome.
  const utredningar = db.prepare('SELECT id, deadline, status FROM utredning').all() as { id: number; deadline: string; status: UtredningStatus }[];
  expect(overdueUtredningar(utredningar, today).length).toBeGreaterThanOrEqual(1);
  const utfall = db.prepare("SELECT DISTINCT utfall FROM utredning WHERE status = 'avslutad' ORDER BY utfall").pluck().all();
  expect(utfall).toEqual(['atgardsprogram', 'inget_atgardsprogram']);

  // (c) One teacher's MA groups stand out, other teachers' MA groups do not.
  const ma = db.prepare("SELECT id FROM amne WHERE kod = 'MA'").pluck().get() as number;
  const patterns = teacherPatterns(db);
  const maPattern = patterns.find((p) => p.amneId === ma);
  expect(maPattern, JSON.stringify(patterns.map((p) => [p.larareId, p.amneId]))).toBeDefined();
  expect(maPattern?.jamforelseSaknas).toBe(false);

  // (d) An åk 9 pupil of the särskild undervisningsgrupp at risk, and several more pupils in åk 7–9.
  const risk = riskList(db);
  expect(risk.some((r) => r.arskurs === 9 && r.sarskildUndervisningsgrupp && r.risk === 'ej_behorig')).toBe(true);
  expect(risk.filter((r) => !r.sarskildUndervisningsgrupp).length).toBeGreaterThanOrEqual(3);
}

describe('demo school', () => {
  it('generates size s with plausible counts, every table filled, sound and consistent', async () => {
    const { db, summary } = await generate('s', NOW);
    expect(summary.skola).toBe(1);
    expect(summary.elev).toBeGreaterThanOrEqual(90);
    expect(summary.elev).toBeLessThanOrEqual(120);
    expect(summary.personal).toBeGreaterThanOrEqual(12);
    expect(summary.personal).toBeLessThanOrEqual(20);
    // No table is legitimately empty in the demo: every one of them has rows.
    for (const table of DEMO_TABLES) expect(summary[table], table).toBeGreaterThan(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    const roller = db.prepare('SELECT DISTINCT roll FROM personal_roll ORDER BY roll').pluck().all();
    expect(roller).toEqual(['bitradande_rektor', 'forstelarare', 'kurator', 'larare', 'mentor', 'rektor', 'skolpsykolog', 'skolskoterska', 'specialpedagog']);
    expect(db.prepare("SELECT count(*) FROM grupp g WHERE typ = 'klass' AND NOT EXISTS (SELECT 1 FROM elev e WHERE e.klass_id = g.id AND e.mentor_id IS NOT NULL)").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM elev WHERE extern_id NOT GLOB 'E[0-9][0-9][0-9][0-9][0-9][0-9]'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM elev WHERE aktiv = 0 AND slutat IS NOT NULL').pluck().get()).toBeGreaterThan(0);
    expect(db.prepare("SELECT DISTINCT niva FROM insats ORDER BY niva").pluck().all()).toEqual(['grupp', 'individ', 'larare', 'organisation']);
    // Past meetings are held; evaluations only at held meetings.
    expect(db.prepare("SELECT count(*) FROM mote WHERE datum < ? AND status <> 'avslutat'").pluck().get(toIsoDate(NOW))).toBe(0);
    expect(db.prepare("SELECT count(*) FROM effektbedomning b JOIN mote m ON m.id = b.mote_id WHERE m.status <> 'avslutat'").pluck().get()).toBe(0);
    db.close();
  });

  it('stores the recommendation the decision rule gives, and chains replaced insatser', async () => {
    const { db } = await generate('s', NOW);
    const rows = db.prepare(
      `SELECT b.id, b.insats_id AS insatsId, b.bedomning, b.malet_natt AS maletNatt, b.rekommendation, b.beslut, b.motivering
       FROM effektbedomning b ORDER BY b.datum, b.id`,
    ).all() as { id: number; insatsId: number; bedomning: Bedomning; maletNatt: number; rekommendation: Beslut; beslut: Beslut; motivering: string | null }[];
    const chain = db.prepare(
      `WITH RECURSIVE kedja(id) AS (SELECT ersatter_insats_id FROM insats WHERE id = ? AND ersatter_insats_id IS NOT NULL
         UNION ALL SELECT i.ersatter_insats_id FROM insats i JOIN kedja k ON i.id = k.id WHERE i.ersatter_insats_id IS NOT NULL)
       SELECT b.bedomning, b.beslut FROM effektbedomning b WHERE b.insats_id IN (SELECT id FROM kedja) OR (b.insats_id = ? AND b.id < ?)
       ORDER BY b.datum, b.id`,
    );
    for (const r of rows) {
      const kedja = chain.all(r.insatsId, r.insatsId, r.id) as { bedomning: Bedomning; beslut: Beslut }[];
      expect(recommendDecision({ bedomning: r.bedomning, maletNatt: r.maletNatt === 1, kedja }).rekommendation).toBe(r.rekommendation);
      if (r.beslut !== r.rekommendation) expect(r.motivering?.trim()).toBeTruthy();
    }
    expect(rows.some((r) => r.beslut !== r.rekommendation)).toBe(true);
    expect(db.prepare("SELECT count(*) FROM insats i JOIN insats ny ON ny.ersatter_insats_id = i.id WHERE i.status <> 'ersatt'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM insats WHERE ersatter_insats_id IS NOT NULL").pluck().get()).toBeGreaterThan(0);
    db.close();
  });

  it('gives identical content for the same size and now', async () => {
    const a = await generate('s', NOW);
    const b = await generate('s', NOW);
    expect(dump(b.db)).toEqual(dump(a.db));
    a.db.close();
    b.db.close();
  });

  it('refuses a second demo school in the same database', async () => {
    const { db } = await generate('s', NOW);
    expect(() => generateDemo(db, { size: 's', now: NOW })).toThrow(/redan en skola/);
    expect(db.prepare('SELECT count(*) FROM elev').pluck().get()).toBeGreaterThan(0);
    db.close();
  });

  // Through the year: the first week (no results yet), before the first varv's EHT, late autumn, and spring.
  for (const now of ['2025-08-20T08:00:00Z', '2025-09-10T08:00:00Z', '2025-10-20T08:00:00Z', '2026-03-10T09:00:00Z', '2026-05-04T09:00:00Z']) {
    it(`holds the four required conditions, checked by the domain rules (now ${now.slice(0, 10)})`, async () => {
      const { db } = await generate('s', new Date(now));
      checkRequiredConditions(db, new Date(now));
      db.close();
    });
  }

  it('generates size xl with about a million result rows, omdömen only in the earlier läsår', async () => {
    const { db, summary, ms } = await generate('xl', NOW);
    console.log(`demo xl: ${Math.round(ms)} ms, ${summary.elev} elever, ${summary.resultat} resultat, ${summary.insats} insatser`);
    expect(summary.resultat).toBeGreaterThanOrEqual(900_000);
    expect(summary.resultat).toBeLessThanOrEqual(1_100_000);
    const tillfallen = db
      .prepare(
        `SELECT t.lasar_id AS lasarId, t.namn, t.datum, v.nummer, v.startdatum, v.bedomning_senast AS senast,
                (SELECT max(datum) FROM mote m WHERE m.typ = 'eht' AND m.lasar_id = t.lasar_id AND m.datum < v.startdatum) AS forraEht
         FROM bedomningstillfalle t JOIN varv v ON v.id = t.varv_id ORDER BY t.datum`,
      )
      .all() as { lasarId: number; namn: string; datum: string; nummer: number; startdatum: string; senast: string; forraEht: string | null }[];
    const current = currentLasarId(db, toIsoDate(NOW));
    // The current läsår looks like every other size's: one occasion per varv, the varv's own.
    expect(tillfallen.filter((t) => t.lasarId === current).every((t) => t.namn === `Varv ${t.nummer}`)).toBe(true);
    const omdomen = tillfallen.filter((t) => t.namn.includes('omdöme'));
    // Four earlier läsår × two omdömen in each varv but the last (of six), which ends in betyg.
    expect(omdomen.length).toBe(4 * 5 * 2);
    // An omdöme lies inside its varv, after the previous EHT-möte and before the varv's own occasion: the latest
    // occasion at every EHT-möte is still a varv's own.
    for (const t of omdomen) {
      expect(t.lasarId).not.toBe(current);
      expect(t.nummer).toBeLessThan(6);
      expect(t.datum > t.startdatum && t.datum < t.senast && (t.forraEht === null || t.datum > t.forraEht), JSON.stringify(t)).toBe(true);
    }
    checkRequiredConditions(db, NOW);
    db.close();
  }, 300_000);

  for (const size of ['m', 'l'] as const) {
    it(`generates size ${size} in reasonable time and holds the required conditions`, async () => {
      const { db, summary, ms } = await generate(size, NOW);
      console.log(`demo ${size}: ${Math.round(ms)} ms, ${summary.elev} elever, ${summary.resultat} resultat, ${summary.insats} insatser`);
      checkRequiredConditions(db, NOW);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
    });
  }
});
