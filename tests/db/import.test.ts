// The import through the real backend on a real SQLite file: all-or-nothing, only valid rows, idempotent
// re-import in every dialect, ambiguous names asked, undo as a whole, saved mappings.
import { describe, expect, it } from 'vitest';
import type { ImportHistoryEntry, ImportResult, SavedMapping } from '../../shared/import/types';
import { count, dumpHash, importFixture, newSchool, ok, withRegister } from './importSupport';

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
    expect(db.prepare('SELECT namn, datum FROM bedomningstillfalle').all()).toEqual([{ namn: 'Varv 2', datum: '2026-10-16' }]);
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
    backend.close();
  });

  it('refuses a broken file with every problem listed by row and column, and changes nothing', async () => {
    const backend = await newSchool();
    await withRegister(backend);
    const before = dumpHash(backend.context.db);
    const r = await importFixture(backend, 'resultat', 'resultat-trasig.csv');
    expect(r.refused).toMatch(/5 problem\. Ingenting har importerats/);
    expect(r.problems.map((p) => [p.rad, p.kolumn, p.varde])).toEqual([
      [7, 'Ämne', 'XY'], [8, 'Betyg', 'G'], [9, 'Elev-ID', 'E99999'], [10, '', ''], [11, 'Datum', '2026-02-30'],
    ]);
    expect(r.problems.map((p) => p.orsak)).toEqual([
      'Okänd ämneskod eller ämnesnamn.',
      'Betyget eller bedömningen finns inte på skalan (A–F, - eller ej nått / på väg / nått).',
      'Eleven finns inte i registret.',
      'Samma elev, ämne och tillfälle finns redan på rad 2.',
      'Datumet finns inte i kalendern.',
    ]);
    expect(dumpHash(backend.context.db)).toBe(before);
    const history = await ok<ImportHistoryEntry[]>(backend, 'import:history');
    expect(history.some((h) => h.filnamn === 'resultat-trasig.csv')).toBe(false);
    backend.close();
  });

  it('imports only the valid rows when the user chooses to, and says so in the result and the history', async () => {
    const backend = await newSchool();
    await withRegister(backend);
    const r = await importFixture(backend, 'resultat', 'resultat-trasig.csv', { onlyValidRows: true });
    expect(r).toMatchObject({ refused: null, baraGiltiga: true, giltigaRader: 10, tillagda: 10, hoppade: 5 });
    expect(count(backend.context.db, 'resultat')).toBe(10);
    const [latest] = await ok<ImportHistoryEntry[]>(backend, 'import:history');
    expect(latest).toMatchObject({ filnamn: 'resultat-trasig.csv', baraGiltiga: true, tillagda: 10, hoppade: 5 });
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
