// The import through the real backend on a real SQLite file: all-or-nothing, only valid rows, idempotent
// re-import in every dialect, ambiguous names asked, undo as a whole, saved mappings; and the import's place in the
// audit log (one sealed digest of its change log instead of an entry per row), checked by `varvet check`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { importDigest } from '../../../electron/backend/audit/importAudit';
import { verifyAuditChain } from '../../../electron/backend/audit/verify';
import { checkDatabase } from '../../../electron/backend/db/check';
import { DatabaseConstructor as BetterSqlite3, type Database } from '../../../electron/backend/db/driver';
import { databasePath } from '../../../electron/backend/paths';
import type { ImportHistoryEntry, ImportResult, SavedMapping } from '../../../shared/import/types';
import { EJ_NADD, writeBenchResultat } from '../../fixtures/import/bench';
import { toCsv } from '../../fixtures/import/generate';
import { CLI, tempDir } from '../../support/tmp';
import { expectStateMatchesTables, rowKey } from '../audit/replay';
import { NOW, count, dumpHash, fileArgs, importFixture, newSchool, ok, withRegister } from './support';

describe('import of the register', () => {
  it('imports staff, pupils, groups and teaching from the fixtures with å/ä/ö intact', async () => {
    const backend = await newSchool();
    await withRegister(backend);
    const db = backend.context.db;
    expect(count(db, 'personal')).toBe(10);
    expect(count(db, 'elev')).toBe(62);
    expect(db.prepare("SELECT count(*) FROM personal_roll WHERE roll = 'mentor'").pluck().get()).toBe(5);
    const grupper = db.prepare('SELECT namn, typ, arskurs FROM grupp ORDER BY namn').all();
    expect(grupper).toContainEqual({ namn: '7A', typ: 'klass', arskurs: 7 });
    expect(grupper).toContainEqual({ namn: 'Matte 7 fördjupning', typ: 'undervisningsgrupp', arskurs: 7 });
    expect(db.prepare("SELECT count(*) FROM gruppmedlem m JOIN grupp g ON g.id = m.grupp_id WHERE g.namn = 'Matte 7 fördjupning'").pluck().get()).toBe(8);
    expect(db.prepare("SELECT kod, sprak FROM amne WHERE sprak <> '' ORDER BY kod").all()).toEqual([{ kod: 'M2', sprak: 'Spanska' }, { kod: 'ML', sprak: 'Arabiska' }]);
    expect(count(db, 'undervisning')).toBe(23);
    // Every pupil has a class and a mentor, and names with å/ä/ö survived Windows-1252.
    expect(db.prepare('SELECT count(*) FROM elev WHERE klass_id IS NULL OR mentor_id IS NULL').pluck().get()).toBe(0);
    const names = (db.prepare('SELECT fornamn || efternamn FROM elev UNION ALL SELECT fornamn || efternamn FROM personal').pluck().all() as string[]).join('');
    expect(names).toMatch(/[åäöÅÄÖ]/);
    expect(names).not.toMatch(/\uFFFD|Ã/);
    backend.close();
  });

  it('re-importing the same pupils from any dialect changes nothing', async () => {
    const backend = await newSchool();
    await withRegister(backend);
    const before = dumpHash(backend.context.db, false);
    for (const [file, sheet] of [['elever.csv', undefined], ['elever-utf8-bom.csv', undefined], ['elever.xlsx', undefined]] as const) {
      const r = await importFixture(backend, 'elever', file, sheet ? { sheet } : {});
      expect(r, file).toMatchObject({ refused: null, tillagda: 0, andrade: 0, oforandrade: 62 });
    }
    expect(dumpHash(backend.context.db, false)).toBe(before);
    backend.close();
  });
});

describe('import of results', () => {
  it('imports results with criteria, then reports 0 changes for the same results in every dialect', async () => {
    const backend = await newSchool();
    await withRegister(backend);
    const db = backend.context.db;
    const first = await importFixture(backend, 'resultat', 'resultat.csv');
    expect(first).toMatchObject({ refused: null, applied: true, tillagda: 216, andrade: 0, problems: [] });
    expect(count(db, 'resultat')).toBe(216);
    // 16 October lies in the school weeks kept free between varv 1 and 2 (the schedule puts varv 1's EHT-möte six weeks
    // after the första EHT-möte), so the occasion is named by its date.
    expect(db.prepare('SELECT namn, datum FROM bedomningstillfalle').all()).toEqual([{ namn: 'Bedömning 2026-10-16', datum: '2026-10-16' }]);
    expect(db.prepare("SELECT count(*) FROM resultat WHERE niva IN ('ej_natt', 'pa_vag', 'natt')").pluck().get()).toBeGreaterThan(0);
    expect(count(db, 'resultat_kriterium')).toBeGreaterThan(0);
    expect(db.prepare("SELECT count(*) FROM betygskriterium WHERE text = 'Problemlösning'").pluck().get()).toBe(1);
    const after = dumpHash(db, false);
    for (const [file, mapping, sheet] of [
      ['resultat.csv', {}, undefined], ['resultat-komma.csv', {}, undefined], ['resultat.xlsx', {}, 'Resultat'],
      ['resultat-utf8-bom.csv', { niva: 'Kunskapsnivå (varv 2)' }, undefined],
    ] as const) {
      const again = await importFixture(backend, 'resultat', file, { mapping, ...(sheet ? { sheet } : {}) });
      expect(again, file).toMatchObject({ refused: null, applied: false, tillagda: 0, andrade: 0, oforandrade: 216 });
    }
    expect(dumpHash(db, false)).toBe(after);
    // The history says which sheet of an Excel file was read; a CSV file has none.
    const history = await ok<ImportHistoryEntry[]>(backend, 'import:history');
    expect(history.map((h) => [h.filnamn, h.blad])).toEqual([
      ['resultat-utf8-bom.csv', null], ['resultat.xlsx', 'Resultat'], ['resultat-komma.csv', null], ['resultat.csv', null], ['resultat.csv', null],
      ['undervisning.xlsx', 'Undervisning'], ['grupper.csv', null], ['elever.csv', null], ['personal.csv', null],
    ]);
    backend.close();
  });

  it('refuses a broken file with every problem listed by row and column, and changes nothing', async () => {
    const backend = await newSchool();
    await withRegister(backend);
    const before = dumpHash(backend.context.db);
    const r = await importFixture(backend, 'resultat', 'resultat-trasig.csv');
    expect(r.refused).toMatch(/6 problem\. Ingenting har importerats/);
    expect(r.problems.map((p) => [p.rad, p.kolumn, p.varde])).toEqual([
      [7, 'Ämne', 'XY'], [8, 'Betyg', 'G'], [9, 'Elev-ID', 'E99999'], [10, 'Elev-ID, Ämne, Datum', 'E24001, MA, 2026-10-16'],
      [11, 'Datum', '2026-02-30'], [12, 'Betyg', 'B'],
    ]);
    expect(r.problems.map((p) => p.orsak)).toEqual([
      'Okänd ämneskod eller ämnesnamn.',
      'Betyget eller bedömningen finns inte på skalan (A–F, - eller ej nått / på väg / nått).',
      'Eleven finns inte i registret.',
      'Samma elev, ämne och tillfälle finns redan på rad 2.',
      'Datumet finns inte i kalendern.',
      'Eleven går i åk 4; betyg A–F ges från åk 6. Före åk 6 bedöms resultatet som ej nått / på väg / nått.',
    ]);
    expect(dumpHash(backend.context.db)).toBe(before);
    const history = await ok<ImportHistoryEntry[]>(backend, 'import:history');
    expect(history.some((h) => h.filnamn === 'resultat-trasig.csv')).toBe(false);
    backend.close();
  });

  it('checks each level against the scale of the pupil’s årskurs at the occasion and the school’s betygFranArskurs', async () => {
    const backend = await newSchool();
    await withRegister(backend);
    const db = backend.context.db;
    // The läsår before: E24025 (åk 7 now) was in åk 6, E24001 (åk 4 now) in åk 3.
    db.prepare("INSERT INTO lasar (namn, startdatum, slutdatum) VALUES ('2025/26', '2025-08-18', '2026-06-12')").run();
    const csv = [
      'Elev-ID;Ämne;Betyg;Datum',
      'E24025;MA;Nått;2026-10-16', // åk 7: the early scale is wrong
      'E24025;SV;C;2026-10-16',
      'E24001;MA;B;2026-10-16', // åk 4: a grade is wrong
      'E24001;SV;På väg;2026-10-16',
      'E24025;EN;-;2026-03-10', // åk 6 last läsår: '-' is on the grade scale
      'E24025;BI;Ej nått;2026-03-10', // åk 6 last läsår: wrong
      'E24001;EN;A;2026-03-10', // åk 3 last läsår: wrong
    ].join('\r\n');
    const bytes = new Uint8Array(Buffer.from(csv, 'utf8'));
    const before = dumpHash(db, false);
    const r = await importFixture(backend, 'resultat', 'skala.csv', { bytes });
    expect(r.refused).toMatch(/4 problem\. Ingenting har importerats/);
    expect(r.problems.map((p) => [p.rad, p.kolumn, p.varde, p.orsak])).toEqual([
      [2, 'Betyg', 'Nått', 'Eleven går i åk 7; från åk 6 ska resultatet vara ett betyg A–F eller -, inte ej nått / på väg / nått.'],
      [4, 'Betyg', 'B', 'Eleven går i åk 4; betyg A–F ges från åk 6. Före åk 6 bedöms resultatet som ej nått / på väg / nått.'],
      [7, 'Betyg', 'Ej nått', 'Eleven gick i åk 6 läsåret 2025/26; från åk 6 ska resultatet vara ett betyg A–F eller -, inte ej nått / på väg / nått.'],
      [8, 'Betyg', 'A', 'Eleven gick i åk 3 läsåret 2025/26; betyg A–F ges från åk 6. Före åk 6 bedöms resultatet som ej nått / på väg / nått.'],
    ]);
    expect(dumpHash(db, false)).toBe(before);

    // A school that gives grades from åk 4 with its own words for the early scale: the same file reads differently.
    await ok(backend, 'installningar:set', { betygFranArskurs: 4, tidigSkala: { ej_natt: 'Inte än', pa_vag: 'Nästan', natt: 'Klart' } });
    const r4 = await importFixture(backend, 'resultat', 'skala.csv', { bytes, dryRun: true });
    expect(r4.problems.map((p) => [p.rad, p.orsak])).toEqual([
      [2, 'Eleven går i åk 7; från åk 4 ska resultatet vara ett betyg A–F eller -, inte inte än / nästan / klart.'],
      [5, 'Eleven går i åk 4; från åk 4 ska resultatet vara ett betyg A–F eller -, inte inte än / nästan / klart.'],
      [7, 'Eleven gick i åk 6 läsåret 2025/26; från åk 4 ska resultatet vara ett betyg A–F eller -, inte inte än / nästan / klart.'],
      [8, 'Eleven gick i åk 3 läsåret 2025/26; betyg A–F ges från åk 4. Före åk 4 bedöms resultatet som inte än / nästan / klart.'],
    ]);
    backend.close();
  });

  it('imports only the valid rows when the user chooses to, and says so in the result and the history', async () => {
    const backend = await newSchool();
    await withRegister(backend);
    const r = await importFixture(backend, 'resultat', 'resultat-trasig.csv', { onlyValidRows: true });
    expect(r).toMatchObject({ refused: null, baraGiltiga: true, giltigaRader: 10, tillagda: 10, hoppade: 6 });
    expect(count(backend.context.db, 'resultat')).toBe(10);
    const [latest] = await ok<ImportHistoryEntry[]>(backend, 'import:history');
    expect(latest).toMatchObject({ filnamn: 'resultat-trasig.csv', baraGiltiga: true, tillagda: 10, hoppade: 6 });
    backend.close();
  });

  it('asks which pupil a shared name means instead of guessing, and follows the answer', async () => {
    const backend = await newSchool();
    await withRegister(backend);
    const db = backend.context.db;
    const asked = await importFixture(backend, 'resultat', 'resultat-utan-id.csv');
    expect(asked.refused).toMatch(/1 fråga om vem som avses/);
    const [q] = asked.questions;
    expect(q).toMatchObject({ fraga: 'Elsa Lindberg, 7A', rader: [8] });
    expect(q?.kandidater).toHaveLength(2);
    expect(count(db, 'resultat')).toBe(0);

    const skip = await importFixture(backend, 'resultat', 'resultat-utan-id.csv', { matchChoices: { [q!.nyckel]: null }, dryRun: true });
    expect(skip).toMatchObject({ refused: null, tillagda: 6, hoppade: 1 });
    const chosen = q!.kandidater[1]!.id;
    const r = await importFixture(backend, 'resultat', 'resultat-utan-id.csv', { matchChoices: { [q!.nyckel]: chosen } });
    expect(r).toMatchObject({ refused: null, tillagda: 7 });
    expect(db.prepare("SELECT elev_id FROM resultat r JOIN amne a ON a.id = r.amne_id WHERE r.elev_id = ? AND a.kod = 'MA'").pluck().get(chosen)).toBe(chosen);
    backend.close();
  });

  it('a dry run reports exact counts and writes nothing', async () => {
    const backend = await newSchool();
    await withRegister(backend);
    const before = dumpHash(backend.context.db);
    const r = await importFixture(backend, 'resultat', 'resultat.csv', { dryRun: true });
    expect(r).toMatchObject({ dryRun: true, applied: true, tillagda: 216, importId: null });
    expect(dumpHash(backend.context.db)).toBe(before);
    backend.close();
  });

  it('refuses a mapping without the required columns and names them', async () => {
    const backend = await newSchool();
    await withRegister(backend);
    const r = await importFixture(backend, 'resultat', 'resultat-utf8-bom.csv');
    expect(r.missing).toEqual(['Betyg eller bedömning']);
    expect(r.refused).toMatch(/Kolumnmappningen saknar: Betyg eller bedömning/);
    backend.close();
  });
});

describe('undo and saved mappings', () => {
  it('undoes an import as a whole, restoring changed rows, and refuses while a later import touched the same rows', async () => {
    const backend = await newSchool();
    await withRegister(backend);
    const db = backend.context.db;
    const beforeResults = dumpHash(db, false);
    const first = await importFixture(backend, 'resultat', 'resultat.csv');
    // A later file changes one grade that the first import added.
    const csv = 'Elev-ID;Ämne;Betyg;Datum\r\nE24030;Matematik;A;2026-10-16\r\n';
    const later = await importFixture(backend, 'resultat', 'andring.csv', { bytes: new Uint8Array(Buffer.from(csv, 'utf8')) });
    expect(later).toMatchObject({ refused: null, andrade: 1 });

    const refused = await backend.dispatch('import:undo', { id: first.importId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/kan inte ångras: 1 av raderna.*Ångra först de senare importerna/) } });
    const undoneLater = await ok<ImportHistoryEntry>(backend, 'import:undo', { id: later.importId });
    expect(undoneLater.angrad).not.toBeNull();
    await ok(backend, 'import:undo', { id: first.importId });
    expect(dumpHash(db, false)).toBe(beforeResults);
    expect(await backend.dispatch('import:undo', { id: first.importId })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/redan ångrad/) } });
    backend.close();
  });

  it('restores a pupil who moved class, and refuses to undo when an insats now uses an imported pupil', async () => {
    const backend = await newSchool();
    await withRegister(backend);
    const db = backend.context.db;
    const before = dumpHash(db, false);
    const csv = 'Elev-ID;Förnamn;Efternamn;Klass\r\nE24001;Vera;Gustafsson;4B\r\nE24999;Ny;Elevsson;7B\r\n';
    const moved = await importFixture(backend, 'elever', 'flytt.csv', { bytes: new Uint8Array(Buffer.from(csv, 'utf8')) });
    expect(moved).toMatchObject({ tillagda: 1, andrade: 1 });
    const ny = db.prepare("SELECT id FROM elev WHERE extern_id = 'E24999'").pluck().get() as number;
    await ok(backend, 'insats:create', {
      niva: 'individ', elevId: ny, beskrivning: 'Läsfixare tre gånger i veckan', typ: 'extra_anpassning', forvantadEffekt: 'Läser flytande', startdatum: '2026-11-23',
    });
    const refused = await backend.dispatch('import:undo', { id: moved.importId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/används nu av annat/) } });
    db.prepare('DELETE FROM insats WHERE elev_id = ?').run(ny);
    await ok(backend, 'import:undo', { id: moved.importId });
    expect(dumpHash(db, false)).toBe(before);
    backend.close();
  });

  it('saves a mapping per source and reuses it', async () => {
    const backend = await newSchool();
    await withRegister(backend);
    const mapping = { externId: 'Elev-ID', amne: 'Ämne', niva: 'Kunskapsnivå (varv 2)', datum: 'Datum', kriterier: 'Ej nådda kriterier' };
    await ok(backend, 'import:saveMapping', { kalla: 'Skolplattformen – resultat', kind: 'resultat', mapping });
    await ok(backend, 'import:saveMapping', { kalla: 'Skolplattformen – resultat', kind: 'resultat', mapping: { ...mapping, klass: 'Klass' } });
    const saved = await ok<SavedMapping[]>(backend, 'import:mappings', { kind: 'resultat' });
    expect(saved).toHaveLength(1);
    expect(saved[0]?.mappning).toEqual({ ...mapping, klass: 'Klass' });
    const r = await importFixture(backend, 'resultat', 'resultat-utf8-bom.csv', { mapping: saved[0]?.mappning });
    expect(r).toMatchObject<Partial<ImportResult>>({ refused: null, tillagda: 216 });
    backend.close();
  });
});

// The import in the audit log (issue 8, item 6): the data rows an import (or its undo) writes are recorded in its
// own change log, not one audit entry per row; the audit log holds the import_korning row's entries, sealed, whose
// digest covers that change log, so `varvet check` finds a changed, added or removed row in it.
describe('import in the audit log', () => {
  type Row = Record<string, unknown>;
  const entriesAfter = (db: Database, id: number) => db.prepare('SELECT * FROM audit_logg WHERE id > ? ORDER BY id').all(id) as Row[];
  const lastEntry = (db: Database) => db.prepare('SELECT coalesce(max(id), 0) FROM audit_logg').pluck().get() as number;
  const flag = (db: Database) => db.prepare('SELECT count(*) FROM audit_import_pagar').pluck().get() as number;

  async function demoSchool(dataDir = tempDir()): Promise<Backend> {
    const backend = await createBackend({ dataDir, mode: 'browser', now: () => NOW, backupIntervalMs: null });
    await ok(backend, 'demo:open', { size: 's' });
    return backend;
  }

  /** A result file for the demo school's pupils, and the same file with every tenth grade and its criteria changed. */
  function resultFiles(db: Database, rows: number): { first: Uint8Array; changed: Uint8Array } {
    const file = path.join(tempDir(), 'resultat.csv');
    expect(writeBenchResultat(db, file, rows)).toBe(rows);
    const bytes = fs.readFileSync(file);
    const table = parse(iconv.decode(bytes, 'win1252'), { delimiter: ';' }) as string[][];
    const changed = table.map((cells, i) => {
      if (i === 0) return cells;
      const out = [...cells];
      // Every tenth row changes grade (an F gains or loses its criteria); every tenth F keeps one of its two.
      // The early years' scale stays on its scale: ej nått ↔ nått.
      const tidig = ['Nått', 'På väg', 'Ej nått'].includes(cells[5] ?? '');
      const ejNadd = EJ_NADD.has(cells[5] ?? '');
      if (i % 10 === 0) [out[5], out[6]] = ejNadd ? [tidig ? 'Nått' : 'E', ''] : [tidig ? 'Ej nått' : 'F', 'Kriterium 1'];
      else if (i % 10 === 5 && ejNadd) out[6] = 'Kriterium 2';
      return out;
    });
    return { first: new Uint8Array(bytes), changed: new Uint8Array(iconv.encode(toCsv(changed, ';'), 'win1252')) };
  }

  it('an import of thousands of rows is two sealed entries of its import_korning row, whose digest covers its change log', async () => {
    const backend = await demoSchool();
    const db = backend.context.db;
    const { first } = resultFiles(db, 3000);
    const before = lastEntry(db);
    const tables = ['resultat_kriterium', 'betygskriterium', 'bedomningstillfalle'];
    const countsBefore = tables.map((t) => count(db, t));
    const r = await importFixture(backend, 'resultat', 'resultat-3000.csv', { bytes: first });
    expect(r).toMatchObject({ refused: null, tillagda: 3000 });
    const [kriterier = 0, nyaKriterier = 0, tillfallen = 0] = tables.map((t, i) => count(db, t) - (countsBefore[i] ?? 0));
    expect(kriterier).toBeGreaterThan(500);
    expect(tillfallen).toBe(2);

    const entries = entriesAfter(db, before);
    expect(entries.map((e) => [e.tabell, e.operation, e.rad_id, e.kanal])).toEqual([
      ['import_korning', 'I', String(r.importId), 'import:run'],
      ['import_korning', 'U', String(r.importId), 'import:run'],
    ]);
    for (const e of entries) expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
    const andringar = db.prepare('SELECT count(*) FROM import_andring WHERE import_id = ?').pluck().get(r.importId) as number;
    // Every result and criterion link it added, the criteria and the two occasions it created.
    expect(andringar).toBe(3000 + kriterier + nyaKriterier + tillfallen);
    expect(JSON.parse(String(entries[1]?.efter))).toMatchObject({
      id: r.importId, filnamn: 'resultat-3000.csv', tillagda: 3000, andringar_sha256: importDigest(db, r.importId as number),
    });
    expect(flag(db)).toBe(0);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, unsealed: 0 });
    // Each change names its pupil: a result its own, a criterion its result's.
    expect(db.prepare(`SELECT count(*) FROM import_andring a JOIN resultat r ON r.id = json_extract(a.nyckel, '$.id')
      WHERE a.import_id = ? AND a.tabell = 'resultat' AND a.elev_id = r.elev_id`).pluck().get(r.importId)).toBe(3000);
    expect(db.prepare(`SELECT count(*) FROM import_andring a JOIN resultat r ON r.id = json_extract(a.nyckel, '$.resultat_id')
      WHERE a.import_id = ? AND a.tabell = 'resultat_kriterium' AND a.elev_id = r.elev_id`).pluck().get(r.importId)).toBe(kriterier);

    // Ordinary changes of the same tables right after are audited row by row, as always.
    const elevId = db.prepare('SELECT min(id) FROM elev').pluck().get() as number;
    const mark = lastEntry(db);
    await ok(backend, 'elev:update', { id: elevId, fornamn: 'Märta' });
    await ok(backend, 'grupp:create', { namn: 'Läsgruppen X', typ: 'undervisningsgrupp' });
    expect(entriesAfter(db, mark).map((e) => [e.tabell, e.operation, e.kanal])).toEqual([['elev', 'U', 'elev:update'], ['grupp', 'I', 'grupp:create']]);

    // The undo is one entry too: the import_korning row's angrad; the restored rows are the reverse of the sealed log.
    const beforeUndo = lastEntry(db);
    await ok(backend, 'import:undo', { id: r.importId });
    const undo = entriesAfter(db, beforeUndo);
    expect(undo.map((e) => [e.tabell, e.operation, e.kanal])).toEqual([['import_korning', 'U', 'import:undo']]);
    expect(JSON.parse(String(undo[0]?.fore)).angrad).toBeNull();
    expect(JSON.parse(String(undo[0]?.efter))).toMatchObject({ angrad: NOW.toISOString(), andringar_sha256: importDigest(db, r.importId as number) });
    expect(tables.map((t) => count(db, t))).toEqual(countsBefore);
    expect(flag(db)).toBe(0);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, unsealed: 0 });
    backend.close();
  }, 120_000);

  it('`varvet check` finds a row of an import\'s change log changed, removed or added behind Varvet\'s back', async () => {
    const dataDir = tempDir();
    const backend = await demoSchool(dataDir);
    const { first } = resultFiles(backend.context.db, 400);
    const r = await importFixture(backend, 'resultat', 'resultat-400.csv', { bytes: first });
    const importId = r.importId as number;
    const sealedAt = backend.context.db.prepare("SELECT max(id) FROM audit_logg WHERE tabell = 'import_korning' AND rad_id = ?").pluck().get(String(importId)) as number;
    backend.close();
    const file = databasePath(dataDir);
    expect(checkDatabase(file)).toMatchObject({ sound: true, audit: { ok: true } });

    const raw = new BetterSqlite3(file);
    const victim = raw.prepare("SELECT id, efter FROM import_andring WHERE import_id = ? AND tabell = 'resultat' ORDER BY id LIMIT 1 OFFSET 7").get(importId) as { id: number; efter: string };
    const niva = (JSON.parse(victim.efter) as { niva: string }).niva;
    const tamperings: [string, () => void, () => void][] = [
      ['changed', () => raw.prepare("UPDATE import_andring SET efter = json_set(efter, '$.niva', ?) WHERE id = ?").run(niva === 'A' ? 'B' : 'A', victim.id),
        () => raw.prepare('UPDATE import_andring SET efter = ? WHERE id = ?').run(victim.efter, victim.id)],
      ['pupil moved', () => raw.prepare('UPDATE import_andring SET elev_id = elev_id + 1 WHERE id = ?').run(victim.id),
        () => raw.prepare('UPDATE import_andring SET elev_id = elev_id - 1 WHERE id = ?').run(victim.id)],
      ['removed', () => raw.prepare('DELETE FROM import_andring WHERE id = ?').run(victim.id),
        () => raw.prepare("INSERT INTO import_andring (id, import_id, tabell, nyckel, operation, fore, efter, elev_id) SELECT ?, ?, 'resultat', json_object('id', json_extract(?, '$.id')), 'insert', NULL, ?, json_extract(?, '$.elev_id')").run(victim.id, importId, victim.efter, victim.efter, victim.efter)],
      ['added', () => raw.prepare("INSERT INTO import_andring (import_id, tabell, nyckel, operation, fore, efter) VALUES (?, 'elev', '{\"id\":1}', 'update', '{}', '{}')").run(importId),
        () => raw.prepare('DELETE FROM import_andring WHERE id = (SELECT max(id) FROM import_andring)').run()],
    ];
    for (const [what, tamper, restore] of tamperings) {
      tamper();
      const report = checkDatabase(file);
      expect(report.sound, what).toBe(false);
      expect(report.audit, what).toMatchObject({ ok: false, firstBroken: { id: sealedAt, reason: expect.stringContaining(`importens ändringslogg (import ${importId})`) } });
      expect(report.problems, what).toContain(
        `Loggkedjan är bruten vid post ${sealedAt}: importens ändringslogg (import ${importId}) stämmer inte med den förseglade kontrollsumman: en rad i den har ändrats, lagts till eller tagits bort. Loggen kan ha ändrats utanför Varvet.`,
      );
      restore();
      expect(checkDatabase(file), `${what}, restored`).toMatchObject({ sound: true, audit: { ok: true } });
    }
    raw.prepare("UPDATE import_andring SET fore = '{}' WHERE id = ?").run(victim.id);
    raw.close();
    const cli = spawnSync(process.execPath, [CLI, 'check', '--data', dataDir], { encoding: 'utf8' });
    expect(cli.status).not.toBe(0);
    expect(cli.stderr).toContain(`Loggkedjan är bruten vid post ${sealedAt}: importens ändringslogg (import ${importId})`);
  }, 120_000);

  it('an import that fails halfway leaves no flag behind: nothing of it is written and the next change is audited per row', async () => {
    const backend = await demoSchool();
    const db = backend.context.db;
    const { first } = resultFiles(db, 1000);
    const before = { resultat: count(db, 'resultat'), andring: count(db, 'import_andring'), korning: count(db, 'import_korning'), entry: lastEntry(db) };
    db.exec(`CREATE TEMP TRIGGER fel_mitt_i_importen AFTER INSERT ON main.resultat
             WHEN (SELECT count(*) FROM main.resultat WHERE tillfalle_id = NEW.tillfalle_id) >= 300
             BEGIN SELECT RAISE(ABORT, 'injicerat fel mitt i importen'); END`);
    const failed = await backend.dispatch('import:run', {
      ...fileArgs('resultat', 'resultat-1000.csv', first), sheet: null, onlyValidRows: false, dryRun: false, matchChoices: {},
      mapping: { externId: 'Elev-ID', amne: 'Ämne', niva: 'Betyg', kriterier: 'Ej nådda kriterier', tillfalle: 'Tillfälle', datum: 'Datum' },
    });
    expect(failed.ok).toBe(false);
    db.exec('DROP TRIGGER temp.fel_mitt_i_importen');
    expect(flag(db)).toBe(0);
    expect({ resultat: count(db, 'resultat'), andring: count(db, 'import_andring'), korning: count(db, 'import_korning'), entry: lastEntry(db) }).toEqual(before);

    const elevId = db.prepare('SELECT min(id) FROM elev').pluck().get() as number;
    await ok(backend, 'elev:update', { id: elevId, efternamn: 'Efterfelsson' });
    expect(entriesAfter(db, before.entry).map((e) => [e.tabell, e.operation, e.kanal])).toEqual([['elev', 'U', 'elev:update']]);
    // And the same file imports normally afterwards.
    expect(await importFixture(backend, 'resultat', 'resultat-1000.csv', { bytes: first })).toMatchObject({ refused: null, tillagda: 1000 });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, unsealed: 0 });
    backend.close();
  }, 120_000);

  it('an undo that takes rows added in Varvet with it (a role of an imported person) audits those row by row', async () => {
    const backend = await newSchool();
    await withRegister(backend);
    const db = backend.context.db;
    const csv = 'Personal-ID;Förnamn;Efternamn;E-post;Roll\r\nP9001;Tora;Testsson;tora@skola.example;Lärare\r\n';
    const r = await importFixture(backend, 'personal', 'ny-personal.csv', { bytes: new Uint8Array(Buffer.from(csv, 'utf8')) });
    expect(r).toMatchObject({ refused: null, tillagda: 1 });
    const id = db.prepare("SELECT id FROM personal WHERE extern_id = 'P9001'").pluck().get() as number;
    await ok(backend, 'personal:update', { id, roller: ['larare', 'mentor'] });
    const before = lastEntry(db);
    await ok(backend, 'import:undo', { id: r.importId });
    expect(count(db, 'personal')).toBe(10);
    const entries = entriesAfter(db, before);
    expect(entries.every((e) => e.kanal === 'import:undo')).toBe(true);
    expect(entries.map((e) => [e.tabell, e.operation])).toEqual([['personal_roll', 'D'], ['personal', 'D'], ['import_korning', 'U']]);
    expect(JSON.parse(String(entries[0]?.fore))).toEqual({ personal_id: id, roll: 'mentor' });
    expect(flag(db)).toBe(0);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, unsealed: 0 });
    backend.close();
  });

  it('the audit log and the import change logs together replay to every current row', async () => {
    const backend = await demoSchool();
    const db = backend.context.db;
    const { first, changed } = resultFiles(db, 2000);
    await importFixture(backend, 'resultat', 'resultat.csv', { bytes: first });
    const second = await importFixture(backend, 'resultat', 'resultat-andrad.csv', { bytes: changed });
    expect(second).toMatchObject({ refused: null, tillagda: 0 });
    expect(second.andrade).toBeGreaterThan(150);
    expect(db.prepare("SELECT count(*) FROM import_andring WHERE import_id = ? AND tabell = 'resultat_kriterium' AND operation = 'delete'").pluck().get(second.importId)).toBeGreaterThan(0);
    const pupil = db.prepare("SELECT e.extern_id, e.fornamn, e.efternamn, g.namn AS klass FROM elev e JOIN grupp g ON g.id = e.klass_id WHERE e.aktiv = 1 AND e.extern_id IS NOT NULL ORDER BY e.id LIMIT 1").get() as { extern_id: string; fornamn: string; efternamn: string; klass: string };
    // A pupil moved to a class the import creates: the pupil, a group and the memberships change.
    const elever = `Elev-ID;Förnamn;Efternamn;Klass\r\n${pupil.extern_id};${pupil.fornamn};${pupil.efternamn};${pupil.klass}X\r\n`;
    const moved = await importFixture(backend, 'elever', 'elever.csv', { bytes: new Uint8Array(Buffer.from(elever, 'utf8')) });
    expect(moved).toMatchObject({ refused: null, andrade: 1 });
    await ok(backend, 'elev:update', { id: db.prepare('SELECT max(id) FROM elev').pluck().get(), fornamn: 'Sist' });
    await ok(backend, 'import:undo', { id: moved.importId });
    await ok(backend, 'import:undo', { id: second.importId });
    expect(expectReplay(db)).toBeGreaterThan(3000);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, unsealed: 0 });
    backend.close();
  }, 120_000);

  /**
   * Replays the audit log in order; where an import_korning entry shows an import's digest arriving, that import's
   * change log is applied, and where it shows the import undone, the log is applied in reverse. The result must be
   * every row of every audited table (rows the migrations seed excepted).
   */
  function expectReplay(db: Database): number {
    const state = new Map<string, Row>();
    const apply = (table: string, operation: string, fore: Row | null, efter: Row | null) => {
      const key = `${table}:${rowKey(db, table, (efter ?? fore) as Row)}`;
      if (operation === 'D' || operation === 'delete') state.delete(key);
      else state.set(key, efter as Row);
    };
    const logOf = (importId: number) =>
      (db.prepare('SELECT tabell, operation, fore, efter FROM import_andring WHERE import_id = ? ORDER BY id').all(importId) as { tabell: string; operation: string; fore: string | null; efter: string | null }[])
        .map((a) => ({ tabell: a.tabell, operation: a.operation, fore: a.fore === null ? null : (JSON.parse(a.fore) as Row), efter: a.efter === null ? null : (JSON.parse(a.efter) as Row) }));
    const entries = db.prepare("SELECT tabell, operation, fore, efter FROM audit_logg WHERE operation IN ('I','U','D') ORDER BY id").all() as { tabell: string; operation: string; fore: string | null; efter: string | null }[];
    for (const e of entries) {
      const fore = e.fore === null ? null : (JSON.parse(e.fore) as Row);
      const efter = e.efter === null ? null : (JSON.parse(e.efter) as Row);
      apply(e.tabell, e.operation, fore, efter);
      if (e.tabell !== 'import_korning' || e.operation !== 'U' || !fore || !efter) continue;
      if (fore.andringar_sha256 == null && typeof efter.andringar_sha256 === 'string') {
        for (const a of logOf(efter.id as number)) apply(a.tabell, a.operation, a.fore, a.efter);
      }
      if (fore.angrad == null && typeof efter.angrad === 'string') {
        for (const a of logOf(efter.id as number).reverse()) {
          const inverse = a.operation === 'insert' ? 'delete' : a.operation === 'delete' ? 'insert' : 'update';
          apply(a.tabell, inverse, a.efter, a.fore);
        }
      }
    }
    return expectStateMatchesTables(db, state);
  }
});
