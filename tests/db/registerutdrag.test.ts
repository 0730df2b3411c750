// Registerutdrag (GDPR art. 15): every row that references the pupil — directly (insats.elev_id) or through another
// row (effektbedomning → insats, resultat_kriterium → resultat) — is in the export, checked against the schema
// itself: sqlite_schema + PRAGMA foreign_key_list for every table, so a table added later is covered too.
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { DatabaseConstructor as BetterSqlite3 } from '../../electron/backend/db/driver';
import { describe, expect, it } from 'vitest';
import { applyMigrations, loadMigrations } from '../../electron/backend/db/migrations';
import { buildRegisterutdrag, type Rad, type Registerutdrag } from '../../electron/backend/export/registerutdrag';
import { renderRegisterutdrag } from '../../electron/backend/export/registerutdragDokument';
import { generateDemo } from '../../electron/backend/demo/generate';
import { buildRows } from '../support/rowBuilder';
import { CLI, REPO_ROOT, tempDir } from '../support/tmp';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const quote = (n: string) => `"${n.replaceAll('"', '""')}"`;

function open(file: string): Database {
  const db = new BetterSqlite3(file);
  db.pragma('foreign_keys = ON');
  applyMigrations(db, loadMigrations());
  return db;
}

interface Fk {
  from: string[];
  table: string;
  to: string[];
}

/** The test's own reading of the schema and its own walk: every row in memory, grown to a fixpoint. */
function expectedRows(db: Database, elevId: number): Map<string, Set<string>> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const pk = (t: string) => {
    const cols = (db.prepare(`PRAGMA table_info(${quote(t)})`).all() as { name: string; pk: number }[]).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    return cols.length > 0 ? cols.map((c) => c.name) : ['rowid'];
  };
  const fks = new Map<string, Fk[]>();
  for (const t of tables) {
    const raw = db.prepare(`PRAGMA foreign_key_list(${quote(t)})`).all() as { id: number; table: string; from: string; to: string | null }[];
    const byId = new Map<number, typeof raw>();
    for (const r of raw) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    fks.set(t, [...byId.values()].map((parts) => ({ from: parts.map((p) => p.from), table: parts[0]?.table ?? '', to: parts.every((p) => p.to) ? parts.map((p) => p.to as string) : pk(parts[0]?.table ?? '') })));
  }
  const rows = new Map(tables.map((t) => [t, db.prepare(`SELECT ${pk(t)[0] === 'rowid' ? 'rowid AS rowid, ' : ''}* FROM ${quote(t)}`).all() as Rad[]]));
  const key = (t: string, r: Rad) => JSON.stringify(pk(t).map((c) => r[c]));
  const belongs = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  const elevRow = rows.get('elev')?.find((r) => r.id === elevId);
  if (elevRow) belongs.get('elev')?.add(key('elev', elevRow));
  // The referenced values of the rows that belong so far, per table and column list.
  const values = (table: string, cols: string[]) =>
    new Set((rows.get(table) ?? []).filter((p) => belongs.get(table)?.has(key(table, p))).map((p) => JSON.stringify(cols.map((c) => p[c]))));
  let changed = true;
  while (changed) {
    changed = false;
    for (const t of tables) {
      const parents = (fks.get(t) ?? []).map((fk) => ({ fk, values: values(fk.table, fk.to) }));
      for (const r of rows.get(t) ?? []) {
        if (belongs.get(t)?.has(key(t, r))) continue;
        const hit = parents.some(({ fk, values: v }) => fk.from.every((c) => r[c] !== null) && v.has(JSON.stringify(fk.from.map((c) => r[c]))));
        if (hit) {
          belongs.get(t)?.add(key(t, r));
          changed = true;
        }
      }
    }
  }
  return new Map([...belongs].map(([t, s]) => [t, new Set([...s].map((k) => `${t}:${k}`))]));
}

function exportedRows(db: Database, elevId: number): Map<string, Set<string>> {
  const utdrag = buildRegisterutdrag(db, elevId, '2026-11-23T09:00:00.000Z');
  const pk = (t: string) => {
    const cols = (db.prepare(`PRAGMA table_info(${quote(t)})`).all() as { name: string; pk: number }[]).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    return cols.length > 0 ? cols.map((c) => c.name) : ['rowid'];
  };
  const out = new Map<string, Set<string>>([['elev', new Set([`elev:${JSON.stringify([utdrag.elev.id])}`])]]);
  for (const { tabell, rader } of utdrag.tabeller) out.set(tabell, new Set(rader.map((r) => `${tabell}:${JSON.stringify(pk(tabell).map((c) => r[c]))}`)));
  return out;
}

function compare(db: Database, elevId: number): Map<string, Set<string>> {
  const expected = expectedRows(db, elevId);
  const exported = exportedRows(db, elevId);
  for (const [t, rows] of expected) {
    expect([...(exported.get(t) ?? [])].sort(), `tabell ${t}, elev ${elevId}`).toEqual([...rows].sort());
  }
  for (const t of exported.keys()) expect(expected.has(t), `tabell ${t} finns inte i schemat`).toBe(true);
  return expected;
}

describe('registerutdrag', () => {
  const dir = tempDir();

  it('holds every row of every table that references the pupil, directly or through another row (all tables filled)', () => {
    const db = open(path.join(dir, 'alla.sqlite'));
    buildRows(db, 6, 7);
    const elever = db.prepare('SELECT id FROM elev').pluck().all() as number[];
    const covered = new Set<string>();
    for (const id of elever) for (const [t, rows] of compare(db, id)) if (rows.size > 0) covered.add(t);
    // Every table whose foreign keys lead to elev had rows in some pupil's export, so the check above saw them.
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    const reaches = new Set(['elev']);
    for (let grown = true; grown; ) {
      grown = false;
      for (const t of tables) {
        if (reaches.has(t)) continue;
        const targets = (db.prepare(`PRAGMA foreign_key_list(${quote(t)})`).all() as { table: string }[]).map((f) => f.table);
        if (targets.some((x) => reaches.has(x))) {
          reaches.add(t);
          grown = true;
        }
      }
    }
    expect([...reaches].filter((t) => !covered.has(t))).toEqual([]);
    expect(covered).toContain('effektbedomning');
    expect(covered).toContain('resultat_kriterium');
    db.close();
  });

  it('finds indirect rows in the demo school: effektbedömningar via insatser, criteria via resultat', () => {
    const db = open(path.join(dir, 'demo.sqlite'));
    generateDemo(db, { size: 's', now: new Date('2026-11-23T09:00:00Z') });
    const elevId = db
      .prepare(
        `SELECT i.elev_id FROM insats i JOIN effektbedomning b ON b.insats_id = i.id JOIN resultat r ON r.elev_id = i.elev_id
         JOIN resultat_kriterium k ON k.resultat_id = r.id GROUP BY i.elev_id ORDER BY count(*) DESC LIMIT 1`,
      )
      .pluck()
      .get() as number;
    const found = compare(db, elevId);
    expect(found.get('effektbedomning')?.size).toBeGreaterThan(0);
    expect(found.get('resultat_kriterium')?.size).toBeGreaterThan(0);
    db.close();
  });

  it('follows a table added later, and its child table, without any change to the export', () => {
    const db = open(path.join(dir, 'ny.sqlite'));
    buildRows(db, 3, 3);
    db.exec(`CREATE TABLE elev_anteckning (id INTEGER PRIMARY KEY, elev_id INTEGER NOT NULL REFERENCES elev(id), text TEXT);
             CREATE TABLE anteckning_bilaga (anteckning_id INTEGER NOT NULL REFERENCES elev_anteckning(id), namn TEXT,
               PRIMARY KEY (anteckning_id, namn)) WITHOUT ROWID;`);
    const elevId = db.prepare('SELECT min(id) FROM elev').pluck().get() as number;
    const id = db.prepare("INSERT INTO elev_anteckning (elev_id, text) VALUES (?, 'Samtal med vårdnadshavare')").run(elevId).lastInsertRowid;
    db.prepare("INSERT INTO anteckning_bilaga (anteckning_id, namn) VALUES (?, 'brev.pdf')").run(id);
    const utdrag = buildRegisterutdrag(db, elevId, '2026-11-23T09:00:00.000Z');
    expect(utdrag.tabeller.find((t) => t.tabell === 'elev_anteckning')?.rader).toEqual([{ id: Number(id), elev_id: elevId, text: 'Samtal med vårdnadshavare' }]);
    expect(utdrag.tabeller.find((t) => t.tabell === 'anteckning_bilaga')?.rader).toEqual([{ anteckning_id: Number(id), namn: 'brev.pdf' }]);
    compare(db, elevId);
    db.close();
  });

  it('prints a PDF with the Swedish text and the pupil, and a JSON with every column', async () => {
    const db = open(path.join(dir, 'pdf.sqlite'));
    generateDemo(db, { size: 's', now: new Date('2026-11-23T09:00:00Z') });
    const elev = db.prepare('SELECT i.elev_id AS id, e.fornamn, e.efternamn FROM insats i JOIN elev e ON e.id = i.elev_id LIMIT 1').get() as { id: number; fornamn: string; efternamn: string };
    const utdrag = buildRegisterutdrag(db, elev.id, '2026-11-23T09:00:00.000Z');
    const pdf = await renderRegisterutdrag(db, utdrag, 'pdf', new Date('2026-11-23T09:00:00Z'));
    const file = path.join(dir, 'utdrag.pdf');
    fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain('Registerutdrag');
    expect(text).toContain(`${elev.fornamn} ${elev.efternamn}`);
    expect(text).toContain('Insatser');
    expect(text).toContain('Förväntad effekt');
    const json = JSON.parse(Buffer.from((await renderRegisterutdrag(db, utdrag, 'json', new Date())).base64, 'base64').toString('utf8')) as typeof utdrag;
    expect(json.elev).toEqual(db.prepare('SELECT * FROM elev WHERE id = ?').get(elev.id));
    db.close();
  });
});

describe('registerutdrag and the logs', () => {
  it("includes the audit log's entries about the pupil's rows, with their content before and after", async () => {
    const { createBackend } = await import('../../electron/backend/backend');
    const now = new Date('2026-11-23T09:00:00Z');
    const backend = await createBackend({ dataDir: tempDir(), mode: 'browser', now: () => now, backupIntervalMs: null });
    const skapad = await backend.dispatch('skola:create', { namn: 'Loggskolan', lasar: { startdatum: '2026-08-17', slutdatum: '2027-06-11' } });
    expect(skapad.ok).toBe(true);
    const elev = await backend.dispatch('elev:create', { fornamn: 'Signe', efternamn: 'Loggström', arskurs: 5 });
    if (!elev.ok) throw new Error(elev.error.message);
    const elevId = (elev.value as { id: number }).id;
    const insats = await backend.dispatch('insats:create', {
      niva: 'individ', elevId, beskrivning: 'Läsfixare varje morgon', typ: 'extra_anpassning', forvantadEffekt: 'Läser flytande', startdatum: '2026-11-02',
    });
    if (!insats.ok) throw new Error(insats.error.message);
    const utdrag = buildRegisterutdrag(backend.context.db, elevId, now.toISOString());
    const insatsId = String((insats.value as { id: number }).id);
    expect(utdrag.logg.some((l) => l.tabell === 'elev' && l.rad_id === String(elevId))).toBe(true);
    const insatsPost = utdrag.logg.find((l) => l.tabell === 'insats' && l.rad_id === insatsId);
    expect(String(insatsPost?.efter)).toContain('Läsfixare varje morgon');
    backend.close();
  });
});

describe('registerutdrag and the import logs', () => {
  it("holds the history of the pupil's imported rows, also of a criterion a later file removed", async () => {
    const { createBackend } = await import('../../electron/backend/backend');
    const now = new Date('2026-11-23T09:00:00Z');
    const dataDir = tempDir();
    const backend = await createBackend({ dataDir, mode: 'browser', now: () => now, backupIntervalMs: null });
    const ok = async <T>(channel: string, args: unknown): Promise<T> => {
      const reply = await backend.dispatch(channel, args);
      if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
      return reply.value as T;
    };
    await ok('demo:open', { size: 's' });
    const db = backend.context.db;
    const elev = db.prepare('SELECT id, extern_id FROM elev WHERE aktiv = 1 AND extern_id IS NOT NULL ORDER BY id LIMIT 1').get() as { id: number; extern_id: string };
    const run = async (fileName: string, rows: string[][]) => {
      const content = `Elev-ID;Ämne;Betyg;Ej nådda kriterier;Tillfälle;Datum\r\n${rows.map((r) => [elev.extern_id, ...r, 'Utdragsprovet', '2026-11-20'].join(';')).join('\r\n')}\r\n`;
      const args = { kind: 'resultat', fileName, contentBase64: Buffer.from(content, 'utf8').toString('base64'), sheet: null };
      const preview = await ok<{ proposedMapping: Record<string, string> }>('import:preview', args);
      return ok<{ importId: number; refused: string | null }>('import:run', { ...args, mapping: preview.proposedMapping, onlyValidRows: false, dryRun: false, matchChoices: {} });
    };
    const first = await run('resultat-1.csv', [['MA', 'F', 'Kriterium 1 | Kriterium 2'], ['SV', 'C', '']]);
    const second = await run('resultat-2.csv', [['MA', 'E', ''], ['SV', 'C', '']]);
    expect([first.refused, second.refused]).toEqual([null, null]);
    // The import's rows are audited through its own change log, not as entries per row.
    expect(db.prepare("SELECT tabell FROM audit_logg WHERE kanal = 'import:run'").pluck().all()).toEqual(Array(4).fill('import_korning'));

    const file = await ok<{ base64: string }>('rapport:registerutdrag', { elevId: elev.id, format: 'json' });
    const utdrag = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as Registerutdrag;
    const historik = utdrag.importhistorik.map((h) => [h.filnamn, h.tabell, h.operation, JSON.parse(String(h.efter ?? h.fore)) as Rad]);
    const expected = db
      .prepare('SELECT k.filnamn, a.tabell, a.operation, coalesce(a.efter, a.fore) AS rad FROM import_andring a JOIN import_korning k ON k.id = a.import_id WHERE a.elev_id = ? ORDER BY a.id')
      .all(elev.id) as { filnamn: string; tabell: string; operation: string; rad: string }[];
    expect(historik).toEqual(expected.map((e) => [e.filnamn, e.tabell, e.operation, JSON.parse(e.rad)]));
    // Two results and two criteria added; the grade changed and both criteria removed by the second file.
    expect(historik.map(([f, t, o]) => `${String(f)} ${String(t)} ${String(o)}`).sort()).toEqual([
      'resultat-1.csv resultat insert', 'resultat-1.csv resultat insert',
      'resultat-1.csv resultat_kriterium insert', 'resultat-1.csv resultat_kriterium insert',
      'resultat-2.csv resultat update',
      'resultat-2.csv resultat_kriterium delete', 'resultat-2.csv resultat_kriterium delete',
    ]);
    expect(historik.find(([, t, o]) => t === 'resultat' && o === 'update')?.[3]).toMatchObject({ elev_id: elev.id, niva: 'E' });
    backend.close();

    // The CLI writes the same import history as the app.
    const out = path.join(tempDir(), 'utdrag.json');
    const cli = spawnSync(process.execPath, [CLI, 'export', 'registerutdrag', '--data', dataDir, '--elev', String(elev.id), '--format', 'json', '--out', out], {
      cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000,
    });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const fromCli = JSON.parse(fs.readFileSync(out, 'utf8')) as Registerutdrag;
    expect(fromCli.importhistorik).toEqual(utdrag.importhistorik);
  }, 120_000);
});
