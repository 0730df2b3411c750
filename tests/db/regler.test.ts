// Issue 15 on real SQLite files: migration 0012 upgrading a database with the old meaning of M1/M2, the särskilt stöd
// trigger, and `varvet behorighet` on a school whose import file holds six subjects per pupil.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/open';
import { loadMigrations } from '../../electron/backend/db/migrations';
import { main } from '../../electron/cli/main';
import { REPO_ROOT, tempDir } from '../support/tmp';
import { importFixture, newSchool } from './import/support';

const all = loadMigrations(path.join(REPO_ROOT, 'migrations'));

describe('migration 0012', () => {
  it('renames M1/M2 to Skolverket’s meaning, adds TN, keeps the school’s own names, moves betyg från åk 3 to 4, refuses särskilt stöd for a grupp', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v11.sqlite');
    const old = await openDatabase({ file, backupDir: path.join(dir, 'b'), migrations: all.filter((m) => m.version <= 11) });
    old.db.exec(`
      INSERT INTO skola (id, namn, skapad, installningar) VALUES (1, 'Ängsskolan', '2026-08-01T08:00:00Z', '{"betygFranArskurs":3,"utredningTroskelVeckor":6}');
      INSERT INTO lasar (id, namn, startdatum, slutdatum) VALUES (1, '2026/27', '2026-08-17', '2027-06-11');
      INSERT INTO grupp (id, lasar_id, namn, arskurs) VALUES (1, 1, '9A', 9);
      INSERT INTO amne (id, kod, namn, sprak) VALUES
        (1, 'M1', 'Moderna språk, språkval', ''), (2, 'M2', 'Moderna språk, elevens val', ''),
        (3, 'M1', 'Moderna språk, språkval – tyska', 'Tyska'), (4, 'M2', 'Moderna språk, elevens val – spanska', 'Spanska'),
        (5, 'M2', 'Franska (vår egen)', 'Franska');
      INSERT INTO insats (id, niva, grupp_id, beskrivning, typ, startdatum, skapad)
        VALUES (1, 'grupp', 1, 'Gammal rad', 'sarskilt_stod', '2026-09-01', '2026-09-01T10:00:00Z');
    `);
    old.db.close();
    const { db, appliedMigrations } = await openDatabase({ file, backupDir: path.join(dir, 'b'), migrations: all });
    expect(appliedMigrations).toEqual(all.filter((m) => m.version >= 12).map((m) => m.version));
    expect(db.prepare('SELECT id, kod, namn FROM amne ORDER BY id').all()).toEqual([
      { id: 1, kod: 'M1', namn: 'Moderna språk, elevens val' },
      { id: 2, kod: 'M2', namn: 'Moderna språk, språkval' },
      { id: 3, kod: 'M1', namn: 'Moderna språk, elevens val – tyska' },
      { id: 4, kod: 'M2', namn: 'Moderna språk, språkval – spanska' },
      { id: 5, kod: 'M2', namn: 'Franska (vår egen)' },
      { id: 6, kod: 'TN', namn: 'Teckenspråk för hörande' },
    ]);
    const inst = JSON.parse(db.prepare('SELECT installningar FROM skola').pluck().get() as string) as Record<string, unknown>;
    expect(inst).toEqual({ betygFranArskurs: 4, utredningTroskelVeckor: 6 });
    // Särskilt stöd is refused at grupp level by the database itself; the old row can still be closed.
    expect(() =>
      db.prepare("INSERT INTO insats (niva, grupp_id, beskrivning, typ, startdatum, skapad) VALUES ('grupp', 1, 'x', 'sarskilt_stod', '2026-10-01', 'x')").run(),
    ).toThrow(/Särskilt stöd ges till en enskild elev/);
    expect(() => db.prepare("UPDATE insats SET typ = 'sarskilt_stod', niva = 'organisation', grupp_id = NULL WHERE id = 1").run()).toThrow(/enskild elev/);
    db.prepare("UPDATE insats SET status = 'avslutad' WHERE id = 1").run();
    expect(db.prepare("SELECT count(*) FROM audit_logg WHERE tabell = 'amne' AND operation = 'U'").pluck().get()).toBe(4);
    db.close();
  });
});

const ELEVER = ['Elev-ID;Förnamn;Efternamn;Klass;Årskurs', 'X1;Ada;Alm;9A;9', 'X2;Bo;Björk;9A;9', 'X3;Cia;Ceder;9B;9', 'X4;Dan;Dahl;8A;8'].join('\n');
const SEX = (id: string, ma: string, m2 = 'M2TY') =>
  [['SV', 'C'], ['EN', 'B'], ['MA', ma], ['BI', 'E'], ['FY', 'D'], [m2, 'A']].map(([amne, betyg]) => `${id};${amne};${betyg};2026-11-20`);
const RESULTAT = ['Elev-ID;Ämne;Betyg;Datum', ...SEX('X1', 'C'), ...SEX('X2', 'F'), ...SEX('X3', 'A', 'M1SP'), ...SEX('X4', 'E')].join('\n');

async function cli(...args: string[]) {
  const lines = { out: '', err: '' };
  const code = await main(args, { out: (t) => void (lines.out += `${t}\n`), err: (t) => void (lines.err += `${t}\n`) });
  return { code, ...lines };
}

describe('varvet behorighet', () => {
  it('a school whose file holds six subjects per pupil lists no pupil as risk for subjects never imported', async () => {
    const backend = await newSchool();
    const dir = backend.context.dataDir;
    const e = await importFixture(backend, 'elever', 'elever.csv', { bytes: new TextEncoder().encode(ELEVER) });
    expect(e.refused).toBeNull();
    const r = await importFixture(backend, 'resultat', 'resultat.csv', { bytes: new TextEncoder().encode(RESULTAT) });
    expect(r.refused).toBeNull();
    expect(backend.context.db.prepare("SELECT kod || ':' || sprak FROM amne WHERE sprak <> '' ORDER BY kod").pluck().all()).toEqual(['M1:Spanska', 'M2:Tyska']);
    backend.close();

    const json = await cli('behorighet', '--data', dir, '--json');
    expect(json.err).toBe('');
    expect(json.code).toBe(0);
    const list = JSON.parse(json.out) as { externId: string; klass: string; arskurs: number; status: string; meritvarde: number; saknas: { yrkesprogram: string[] } }[];
    // Sorted by årskurs and klass; only Bo's F in matematik is a risk, the others lack grades (underlag saknas).
    expect(list.map((p) => [p.externId, p.arskurs, p.klass, p.status])).toEqual([
      ['X4', 8, '8A', 'underlag_saknas'],
      ['X1', 9, '9A', 'underlag_saknas'],
      ['X2', 9, '9A', 'risk'],
      ['X3', 9, '9B', 'underlag_saknas'],
    ]);
    for (const p of list) {
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['elevId', 'externId', 'namn', 'klass', 'arskurs', 'status', 'meritvarde', 'saknas']));
      expect(p.saknas.yrkesprogram.join(' ')).not.toMatch(/ytterligare/);
    }
    expect(list[2]?.saknas.yrkesprogram[0]).toBe('E i matematik (nu F)');
    // M2TY (språkval) A is the 17th: 15+17.5+15+10+12.5 + 20; M1SP (elevens val) A counts among the 16.
    expect(list[1]?.meritvarde).toBe(90);
    expect(list[3]?.meritvarde).toBe(95);

    const nio = await cli('behorighet', '--data', dir, '--arskurs', '9');
    expect(nio.code).toBe(0);
    expect(nio.out).toMatch(/^3 elever: 0 behöriga, 1 i risk, 2 där underlag saknas\./);
    const sju = await cli('behorighet', '--data', dir, '--arskurs', 'sju');
    expect(sju.code).toBe(2);
    expect(sju.err).toMatch(/Årskursen ska vara ett heltal/);
  });
});
