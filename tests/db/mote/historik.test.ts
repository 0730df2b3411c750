// The agenda with years of result history (issue 9): it reads only what the current varv needs, and what it shows is
// exactly what reading the whole history would show. Each part is checked against a reference that reads everything,
// on a demo school given extra occasions with gaps, occasions after the meeting and pupils without recent results.
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/backend/db/open';
import { generateDemo } from '../../../electron/backend/demo/generate';
import { INSATS_SELECT, withBedomningar } from '../../../electron/backend/mote/insatser';
import { buildAgenda } from '../../../electron/backend/mote/agenda';
import { ELEV_SENASTE, GRUPP_SENASTE, resultatFor } from '../../../electron/backend/mote/resultat';
import type { ResultatPunkt } from '../../../shared/channels/mote';
import { DEFAULT_INSTALLNINGAR, isEjNadd, TIDIG_NIVA_TEXT, utredningDecisionsDue, type ResultatNiva, type TidigNiva } from '../../../shared/domain/index';
import type { Insats } from '../../../shared/model';
import { tempDir } from '../../support/tmp';

const NOW = new Date('2026-11-23T09:00:00Z');

/** The whole history of each pair, the latest four up to the meeting: what the agenda showed before issue 9. */
function referensResultat(db: Database, insatser: Insats[], motesdatum: string): Map<number, ResultatPunkt[]> {
  const text = (n: string) => (n in TIDIG_NIVA_TEXT ? TIDIG_NIVA_TEXT[n as TidigNiva].toLowerCase() : n);
  const elev = db.prepare(
    `SELECT t.namn, t.datum, r.niva FROM resultat r JOIN bedomningstillfalle t ON t.id = r.tillfalle_id
     WHERE r.elev_id = ? AND r.amne_id = ? AND t.datum <= ? ORDER BY t.datum, t.id`,
  );
  const grupp = db.prepare(
    `SELECT t.namn, t.datum, r.niva, count(*) AS antal FROM resultat r JOIN bedomningstillfalle t ON t.id = r.tillfalle_id
     WHERE r.grupp_id = ? AND r.amne_id = ? AND t.datum <= ? GROUP BY t.id, r.niva ORDER BY t.datum, t.id`,
  );
  const out = new Map<number, ResultatPunkt[]>();
  for (const i of insatser) {
    if (i.amneId === null) continue;
    let punkter: ResultatPunkt[] = [];
    if (i.niva === 'individ') {
      punkter = (elev.all(i.elevId, i.amneId, motesdatum) as { namn: string; datum: string; niva: string }[]).map((r) => ({
        tillfalle: r.namn, datum: r.datum, varde: text(r.niva), ejNadda: null, antal: null,
      }));
    } else if (i.niva === 'grupp') {
      for (const r of grupp.all(i.gruppId, i.amneId, motesdatum) as { namn: string; datum: string; niva: ResultatNiva; antal: number }[]) {
        let p = punkter.find((x) => x.datum === r.datum && x.tillfalle === r.namn);
        if (!p) punkter.push((p = { tillfalle: r.namn, datum: r.datum, varde: '', ejNadda: 0, antal: 0 }));
        p.antal = (p.antal ?? 0) + r.antal;
        p.ejNadda = (p.ejNadda ?? 0) + (isEjNadd(r.niva) ? r.antal : 0);
        p.varde = `${p.ejNadda} av ${p.antal} når inte`;
      }
    } else continue;
    if (punkter.length > 0) out.set(i.id, punkter.slice(-4));
  }
  return out;
}

/** Every pupil × subject and group × subject with results, as individ and grupp insatser. */
function allaPar(db: Database): Insats[] {
  const elev = db.prepare('SELECT DISTINCT elev_id AS a, amne_id AS b FROM resultat ORDER BY 1, 2').all() as { a: number; b: number }[];
  const grupp = db.prepare('SELECT DISTINCT grupp_id AS a, amne_id AS b FROM resultat WHERE grupp_id IS NOT NULL ORDER BY 1, 2').all() as { a: number; b: number }[];
  const base = { larareId: null, bedomningar: [] };
  return [
    ...elev.map((p, k) => ({ ...base, id: k + 1, niva: 'individ', elevId: p.a, gruppId: null, amneId: p.b })),
    ...grupp.map((p, k) => ({ ...base, id: elev.length + k + 1, niva: 'grupp', elevId: null, gruppId: p.a, amneId: p.b })),
  ] as unknown as Insats[];
}

describe('dagordningen med många års resultat', () => {
  const dir = tempDir('varvet-historik-');
  let db: Database;
  let kedjeElev = 0;

  beforeAll(async () => {
    const base = path.join(dir, 'skola');
    ({ db } = await openDatabase({ file: `${base}.sqlite`, backupDir: `${base}-backups` }));
    generateDemo(db, { size: 's', now: NOW });
    // Eight more occasions, some before, between and after the demo's own (2026-09-04, 2026-10-23), one on the same
    // day as another; results with gaps, and every fifth pupil without results after September.
    const lasarId = db.prepare('SELECT lasar_id FROM bedomningstillfalle LIMIT 1').pluck().get() as number;
    const datum = ['2026-08-28', '2026-09-04', '2026-09-18', '2026-10-02', '2026-10-30', '2026-11-06', '2026-11-20', '2027-02-05'];
    const rows = db.prepare('SELECT elev_id, amne_id, grupp_id, niva FROM resultat WHERE tillfalle_id = (SELECT min(id) FROM bedomningstillfalle)').all() as
      { elev_id: number; amne_id: number; grupp_id: number | null; niva: string }[];
    const tillfalle = db.prepare('INSERT INTO bedomningstillfalle (lasar_id, namn, datum) VALUES (?, ?, ?)');
    const resultat = db.prepare('INSERT INTO resultat (elev_id, amne_id, tillfalle_id, grupp_id, niva) VALUES (?, ?, ?, ?, ?)');
    db.transaction(() => {
      datum.forEach((d, k) => {
        const id = Number(tillfalle.run(lasarId, `Extra ${k + 1}`, d).lastInsertRowid);
        for (const r of rows) {
          if ((r.elev_id + k) % 3 === 0) continue;
          if (r.elev_id % 5 === 0 && d > '2026-09-30') continue;
          resultat.run(r.elev_id, r.amne_id, id, r.grupp_id, r.niva);
        }
      });
      // A pupil whose active insats replaced one from August: due at the November meeting only through the chain.
      const elevId = db
        .prepare(
          `SELECT id FROM elev e WHERE aktiv = 1 AND NOT EXISTS (SELECT 1 FROM insats i WHERE i.elev_id = e.id)
           AND NOT EXISTS (SELECT 1 FROM utredning u WHERE u.elev_id = e.id) ORDER BY id LIMIT 1`,
        )
        .pluck()
        .get() as number;
      const insats = db.prepare(
        `INSERT INTO insats (niva, elev_id, amne_id, beskrivning, typ, forvantad_effekt, startdatum, status, ersatter_insats_id, skapad)
         VALUES ('individ', ?, 1, ?, 'extra_anpassning', 'Bättre läsflyt', ?, ?, ?, '2026-08-31T13:00:00.000Z')`,
      );
      const forsta = Number(insats.run(elevId, 'Lästräning', '2026-08-31', 'ersatt', null).lastInsertRowid);
      insats.run(elevId, 'Lästräning, ändrad', '2026-11-02', 'aktiv', forsta);
      kedjeElev = elevId;
    })();
  });

  it('visar samma resultat som hela historiken ger, för varje elev och grupp och mötesdatum', () => {
    const insatser = allaPar(db);
    expect(insatser.length).toBeGreaterThan(500);
    for (const datum of ['2026-09-01', '2026-09-10', '2026-10-25', '2026-11-12', '2027-01-14']) {
      const svar = resultatFor(db, insatser, datum);
      expect([...svar].sort((a, b) => a[0] - b[0]), datum).toEqual([...referensResultat(db, insatser, datum)].sort((a, b) => a[0] - b[0]));
    }
    // The cases the shortcut must not miss are there: pupils and groups with fewer than four recent results.
    const kort = [...resultatFor(db, insatser, '2027-01-14').values()].filter((p) => p.length < 4);
    expect(kort.length).toBeGreaterThan(0);
  });

  it('visar samma resultat för dagordningens egna insatser som hela historiken ger', () => {
    const moten = db.prepare("SELECT id, datum FROM mote WHERE typ IN ('eht', 'forsta_eht') ORDER BY datum").all() as { id: number; datum: string }[];
    expect(moten.length).toBeGreaterThan(3);
    for (const m of moten) {
      const agenda = buildAgenda(db, m.id);
      const referens = referensResultat(db, agenda.insatser.map((a) => a.insats), m.datum);
      for (const a of agenda.insatser) expect(a.resultat, `möte ${m.datum}, insats ${a.insats.id}`).toEqual(referens.get(a.insats.id) ?? []);
    }
  });

  it('listar samma utredningskandidater som regeln ger på elevernas alla individuella insatser', () => {
    const alla = withBedomningar(db, db.prepare(`${INSATS_SELECT} WHERE i.niva = 'individ' ORDER BY i.id`).all() as Omit<Insats, 'bedomningar'>[]);
    const moten = db.prepare("SELECT id, datum FROM mote WHERE typ IN ('eht', 'forsta_eht') ORDER BY datum").all() as { id: number; datum: string }[];
    let listade = 0;
    for (const m of moten) {
      const bedomdaHar = new Set(db.prepare('SELECT insats_id FROM effektbedomning WHERE mote_id = ?').pluck().all(m.id) as number[]);
      const oppna = new Set(
        db.prepare("SELECT elev_id FROM utredning WHERE status = 'pagar' AND startdatum <= ? AND beslutad_vid_mote_id IS NOT ?").pluck().all(m.datum, m.id) as number[],
      );
      // The agenda's state: the meeting's own new insatser left out, what it judged counted as still active.
      const perElev = new Map<number, typeof alla>();
      for (const i of alla.filter((x) => x.beslutadVidMoteId !== m.id && x.elevId !== null)) {
        perElev.set(i.elevId as number, [...(perElev.get(i.elevId as number) ?? []), { ...i, status: bedomdaHar.has(i.id) ? 'aktiv' : i.status }]);
      }
      const due = utredningDecisionsDue({
        motesdatum: m.datum,
        troskelVeckor: DEFAULT_INSTALLNINGAR.utredningTroskelVeckor,
        elever: [...perElev].map(([elevId, list]) => ({
          elevId,
          harOppenUtredning: oppna.has(elevId),
          insatser: list.map((i) => ({ insatsId: i.id, niva: i.niva, startdatum: i.startdatum, status: i.status, ersatterInsatsId: i.ersatterInsatsId,
            bedomningar: i.bedomningar.map((b) => ({ datum: b.datum, bedomning: b.bedomning })) })),
        })),
      });
      const kandidater = buildAgenda(db, m.id).utredningskandidater.filter((k) => k.insatsIds.length > 0);
      const sorted = <T extends { elevId: number }>(x: T[]) => [...x].sort((a, b) => a.elevId - b.elevId);
      expect(sorted(kandidater).map(({ elevId, insatsIds, veckor, skal }) => ({ elevId, insatsIds, veckor, skal })), m.datum).toEqual(sorted(due));
      listade += kandidater.length;
    }
    expect(listade).toBeGreaterThan(0);
    const november = moten.find((m) => m.datum.startsWith('2026-11')) as { id: number };
    expect(buildAgenda(db, november.id).utredningskandidater.some((k) => k.elevId === kedjeElev)).toBe(true);
  });

  it('läser de senaste resultaten genom tillfällets index, inte elevens eller gruppens hela historik', () => {
    // The plan is the point of issue 9: one probe per pair and recent occasion, whatever the years of history.
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('[[1,1]]', '[1]') as { detail: string }[]).map((p) => p.detail).join('\n');
    expect(plan(ELEV_SENASTE)).toContain('sqlite_autoindex_resultat_1 (tillfalle_id=? AND elev_id=? AND amne_id=?)');
    expect(plan(GRUPP_SENASTE)).toContain('resultat_grupp (tillfalle_id=? AND grupp_id=? AND amne_id=?)');
  });
});
