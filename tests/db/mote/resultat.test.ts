// The agenda's results part depends on the kind of meeting (seed 001): a första EHT-möte (step 4) "går igenom
// föregående termins omdömen och betyg" — the latest occasion before the term began — and an EHT-möte (step 6) "går
// igenom varvets resultatuppföljningar" — its varv's occasion. Both per subject and per group.
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/backend/db/open';
import { generateDemo } from '../../../electron/backend/demo/generate';
import { buildAgenda } from '../../../electron/backend/mote/agenda';
import { isEjNadd, type ResultatNiva } from '../../../shared/domain/index';
import { tempDir } from '../../support/tmp';

const NOW = new Date('2026-11-23T09:00:00Z');

describe('dagordningens resultatdel', () => {
  let db: Database;
  let forraTerminen: number;

  beforeAll(async () => {
    const base = path.join(tempDir(), 'varvet');
    ({ db } = await openDatabase({ file: `${base}.sqlite`, backupDir: `${base}-backups` }));
    generateDemo(db, { size: 's', now: NOW });
    // Last läsår's vårtermin: an occasion in June, with results for every pupil in one subject, all not reaching.
    const lasar = Number(db.prepare("INSERT INTO lasar (namn, startdatum, slutdatum) VALUES ('2025/26', '2025-08-18', '2026-06-12')").run().lastInsertRowid);
    forraTerminen = Number(db.prepare("INSERT INTO bedomningstillfalle (lasar_id, namn, datum) VALUES (?, 'Vårterminens betyg', '2026-06-05')").run(lasar).lastInsertRowid);
    const amne = db.prepare('SELECT min(amne_id) FROM resultat').pluck().get() as number;
    const insert = db.prepare("INSERT INTO resultat (elev_id, amne_id, tillfalle_id, grupp_id, niva) VALUES (?, ?, ?, NULL, 'F')");
    for (const id of db.prepare('SELECT id FROM elev LIMIT 40').pluck().all() as number[]) insert.run(id, amne, forraTerminen);
  });

  it('ett första EHT-möte går igenom förra terminens resultat, inte varvets', () => {
    const forsta = db.prepare("SELECT id FROM mote WHERE typ = 'forsta_eht'").pluck().get() as number;
    const { resultat } = buildAgenda(db, forsta);
    expect(resultat.urval).toBe('forra_terminen');
    expect(resultat.tillfalle).toBe('Vårterminens betyg');
    expect(resultat.amnen).toHaveLength(1);
    expect(resultat.amnen[0]).toMatchObject({ antalElever: 40, antalEjNadda: 40 });
  });

  it('ett EHT-möte går igenom sitt varvs resultat, per ämne och per grupp', () => {
    const mote = db.prepare("SELECT m.id, m.varv_id AS varvId FROM mote m JOIN varv v ON v.id = m.varv_id WHERE m.typ = 'eht' AND v.nummer = 1").get() as { id: number; varvId: number };
    const tillfalle = db.prepare('SELECT id, namn FROM bedomningstillfalle WHERE varv_id = ?').get(mote.varvId) as { id: number; namn: string };
    const { resultat } = buildAgenda(db, mote.id);
    expect(resultat.urval).toBe('varvet');
    expect(resultat.tillfalle).toBe(tillfalle.namn);
    expect(resultat.grupper.length).toBeGreaterThan(3);
    // Each group's figures are those of its rows at the varv's occasion.
    const rows = db.prepare('SELECT elev_id AS elevId, grupp_id AS gruppId, niva FROM resultat WHERE tillfalle_id = ? AND grupp_id IS NOT NULL').all(tillfalle.id) as {
      elevId: number; gruppId: number; niva: ResultatNiva;
    }[];
    for (const g of resultat.grupper) {
      const egna = rows.filter((r) => r.gruppId === g.gruppId);
      expect(g.antalElever).toBe(new Set(egna.map((r) => r.elevId)).size);
      expect(g.antalEjNadda).toBe(new Set(egna.filter((r) => isEjNadd(r.niva)).map((r) => r.elevId)).size);
      expect(g.foregaendeEjNadda).toBeNull();
    }
    // Worst share first.
    const andel = resultat.grupper.map((g) => g.antalEjNadda / g.antalElever);
    expect([...andel].sort((a, b) => b - a)).toEqual(andel);
    expect(resultat.grupper.some((g) => g.amnen.length > 0 && g.kriterier.length > 0)).toBe(true);
  });

  it('ett EHT-möte vars varv saknar resultat visar det senaste före mötet och säger det', () => {
    const mote = db.prepare("SELECT m.id FROM mote m JOIN varv v ON v.id = m.varv_id WHERE m.typ = 'eht' AND v.nummer = 3").pluck().get() as number;
    const { resultat } = buildAgenda(db, mote);
    expect(resultat.urval).toBe('senaste');
    expect(resultat.tillfalle).toBe('Varv 2');
    expect(resultat.grupper.every((g) => g.foregaendeEjNadda !== null)).toBe(true);
  });
});
